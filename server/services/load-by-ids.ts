import { In, type ObjectLiteral, type Repository } from 'typeorm';
import type { RowId } from './pagination/page';

/** Rows by id, in the order of `ids`, undefined where none: the shape DataLoader wants. */
export async function loadByIds<T extends ObjectLiteral & { id: RowId }>(repo: Repository<T>, ids: readonly RowId[]): Promise<(T | undefined)[]> {
  if (!ids.length) return [];
  const rows = await repo.findBy({ id: In([...ids]) } as never);
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  return ids.map((id) => byId.get(String(id)));
}

/** TypeORM's In() for an id list, typed loosely enough for any entity's id column. */
export const inIds = (ids: readonly RowId[]) => In([...ids]) as never;
