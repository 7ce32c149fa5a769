import { Role } from '../../../shared/roles';
import type { RequestContext } from '../request-context';

/**
 * Who may see a person's region, language and any contact or shipping detail: the person
 * themself, an ADMIN (who acts on requests), the system — and, for one claim, the brand managers
 * of the campaign the person claimed (see `claim`).
 */
export function maySeePersonalDetails(ctx: RequestContext, personId: number, claim?: { brandId: number }): boolean {
  if (ctx.system) return true;
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (viewer.role === Role.ADMIN || viewer.personId === personId) return true;
  return claim !== undefined && viewer.role === Role.BRAND_MANAGER && managedBrandIds(ctx).includes(claim.brandId);
}

/**
 * CAMPAIGNS MERGE HOOK: the brands the viewer manages. The claim's resolver passes `{ brandId }` of
 * the claimed campaign to maySeePersonalDetails for the claimant's contact and shipping details;
 * until brands exist on the viewer, no brand manager sees them.
 */
function managedBrandIds(ctx: RequestContext): readonly number[] {
  return (ctx.viewer as { brandIds?: readonly number[] } | null)?.brandIds ?? [];
}
