import type { Role } from '#shared/roles';
import type { Database } from '../db/database';

/** The logged-in user a request acts for, as stored now (not as the token remembered it). */
export interface Viewer {
  readonly userId: number;
  readonly role: Role;
  /** The person this user is, when they are one (always for INFLUENCER). */
  readonly personId: number | null;
}

/**
 * Who is asking and through what. Every public service method takes it first, so rules
 * (roles, brands, time) are checked in one place whatever the entry point: GraphQL, CLI or seed.
 */
export interface RequestContext {
  readonly db: Database;
  /** A name for logs: "graphql", "import", "seed". */
  readonly origin: string;
  /** The logged-in user; null when anonymous, and for the system's own work (see `system`). */
  readonly viewer: Viewer | null;
  /**
   * True for work the system does itself (start-up, CLI, seed, import): nobody outside asked,
   * so role checks pass. Requests from outside (GraphQL) are never system.
   */
  readonly system: boolean;
}

export function systemContext(db: Database, origin: string): RequestContext {
  return { db, origin, viewer: null, system: true };
}
