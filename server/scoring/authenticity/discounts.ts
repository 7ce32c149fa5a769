import { InteractionKind } from '../../../shared/interactions';
import type { KGrant, ScoringInteraction } from '../types';
import type { AuthenticityDiscounts } from './types';
import { interactionKey, kGrantKey, pairKey } from './world';

/** Whether the discounts change anything at all. */
export function hasDiscounts(d: AuthenticityDiscounts | undefined): d is AuthenticityDiscounts {
  return !!d && (d.actors.size > 0 || d.follows.size > 0 || d.pairs.size > 0 || d.interactions.size > 0 || d.content.size > 0);
}

/**
 * The weight each interaction keeps (1 = counts fully, 0 = not at all), aligned with `interactions`.
 * Discount, don't delete: the records stay as they are; the score multiplies each by its weight.
 */
export function interactionWeights(interactions: readonly ScoringInteraction[], d: AuthenticityDiscounts): Float32Array {
  const out = new Float32Array(interactions.length);
  const { actors, follows, pairs, content } = d;
  const keyed = d.interactions;
  const keyedActors = d.interactionActors;
  for (let i = 0; i < interactions.length; i++) {
    const x = interactions[i];
    const a = x.actorAccountId;
    let w = 1;
    if (actors.size) {
      const v = actors.get(a);
      if (v !== undefined) w *= v;
    }
    if (follows.size && x.kind === InteractionKind.FOLLOW) {
      const v = follows.get(a);
      if (v !== undefined) w *= v;
    }
    if (pairs.size) {
      const v = pairs.get(pairKey(a, x.targetAccountId));
      if (v !== undefined) w *= v;
    }
    if (content.size && x.targetContentId != null) {
      const v = content.get(x.targetContentId);
      if (v !== undefined) w *= v;
    }
    if (w > 0 && keyedActors.has(a)) {
      const v = keyed.get(interactionKey(a, x.targetAccountId, x.targetContentId, x.kind, x.occurredAt));
      if (v !== undefined) w *= v;
    }
    out[i] = w;
  }
  return out;
}

/** +K that count: the traded ones are left out. */
export function countedKGrants(grants: readonly KGrant[], d: AuthenticityDiscounts): readonly KGrant[] {
  if (!d.kGrants.size) return grants;
  return grants.filter((g) => !d.kGrants.has(kGrantKey(g.giverPersonId, g.receiverPersonId, g.topicId, g.givenAt)));
}
