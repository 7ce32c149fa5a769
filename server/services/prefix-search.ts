import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Database } from '../db/database';

/** "expr starts with text, any case" as a condition with a named parameter, LIKE wildcards in text taken literally. */
export function startsWith(db: Database, expr: string, text: string, param = 'prefix'): { sql: string; params: Record<string, unknown> } {
  const like = db.dialect === 'postgres' ? 'ILIKE' : 'LIKE';
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return { sql: `${expr} ${like} :${param} ESCAPE '\\'`, params: { [param]: `${escaped}%` } };
}

/** Adds "expr starts with text, any case" to a query, with LIKE wildcards in text taken literally. */
export function whereStartsWith<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, db: Database, expr: string, text: string): void {
  const { sql, params } = startsWith(db, expr, text);
  qb.andWhere(sql, params);
}
