import type { Database } from '../db/database';
import type { Services } from '../services';
import type { RequestContext } from '../services/request-context';
import { createLoaders, type Loaders } from './loaders/loaders';

/** What every resolver receives: the service-level request context plus this request's loaders. */
export interface GraphQLContext extends RequestContext {
  services: Services;
  loaders: Loaders;
}

export function createGraphQLContext(db: Database, services: Services): GraphQLContext {
  const ctx: RequestContext = { db, origin: 'graphql' };
  return { ...ctx, services, loaders: createLoaders(ctx, services) };
}
