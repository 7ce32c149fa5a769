import { FlagDecision } from '#shared/authenticity';
import type { Database } from '../../db/database';

/** The flags analysts dismissed (their latest decision): they discount nothing. */
export async function readDismissed(db: Database): Promise<Set<string>> {
  const dismissed = new Set<string>();
  for (const [key, decision] of await latestDecisions(db)) if (decision === FlagDecision.DISMISSED) dismissed.add(key);
  return dismissed;
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
