import type { SelectQueryBuilder } from 'typeorm';
import { keysetCondition, planPage, toPage, walkDirection, type Page, type PageRequest, type SortKey, type RowId } from './page';

/**
 * One page of a top-level list, by keyset: WHERE (sort, id) past the cursor, ORDER BY, LIMIT n + 1.
 * `sort.expr` is an "alias.property" path, which TypeORM maps to the column.
 */
export async function queryPage<T extends { id: RowId }>(
  qb: SelectQueryBuilder<T>,
  sort: SortKey<T>,
  request: PageRequest,
): Promise<Page<T>> {
  const plan = planPage(request);
  const countQuery = qb.clone();
  const idExpr = `${qb.alias}.id`;
  if (plan.from) {
    qb.andWhere(keysetCondition(sort.expr, idExpr, sort.direction, plan.backwards, [':cursorValue', ':cursorId']), {
      cursorValue: plan.from[0],
      cursorId: plan.from[1],
    });
  }
  const dir = walkDirection(sort.direction, plan.backwards);
  qb.orderBy(sort.expr, dir).addOrderBy(idExpr, dir).limit(plan.size + 1);
  const rows = await qb.getMany();
  return toPage(rows, plan, sort, () => countQuery.getCount());
}
