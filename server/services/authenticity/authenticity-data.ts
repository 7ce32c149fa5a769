import { FlagDecision } from '../../../shared/authenticity';
import type { Database } from '../../db/database';
import { textHash, type ContentText } from '../../scoring';

/**
 * What the detectors need beyond the score's own input: a hash of each text with its parent (for
 * duplicates), and the flags analysts dismissed (their latest decision), which discount nothing.
 * Read apart from scoring-data.ts so the score's read path stays as it is.
 */
export async function readAuthenticityExtras(db: Database, asOf: number): Promise<{ contentText: Map<number, ContentText>; dismissed: Set<string> }> {
  const [contentText, decisions] = await Promise.all([readContentText(db, asOf), latestDecisions(db)]);
  const dismissed = new Set<string>();
  for (const [key, decision] of decisions) if (decision === FlagDecision.DISMISSED) dismissed.add(key);
  return { contentText, dismissed };
}

/** Content rows per JSON value (SQLite). */
const TEXT_CHUNK = 50_000;

/**
 * Every text's hash and parent. On SQLite a chunk of rows comes back as ONE JSON value (keyset
 * pages by id): the driver's cost is per row on the JavaScript thread, and on a full rescore's
 * 200,000 posts rows took about three times as long as the same rows as JSON.
 */
async function readContentText(db: Database, asOf: number): Promise<Map<number, ContentText>> {
  const contentText = new Map<number, ContentText>();
  const add = (id: unknown, parentId: unknown, text: string | null) =>
    contentText.set(Number(id), { hash: textHash(text), parentId: parentId == null ? null : Number(parentId) });
  if (db.dialect !== 'sqlite') {
    const p = db.placeholder(0);
    const rows: { id: number; parentId: number | null; text: string | null }[] = await db.reader.query(
      `SELECT id, parent_content_id AS "parentId", text FROM content WHERE posted_at <= ${p}`,
      [asOf],
    );
    for (const r of rows) add(r.id, r.parentId, r.text);
    return contentText;
  }
  for (let after = -Infinity; ; ) {
    const [page]: { rows: string | null; last: number | null }[] = await db.reader.query(
      `SELECT json_group_array(json_array(id, parent_content_id, text)) AS rows, max(id) AS last FROM ` +
        `(SELECT id, parent_content_id, text FROM content WHERE id > ? AND posted_at <= ? ORDER BY id LIMIT ${TEXT_CHUNK})`,
      [after === -Infinity ? Number.MIN_SAFE_INTEGER : after, asOf],
    );
    if (page?.last == null) break;
    for (const [id, parentId, text] of JSON.parse(page.rows ?? '[]') as [number, number | null, string | null][]) add(id, parentId, text);
    after = Number(page.last);
  }
  return contentText;
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
