import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, isCompositeType, NoSchemaIntrospectionCustomRule, validate, GraphQLError } from 'graphql';
import type { RequestLimits } from '../../config';
import type { SharedState } from '../../cluster/shared-state';
import type { Metrics } from '../../observability/metrics';
import { MaxCostExceededError, RateLimitedError, UnauthenticatedError } from '../../services/errors';
import type { GraphQLContext } from '../context';
import { asRequestError } from '../error-formatting';
import { operationCost } from './cost';

export interface LimitsPluginOptions {
  limits: RequestLimits;
  state: SharedState;
  metrics: Metrics;
  /** Production: introspection only for authenticated callers. */
  production: boolean;
}

/** Who spends a budget: the logged-in user, else the client address. */
export function callerKey(ctx: GraphQLContext): string {
  return ctx.viewer ? `user:${ctx.viewer.userId}` : `addr:${ctx.clientAddress ?? 'unknown'}`;
}

/**
 * Checks every operation before it runs (after parsing and validation, which enforce depth,
 * aliases, directives and tokens): introspection rules, the per-operation cost cap and the
 * caller's budget of points, which refills over time and is shared by every instance through
 * Redis. The cost and what is left of the budget come back in `extensions.cost`.
 */
export function limitsPlugin(options: LimitsPluginOptions): ApolloServerPlugin<GraphQLContext> {
  const { limits, state, metrics } = options;
  const rule = { capacity: limits.budget, refillPerSecond: limits.budgetRefillPerSecond };
  return {
    async requestDidStart() {
      let cost: { requestedQueryCost: number; maximumQueryCost: number; budget: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } | undefined;
      let refused = false;
      let operationType = 'unknown';
      return {
        async validationDidStart() {
          return async (errors) => {
            if (!errors?.length) return;
            refused = true;
            for (const e of errors) {
              const limit = (e as GraphQLError).extensions?.limit;
              if (typeof limit === 'string') metrics.limitRefusals.inc({ limit });
            }
          };
        },
        async parsingDidStart() {
          return async (error) => {
            if (error && /tokens/.test(error.message)) metrics.limitRefusals.inc({ limit: 'tokens' });
          };
        },
        async didResolveOperation({ contextValue, document, operation, schema, request }) {
          if (!operation) return;
          operationType = operation.operation;
          if (options.production && !contextValue.viewer) {
            const errors = validate(schema, document, [NoSchemaIntrospectionCustomRule]);
            if (errors.length) {
              refused = true;
              throw asRequestError(new UnauthenticatedError('introspection is for authenticated callers: log in first'));
            }
          }
          const { cost: requested } = operationCost(schema, document, operation, request.variables ?? {});
          metrics.queryCost.observe(requested);
          if (requested > limits.maxCost) {
            refused = true;
            metrics.limitRefusals.inc({ limit: 'cost' });
            throw asRequestError(new MaxCostExceededError(requested, limits.maxCost));
          }
          const taken = await state.take(`budget:${callerKey(contextValue)}`, requested, rule);
          if (!taken.allowed) {
            refused = true;
            metrics.limitRefusals.inc({ limit: 'budget' });
            throw asRequestError(
              new RateLimitedError(
                `This operation costs ${requested} points and ${taken.remaining} are left of your budget of ${limits.budget}; it refills by ${limits.budgetRefillPerSecond} a second. Retry in ${taken.retryAfterSeconds} s.`,
                { retryAfterSeconds: taken.retryAfterSeconds, cost: requested, remaining: taken.remaining },
              ),
            );
          }
          cost = { requestedQueryCost: requested, maximumQueryCost: limits.maxCost, budget: { maximumAvailable: limits.budget, currentlyAvailable: taken.remaining, restoreRate: limits.budgetRefillPerSecond } };
        },
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              // Root fields and fields that return objects: where our resolvers do work. Scalars are property reads.
              const root = info.path.prev === undefined;
              if (!root && !isCompositeType(getNamedType(info.returnType))) return;
              const start = process.hrtime.bigint();
              return () => {
                metrics.resolverDuration.observe({ type: info.parentType.name, field: info.fieldName }, Number(process.hrtime.bigint() - start) / 1e9);
              };
            },
          };
        },
        async willSendResponse({ response, errors }) {
          metrics.graphqlOperations.inc({ type: operationType, outcome: refused ? 'refused' : errors?.length ? 'error' : 'ok' });
          if (cost && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
          }
        },
      };
    },
  };
}
