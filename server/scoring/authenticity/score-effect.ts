import { scorePeople } from '../score-people';
import type { KGrant, NetworkImpact, ScoringAccount, ScoringContent, ScoringInteraction } from '../types';
import type { AuthenticityResult } from './types';

/**
 * What the discounts did to the flagged people's scores: for each, their score without the
 * discounts minus their score with them (both from their own data and the same cached network
 * impact, as an incremental rescore computes them). Written into each of their flags'
 * effect.scorePoints. A bought-likes target shows the points the burst would have added; a puppet
 * shows ~0 (the discount is on what it gave, which lands on someone else's score).
 */
export function measureScoreEffects(
  data: { asOf: number; accounts: readonly ScoringAccount[]; content: readonly ScoringContent[]; interactions: readonly ScoringInteraction[]; kGrants?: readonly KGrant[] },
  result: AuthenticityResult,
  networkImpact: NetworkImpact,
): void {
  const flagged = [...new Set(result.flags.filter((f) => !f.dismissed).map((f) => f.personId))];
  if (!flagged.length) return;
  const people = new Set(flagged);
  const own = new Set<number>();
  for (const a of data.accounts) if (people.has(a.personId)) own.add(a.id);
  const interactions = data.interactions.filter((i) => own.has(i.actorAccountId) || own.has(i.targetAccountId));
  const involved = new Set<number>(own);
  for (const i of interactions) {
    involved.add(i.actorAccountId);
    involved.add(i.targetAccountId);
  }
  const subset = {
    asOf: data.asOf,
    accounts: data.accounts.filter((a) => involved.has(a.id)),
    content: data.content.filter((c) => own.has(c.authorAccountId)),
    interactions,
    kGrants: (data.kGrants ?? []).filter((g) => people.has(g.receiverPersonId)),
    networkImpact,
    personIds: flagged,
  };
  const withDiscounts = scorePeople({ ...subset, discounts: result.discounts });
  const without = scorePeople(subset);
  for (const f of result.flags) {
    if (f.dismissed) continue;
    const a = without.byPerson.get(f.personId)?.score;
    const b = withDiscounts.byPerson.get(f.personId)?.score;
    if (a !== undefined && b !== undefined) f.effect.scorePoints = Math.round((a - b) * 10) / 10;
  }
}
