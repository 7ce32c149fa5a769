import type { Database } from './database';

/** Anything that runs a parameterised statement: a QueryRunner, an EntityManager, a DataSource. */
export interface Queryable {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * INSERT … ON CONFLICT in multi-row statements, chunked under the driver's bind-parameter limit.
 * `update` names the columns to overwrite on conflict; without it a conflicting row is left as is.
 * Rows are built a statement at a time through rowAt, so 100,000 rows never sit in memory twice.
 */
export async function upsertRows(
  db: Database,
  q: Queryable,
  table: string,
  columns: string[],
  key: string[],
  count: number,
  rowAt: (i: number) => unknown[],
  update: 'all-other-columns' | 'nothing' = 'all-other-columns',
): Promise<void> {
  const per = Math.floor(db.maxParameters / columns.length);
  const set = columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
  const onConflict = update === 'nothing' || !set ? 'DO NOTHING' : `DO UPDATE SET ${set}`;
  for (let at = 0; at < count; at += per) {
    const chunk = Array.from({ length: Math.min(per, count - at) }, (_, i) => rowAt(at + i));
    const sql = db.binder();
    const values = chunk.map((row) => `(${sql.list(row)})`).join(',');
    await q.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT (${key.join(', ')}) ${onConflict}`, sql.params);
  }
}
