import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics of one app (a registry of its own, so two apps in one process, as in
 * tests, do not clash). Served at /metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'sway_http_request_duration_seconds',
    help: 'HTTP requests by route, method and status code.',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: 'sway_graphql_operations_total',
    help: 'GraphQL operations by type and outcome (ok, error, refused: refused by a limit before execution).',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });
  readonly resolverDuration = new Histogram({
    name: 'sway_graphql_resolver_duration_seconds',
    help: 'Time in our resolvers (fields with a resolver of their own), by parent type and field.',
    labelNames: ['type', 'field'],
    buckets: [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly queryCost = new Histogram({
    name: 'sway_graphql_query_cost',
    help: 'Cost in points of the GraphQL operations run.',
    buckets: [1, 5, 10, 50, 100, 500, 1000, 5000, 10000],
    registers: [this.registry],
  });
  readonly limitRefusals = new Counter({
    name: 'sway_limit_refusals_total',
    help: 'Requests refused by a limit, by limit (depth, aliases, directives, tokens, cost, budget, login, body).',
    labelNames: ['limit'],
    registers: [this.registry],
  });
  readonly cacheLookups = new Counter({
    name: 'sway_score_cache_lookups_total',
    help: 'Score cache lookups by result (hit, miss).',
    labelNames: ['result'],
    registers: [this.registry],
  });
  readonly cacheHitRatio: Gauge = new Gauge({
    name: 'sway_score_cache_hit_ratio',
    help: 'Share of score cache lookups that hit, since start.',
    registers: [this.registry],
    collect: (): void => this.cacheHitRatio.set(this.lookups ? this.hits / this.lookups : 0),
  });
  readonly rescoreDuration = new Histogram({
    name: 'sway_rescore_duration_seconds',
    help: 'Full rescores by outcome (published, held, failed).',
    labelNames: ['outcome'],
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    registers: [this.registry],
  });
  readonly rescoreHeld = new Gauge({
    name: 'sway_rescore_held',
    help: '1 while a full rescore is held by the guard (not published), 0 otherwise.',
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({ name: 'sway_http_requests_in_flight', help: 'HTTP requests being served now.', registers: [this.registry] });
  private hits = 0;
  private lookups = 0;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'sway_' });
  }

  cacheLookup(hits: number, misses: number): void {
    if (hits) this.cacheLookups.inc({ result: 'hit' }, hits);
    if (misses) this.cacheLookups.inc({ result: 'miss' }, misses);
    this.hits += hits;
    this.lookups += hits + misses;
  }
}
