import { INTERACTION_KINDS, InteractionKind } from '#shared/interactions';
import { interactionCount, isInteractionColumns } from '../interaction-columns';
import type { KGrant, ScoringInteractions } from '../types';
import type { AuthenticityDiscounts } from './types';
import { interactionKey, kGrantKey, pairKey } from './world';

/** Whether the discounts change anything at all. */
export function hasDiscounts(d: AuthenticityDiscounts | undefined): d is AuthenticityDiscounts {
  return !!d && (d.actors.size > 0 || d.follows.size > 0 || d.pairs.size > 0 || d.interactions.size > 0 || d.content.size > 0);
}

/**
 * The weight each interaction keeps (1 = counts fully, 0 = not at all), aligned with `interactions`
 * (records or columns: columns are read as they are, no record is built).
 * Discount, don't delete: the records stay as they are; the score multiplies each by its weight.
 */
export function interactionWeights(interactions: ScoringInteractions, d: AuthenticityDiscounts): Float32Array {
  const out = new Float32Array(interactionCount(interactions));
  if (isInteractionColumns(interactions)) {
    const { actorAccountId, targetAccountId, targetContentId, kind, occurredAt } = interactions;
    for (let i = 0; i < out.length; i++) {
      const content = targetContentId[i];
      const k = kind[i];
      out[i] = weightOf(d, actorAccountId[i], targetAccountId[i], content === content ? content : null, k === FOLLOW, INTERACTION_KINDS[k] ?? 'UNKNOWN', occurredAt[i]);
    }
  } else {
    for (let i = 0; i < out.length; i++) {
      const x = interactions[i];
      out[i] = weightOf(d, x.actorAccountId, x.targetAccountId, x.targetContentId, x.kind === InteractionKind.FOLLOW, x.kind, x.occurredAt);
    }
  }
  return out;
}

const FOLLOW = INTERACTION_KINDS.indexOf(InteractionKind.FOLLOW);

/** One interaction's weight under the discounts: the product of every rule that matches it. */
function weightOf(d: AuthenticityDiscounts, a: number, t: number, content: number | null, isFollow: boolean, kind: string, occurredAt: number): number {
  let w = 1;
  if (d.actors.size) {
    const v = d.actors.get(a);
    if (v !== undefined) w *= v;
  }
  if (isFollow && d.follows.size) {
    const v = d.follows.get(a);
    if (v !== undefined) w *= v;
  }
  if (d.pairs.size) {
    const v = d.pairs.get(pairKey(a, t));
    if (v !== undefined) w *= v;
  }
  if (content !== null && d.content.size) {
    const v = d.content.get(content);
    if (v !== undefined) w *= v;
  }
  if (w > 0 && d.interactionActors.has(a)) {
    // The kind string is only built for actors with keyed discounts (bursts, duplicate comments).
    const v = d.interactions.get(interactionKey(a, t, content, kind, occurredAt));
    if (v !== undefined) w *= v;
  }
  return w;
}

/** +K that count: the traded ones are left out. */
export function countedKGrants(grants: readonly KGrant[], d: AuthenticityDiscounts): readonly KGrant[] {
  if (!d.kGrants.size) return grants;
  return grants.filter((g) => !d.kGrants.has(kGrantKey(g.giverPersonId, g.receiverPersonId, g.topicId, g.givenAt)));
}
