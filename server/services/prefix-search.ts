import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Database } from '../db/database';

/** Adds "expr starts with text, any case" to a query, with LIKE wildcards in text taken literally. */
export function whereStartsWith<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, db: Database, expr: string, text: string): void {
  const like = db.dialect === 'postgres' ? 'ILIKE' : 'LIKE';
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  qb.andWhere(`${expr} ${like} :prefix ESCAPE '\\'`, { prefix: `${escaped}%` });
}
