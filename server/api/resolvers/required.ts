/**
 * A row a foreign key points at must exist; if it does not, the database is inconsistent,
 * which is a server fault (INTERNAL_SERVER_ERROR), not the client's.
 */
export function required<T>(value: T | undefined, type: string, id: number | string): T {
  if (value === undefined) throw new Error(`${type} ${id} is referenced but missing`);
  return value;
}
