import type { EntityManager } from 'typeorm';
import type { PersonScore, TopicExpertise } from '../../scoring';
import type { Database } from '../../db/database';

/** UTC day of an instant, "YYYY-MM-DD": the key of the daily history. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last instant of a UTC day. */
export function endOfDay(day: string): number {
  return Date.parse(`${day}T23:59:59.999Z`);
}

/** Snapshots keep what explanations between two dates need; top content and engagers stay current-only. */
export function snapshotDetails(s: PersonScore): string {
  const { topContent: _c, topEngagers: _e, ...kept } = s;
  return JSON.stringify(kept);
}

/** Writes scores, one day's snapshots and topic expertise in chunked multi-row upserts. */
export async function storeScores(
  db: Database,
  manager: EntityManager,
  scores: readonly PersonScore[],
  asOf: number,
  options: { current: boolean; snapshotDay?: string; expertise?: Map<number, TopicExpertise[]> },
): Promise<void> {
  const q = manager.queryRunner!;
  if (options.current) {
    await upsert(db, q, 'person_score', ['person_id', 'score', 'band_low', 'band_high', 'details', 'as_of'], ['person_id'],
      scores.map((s) => [s.personId, s.score, s.band.low, s.band.high, JSON.stringify(s), asOf]));
  }
  if (options.snapshotDay) {
    const day = options.snapshotDay;
    await upsert(db, q, 'score_snapshot', ['person_id', 'day', 'score', 'band_low', 'band_high', 'details'], ['person_id', 'day'],
      scores.map((s) => [s.personId, day, s.score, s.band.low, s.band.high, snapshotDetails(s)]));
  }
  if (options.expertise) {
    const people = [...options.expertise.keys()];
    for (let at = 0; at < people.length; at += 5000) {
      const chunk = people.slice(at, at + 5000);
      await q.query(`DELETE FROM topic_expertise WHERE person_id IN (${chunk.map((_, i) => db.placeholder(i)).join(',')})`, chunk);
    }
    const rows: unknown[][] = [];
    for (const [personId, topics] of options.expertise) for (const t of topics) rows.push([personId, t.topicId, t.expertise, t.active]);
    await upsert(db, q, 'topic_expertise', ['person_id', 'topic_id', 'expertise', 'active'], ['person_id', 'topic_id'], rows);
  }
}

async function upsert(db: Database, q: { query(sql: string, params: unknown[]): Promise<unknown> }, table: string, columns: string[], key: string[], rows: unknown[][]): Promise<void> {
  const per = Math.floor(db.maxParameters / columns.length);
  const update = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
  for (let at = 0; at < rows.length; at += per) {
    const chunk = rows.slice(at, at + per);
    let i = 0;
    const values = chunk.map((r) => `(${r.map(() => db.placeholder(i++)).join(',')})`).join(',');
    await q.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${update}`, chunk.flat());
  }
}
