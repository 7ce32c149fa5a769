import type { Database } from '../../db/database';
import { upsertRows } from '../../db/upsert-rows';
import { detectAuthenticity, type AuthenticityResult, type ContentText, type KGrant, type ScoringAccount, type ScoringContent, type ScoringInteractions } from '../../scoring';
import { readDismissed } from './authenticity-data';

/**
 * The full rescore's authenticity step, kept apart from the rescore's read and write paths: detect
 * on the data the rescore read (interactions as columns, text hashes written at ingest) and the
 * analysts' dismissals, hand the discounts to prepareScoring, then store the flags and each
 * person's authenticity beside their score.
 */
export async function detectForRescore(
  db: Database,
  data: { accounts: readonly ScoringAccount[]; content?: readonly ScoringContent[]; interactions: ScoringInteractions; kGrants?: readonly KGrant[]; contentText?: ReadonlyMap<number, ContentText> },
  asOf: number,
): Promise<AuthenticityResult> {
  const dismissed = await readDismissed(db);
  return detectAuthenticity({ asOf, accounts: data.accounts, content: data.content ?? [], interactions: data.interactions, kGrants: data.kGrants, contentText: data.contentText, dismissed });
}

const FLAG_COLUMNS = ['flag_key', 'person_id', 'kind', 'role', 'network', 'severity', 'evidence', 'effect', 'detected_at', 'as_of'];

/**
 * Writes the flags found at asOf (a flag found again keeps its row, id and first detection; one no
 * longer found is removed — its review history stays) and every person's authenticity figure.
 */
export async function storeAuthenticity(db: Database, result: AuthenticityResult): Promise<void> {
  const { flags, asOf } = result;
  await db.transaction(async (m) => {
    const q = m.queryRunner!;
    const existing: { flag_key: string; detected_at: number | string }[] = await q.query('SELECT flag_key, detected_at FROM authenticity_flag', []);
    const firstSeen = new Map(existing.map((r) => [r.flag_key, Number(r.detected_at)]));
    await upsertRows(db, q, 'authenticity_flag', FLAG_COLUMNS, ['flag_key'], flags.length, (i) => {
      const f = flags[i];
      return [f.key, f.personId, f.kind, f.role, f.network, f.severity, JSON.stringify(f.evidence), JSON.stringify(f.effect), firstSeen.get(f.key) ?? asOf, asOf];
    });
    await q.query(`DELETE FROM authenticity_flag WHERE as_of < ${db.placeholder(0)}`, [asOf]);
    await q.query('UPDATE person_score SET authenticity = 100 WHERE authenticity <> 100', []);
    const lowered = [...result.authenticity].filter(([, value]) => value < 100);
    for (const [personId, value] of lowered) {
      await q.query(`UPDATE person_score SET authenticity = ${db.placeholder(0)} WHERE person_id = ${db.placeholder(1)}`, [value, personId]);
    }
  });
}
