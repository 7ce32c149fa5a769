import {
  allocateInteractionColumns,
  interactionCount,
  isInteractionColumns,
  type KGrant,
  type ScoringAccount,
  type ScoringContent,
  type ScoringInteraction,
  type ScoringInteractions,
} from '../../scoring';
import type { Database } from '../../db/database';

/**
 * SQL predicate: the person whose id is `personIdExpr` has not opted out of scoring.
 * Every query that lists, targets or scores people adds it, e.g. audiences:
 * `... WHERE ${notOptedOut('p.id')}`.
 */
export function notOptedOut(personIdExpr: string): string {
  return `NOT EXISTS (SELECT 1 FROM person_opt_out oo WHERE oo.person_id = ${personIdExpr})`;
}

/** The opted-out people and their accounts. One small statement: opt-outs are few. */
export async function readOptedOut(db: Database): Promise<{ people: Set<number>; accounts: Set<number> }> {
  const rows: { person_id: number | string; account_id: number | string | null }[] = await db.reader.query(
    'SELECT o.person_id, a.id AS account_id FROM person_opt_out o LEFT JOIN network_account a ON a.person_id = o.person_id',
  );
  const people = new Set<number>();
  const accounts = new Set<number>();
  for (const r of rows) {
    people.add(Number(r.person_id));
    if (r.account_id != null) accounts.add(Number(r.account_id));
  }
  return { people, accounts };
}

interface ScoringRecords {
  accounts: readonly ScoringAccount[];
  content: readonly ScoringContent[];
  interactions: ScoringInteractions;
  kGrants?: readonly KGrant[];
}

/** The interactions none of these accounts took part in, in the form they came (records or columns). */
function interactionsWithout<T extends ScoringInteractions>(interactions: T, accounts: ReadonlySet<number>): T {
  if (!isInteractionColumns(interactions)) {
    return (interactions as readonly ScoringInteraction[]).filter((i) => !accounts.has(i.actorAccountId) && !accounts.has(i.targetAccountId)) as unknown as T;
  }
  const { actorAccountId, targetAccountId } = interactions;
  const n = interactionCount(interactions);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (!accounts.has(actorAccountId[i]) && !accounts.has(targetAccountId[i])) keep.push(i);
  if (keep.length === n) return interactions;
  const out = allocateInteractionColumns(keep.length);
  keep.forEach((from, to) => {
    out.actorAccountId[to] = interactions.actorAccountId[from];
    out.targetAccountId[to] = interactions.targetAccountId[from];
    out.targetContentId[to] = interactions.targetContentId[from];
    out.kind[to] = interactions.kind[from];
    out.occurredAt[to] = interactions.occurredAt[from];
  });
  return out as T;
}

/**
 * The scoring read path's privacy filter: drops the opted-out people's accounts, content, the
 * interactions they took part in and the +K they gave or received, so they get no score or topic and
 * count toward no one else's from the next rescore on. Stored scores are not rewritten: today's
 * numbers stay what they were.
 */
export async function withoutOptedOut<T extends ScoringRecords>(db: Database, input: T): Promise<T> {
  const out = await readOptedOut(db);
  if (!out.people.size) return input;
  const { people, accounts } = out;
  return {
    ...input,
    accounts: input.accounts.filter((a) => !people.has(a.personId)),
    content: input.content.filter((c) => !accounts.has(c.authorAccountId)),
    interactions: interactionsWithout(input.interactions, accounts),
    ...(input.kGrants ? { kGrants: input.kGrants.filter((g) => !people.has(g.giverPersonId) && !people.has(g.receiverPersonId)) } : {}),
  };
}
