import { Role } from '#shared/roles';
import { brandIdsOf } from '../campaigns/brand.service';
import type { RequestContext } from '../request-context';

/**
 * Who may see a person's region, language and any contact or shipping detail: the person
 * themself, an ADMIN (who acts on requests) and the system. Brand managers see them only through a
 * claim of their brand's campaign (maySeeClaimantDetails).
 */
export function maySeePersonalDetails(ctx: RequestContext, personId: number): boolean {
  if (ctx.system) return true;
  const viewer = ctx.viewer;
  if (!viewer) return false;
  return viewer.role === Role.ADMIN || viewer.personId === personId;
}

/** For one claim: the above, and the managers of the brand whose campaign was claimed. */
export async function maySeeClaimantDetails(ctx: RequestContext, personId: number, brandId: number): Promise<boolean> {
  if (maySeePersonalDetails(ctx, personId)) return true;
  return ctx.viewer?.role === Role.BRAND_MANAGER && (await brandIdsOf(ctx)).has(brandId);
}
