import { FlagDecision } from '../../../shared/authenticity';
import type { Database } from '../../db/database';
import { textHash, type ContentText } from '../../scoring';

/**
 * What the detectors need beyond the score's own input: a hash of each text with its parent (for
 * duplicates), and the flags analysts dismissed (their latest decision), which discount nothing.
 * Read apart from scoring-data.ts so the score's read path stays as it is.
 */
export async function readAuthenticityExtras(db: Database, asOf: number): Promise<{ contentText: Map<number, ContentText>; dismissed: Set<string> }> {
  const p = db.placeholder(0);
  const [rows, decisions] = await Promise.all([
    db.reader.query(`SELECT id, parent_content_id AS "parentId", text FROM content WHERE posted_at <= ${p}`, [asOf]) as Promise<{ id: number; parentId: number | null; text: string | null }[]>,
    latestDecisions(db),
  ]);
  const contentText = new Map<number, ContentText>();
  for (const r of rows) contentText.set(Number(r.id), { hash: textHash(r.text), parentId: r.parentId == null ? null : Number(r.parentId) });
  const dismissed = new Set<string>();
  for (const [key, decision] of decisions) if (decision === FlagDecision.DISMISSED) dismissed.add(key);
  return { contentText, dismissed };
}

/** Flag key → its latest decision. */
export async function latestDecisions(db: Database, flagKeys?: readonly string[]): Promise<Map<string, FlagDecision>> {
  const b = db.binder();
  const where = flagKeys ? `WHERE flag_key IN (${b.list(flagKeys)})` : '';
  if (flagKeys && !flagKeys.length) return new Map();
  const rows: { flag_key: string; decision: FlagDecision }[] = await db.reader.query(`SELECT flag_key, decision FROM authenticity_review ${where} ORDER BY decided_at, id`, b.params);
  const out = new Map<string, FlagDecision>();
  for (const r of rows) out.set(r.flag_key, r.decision);
  return out;
}
