import type { Database } from '../db/database';
import type { Services } from '../services';
import { UnauthenticatedError } from '../services/errors';
import type { RequestContext, Viewer } from '../services/request-context';
import { createLoaders, type Loaders } from './loaders/loaders';

/** What every resolver receives: the service-level request context plus this request's loaders. */
export interface GraphQLContext extends RequestContext {
  services: Services;
  loaders: Loaders;
  /** This request's id: in the logs, the X-Request-Id response header and masked errors. */
  requestId?: string;
  /** The client's address (X-Forwarded-For's first hop when TRUST_PROXY is on): rate limits key on it. */
  clientAddress?: string;
}

/** The request's headers, as far as the context needs them (Apollo's HeaderMap fits). */
export interface RequestHeaders {
  get(name: string): string | undefined;
}

/** The context of one request, for `viewer` (null: anonymous). */
export function createGraphQLContext(db: Database, services: Services, viewer: Viewer | null = null, request: { requestId?: string; clientAddress?: string } = {}): GraphQLContext {
  const ctx: RequestContext = { db, origin: 'graphql', viewer, system: false };
  return { ...ctx, services, loaders: createLoaders(ctx, services), ...request };
}

/**
 * Who a request is from. `Authorization: Bearer <token>` makes it the token's user; no header makes
 * it anonymous (null); any other header, or a token that is invalid or expired, fails the whole
 * request with UNAUTHENTICATED: a client holding a bad token should know at once.
 */
export async function viewerOfRequest(db: Database, services: Services, headers: RequestHeaders): Promise<Viewer | null> {
  const authorization = headers.get('authorization')?.trim();
  if (!authorization) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!bearer) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  return services.auth.verify({ db, origin: 'graphql', viewer: null, system: false }, bearer[1]);
}
