import { allocateInteractionColumns, interactionCount, isInteractionColumns } from '../interaction-columns';
import { scorePeople } from '../score-people';
import type { InteractionColumns, KGrant, NetworkImpact, ScoringAccount, ScoringContent, ScoringInteractions } from '../types';
import type { AuthenticityResult } from './types';

/**
 * What the discounts did to the flagged people's scores: for each, their score without the
 * discounts minus their score with them (both from their own data and the same cached network
 * impact, as an incremental rescore computes them). Written into each of their flags'
 * effect.scorePoints. A bought-likes target shows the points the burst would have added; a puppet
 * shows ~0 (the discount is on what it gave, which lands on someone else's score).
 */
export function measureScoreEffects(
  data: { asOf: number; accounts: readonly ScoringAccount[]; content: readonly ScoringContent[]; interactions: ScoringInteractions; kGrants?: readonly KGrant[] },
  result: AuthenticityResult,
  networkImpact: NetworkImpact,
): void {
  const flagged = [...new Set(result.flags.filter((f) => !f.dismissed).map((f) => f.personId))];
  if (!flagged.length) return;
  const people = new Set(flagged);
  const own = new Set<number>();
  for (const a of data.accounts) if (people.has(a.personId)) own.add(a.id);
  const involved = new Set<number>(own);
  const interactions = interactionsTouching(data.interactions, own, involved);
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

/**
 * The interactions given or received by the `own` accounts, in input order, and their accounts
 * added to `involved`. Columns stay columns (only the subset is copied): a full rescore's million
 * interactions are never turned into records.
 */
function interactionsTouching(all: ScoringInteractions, own: ReadonlySet<number>, involved: Set<number>): ScoringInteractions {
  if (!isInteractionColumns(all)) {
    const subset = all.filter((i) => own.has(i.actorAccountId) || own.has(i.targetAccountId));
    for (const i of subset) {
      involved.add(i.actorAccountId);
      involved.add(i.targetAccountId);
    }
    return subset;
  }
  const { actorAccountId, targetAccountId } = all;
  const picked: number[] = [];
  for (let i = 0; i < interactionCount(all); i++) {
    if (own.has(actorAccountId[i]) || own.has(targetAccountId[i])) picked.push(i);
  }
  const out: InteractionColumns = allocateInteractionColumns(picked.length);
  picked.forEach((from, to) => {
    out.actorAccountId[to] = actorAccountId[from];
    out.targetAccountId[to] = targetAccountId[from];
    out.targetContentId[to] = all.targetContentId[from];
    out.kind[to] = all.kind[from];
    out.occurredAt[to] = all.occurredAt[from];
    involved.add(actorAccountId[from]);
    involved.add(targetAccountId[from]);
  });
  return out;
}
