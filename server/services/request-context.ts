import type { Database } from '../db/database';

/**
 * Who is asking and through what. Every public service method takes it first, so rules
 * (roles, brands, time) are checked in one place whatever the entry point: GraphQL, CLI or seed.
 */
export interface RequestContext {
  readonly db: Database;
  /** A name for logs: "graphql", "import", "seed". */
  readonly origin: string;
}

export function systemContext(db: Database, origin: string): RequestContext {
  return { db, origin };
}
