import { Role } from '../../../shared/roles';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { RequestContext, Viewer } from '../request-context';

/**
 * Who may do what, in one table. Only what is restricted today is here; a later issue writes the
 * full matrix (brands, campaigns, reads). Anything absent is open to everyone, anonymous included.
 */
export const ACCESS = {
  /** Full recompute of every score: heavy, so ADMIN only. */
  rescore: [Role.ADMIN],
  /** Authenticity flags with their evidence, and the list of flagged people. */
  authenticityFlags: [Role.ADMIN, Role.ANALYST],
  /** Confirming or dismissing a flag. */
  reviewFlag: [Role.ADMIN, Role.ANALYST],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACCESS;

/** The logged-in viewer, or UNAUTHENTICATED. */
export function requireViewer(ctx: RequestContext, doing = 'do this'): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError(`log in to ${doing}`);
  return ctx.viewer;
}

/**
 * Passes when the viewer's role may do `action`, or when the system itself asks (start-up, CLI).
 * Anonymous → UNAUTHENTICATED; logged in with another role → FORBIDDEN.
 */
export function authorize(ctx: RequestContext, action: Action): void {
  if (ctx.system) return;
  const roles: readonly Role[] = ACCESS[action];
  const viewer = requireViewer(ctx, action);
  if (!roles.includes(viewer.role)) throw new ForbiddenError(`${action} needs the role ${roles.join(' or ')}`);
}
