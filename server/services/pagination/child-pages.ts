import type { Database } from '../../db/database';
import { keysetCondition, planPage, toPage, walkOrder, type Page, type PageRequest, type SortKey, type RowId } from './page';

/**
 * How to page the children of many parents at once: content of people, accounts of a person,
 * topics of content. SQL fragments are fixed by the service that defines the list, never user input.
 */
export interface ChildListSpec<T extends { id: RowId }> {
  /** FROM clause, e.g. "content c" or "content_topic ct JOIN topic t ON t.id = ct.topic_id". */
  from: string;
  /** SQL expression of the parent key, e.g. "c.author_person_id". */
  parent: string;
  /** SQL expression of the child id, e.g. "c.id". */
  id: string;
  /** Sort key; `expr` here is a SQL column expression. */
  sort: SortKey<T>;
  /** Extra fixed SQL condition. */
  where?: string;
  /** Loads the children by id (one statement). */
  load(ids: RowId[]): Promise<T[]>;
}

/**
 * A page of children for each parent, in two statements whatever the number of parents:
 * ROW_NUMBER() OVER (PARTITION BY parent) picks each parent's page of ids, then one load by id.
 * The count per parent is a third statement, run only when a client asks for totalCount.
 */
export async function childPages<T extends { id: RowId }, K extends number | string>(
  db: Database,
  spec: ChildListSpec<T>,
  parentKeys: readonly K[],
  request: PageRequest,
): Promise<Map<K, Page<T>>> {
  const plan = planPage(request);
  const params: unknown[] = [];
  const mark = (v: unknown) => {
    params.push(v);
    return db.placeholder(params.length - 1);
  };
  const conditions = [`${spec.parent} IN (${parentKeys.map(mark).join(',')})`];
  if (spec.where) conditions.push(spec.where);
  if (plan.from) {
    conditions.push(keysetCondition(spec.sort.expr, spec.id, spec.sort.direction, plan.backwards, [mark(plan.from[0]), mark(plan.from[1])]));
  }
  const order = walkOrder(spec.sort.expr, spec.id, spec.sort.direction, plan.backwards);
  const sql =
    `SELECT parent_key, child_id FROM (` +
    `SELECT ${spec.parent} AS parent_key, ${spec.id} AS child_id, ROW_NUMBER() OVER (PARTITION BY ${spec.parent} ORDER BY ${order}) AS rn ` +
    `FROM ${spec.from} WHERE ${conditions.join(' AND ')}` +
    `) ranked WHERE rn <= ${plan.size + 1} ORDER BY parent_key, rn`;
  const rows: { parent_key: K; child_id: RowId }[] = await db.reader.query(sql, params);

  const childIds = [...new Set(rows.map((r) => r.child_id))];
  const children = new Map((childIds.length ? await spec.load(childIds) : []).map((c) => [String(c.id), c]));
  const idsByParent = new Map<string, RowId[]>();
  for (const r of rows) {
    const key = String(r.parent_key);
    let list = idsByParent.get(key);
    if (!list) idsByParent.set(key, (list = []));
    list.push(r.child_id);
  }

  let counts: Promise<Map<string, number>> | undefined;
  const countAll = () =>
    (counts ??= countChildren(db, spec, parentKeys));
  const pages = new Map<K, Page<T>>();
  for (const key of parentKeys) {
    const nodes = (idsByParent.get(String(key)) ?? []).map((id) => children.get(String(id))).filter((c): c is T => c !== undefined);
    pages.set(key, toPage(nodes, plan, spec.sort, async () => (await countAll()).get(String(key)) ?? 0));
  }
  return pages;
}

async function countChildren<T extends { id: RowId }>(db: Database, spec: ChildListSpec<T>, parentKeys: readonly (number | string)[]): Promise<Map<string, number>> {
  const marks = parentKeys.map((_, i) => db.placeholder(i)).join(',');
  const where = [`${spec.parent} IN (${marks})`, ...(spec.where ? [spec.where] : [])].join(' AND ');
  const rows: { parent_key: string | number; n: string | number }[] = await db.reader.query(
    `SELECT ${spec.parent} AS parent_key, COUNT(*) AS n FROM ${spec.from} WHERE ${where} GROUP BY ${spec.parent}`,
    [...parentKeys],
  );
  return new Map(rows.map((r) => [String(r.parent_key), Number(r.n)]));
}
