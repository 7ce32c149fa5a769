import { Role } from '#shared/roles';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { RequestContext, Viewer } from '../request-context';

/** Roles that read influencer data beyond public profiles: accounts, content, interactions, history. */
export const INFLUENCER_DATA_READERS = [Role.ADMIN, Role.ANALYST, Role.BRAND_MANAGER] as const;

/**
 * What each role may do, in one table: services check it (`authorize`), and the GraphQL field
 * policy (server/api/access-policy.ts) is written in these terms. Brand scoping (a manager acts on
 * their brands only; anyone else's campaign answers NOT_FOUND) is checked by the campaign services.
 * Anonymous callers see public profiles and scores only: they appear in no list here.
 */
export const ACCESS = {
  /** Full recompute of every score: heavy, so ADMIN only. */
  rescore: [Role.ADMIN],
  /** Writing people, accounts, content and interactions. */
  ingest: [Role.ADMIN],
  /** Lists of people, accounts, content and interactions; anyone's accounts, content and score history. */
  readInfluencerData: INFLUENCER_DATA_READERS,
  createBrand: [Role.ADMIN],
  addBrandManager: [Role.ADMIN],
  /** Brands, campaigns and their reports (managers: their brands only). */
  readCampaigns: [Role.ADMIN, Role.ANALYST, Role.BRAND_MANAGER],
  /** Creating, editing, previewing and moving campaigns; their audience and claims; shipping claims; conversions. */
  manageCampaigns: [Role.ADMIN, Role.BRAND_MANAGER],
  /** Claiming a perk: a person's own login. */
  claimPerk: [Role.INFLUENCER],
  /** Opt-out, opt-in, export or erasure of someone else's data, on their verified request. */
  privacyRequest: [Role.ADMIN],
  /** Looking people up by region or language, which only they (and admins on requests) may see. */
  filterByPersonalDetails: [Role.ADMIN],
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

/** True when the viewer's role may do `action` (always for the system itself). */
export function may(ctx: RequestContext, action: Action): boolean {
  if (ctx.system) return true;
  const roles: readonly Role[] = ACCESS[action];
  return !!ctx.viewer && roles.includes(ctx.viewer.role);
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
