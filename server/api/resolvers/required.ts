import { NotFoundError } from '../../services/errors';

/**
 * A row a foreign key points at must exist; if it does not, the database is inconsistent,
 * which is a server fault (INTERNAL_SERVER_ERROR), not the client's.
 */
export function required<T>(value: T | undefined, type: string, id: number | string): T {
  if (value === undefined) throw new Error(`${type} ${id} is referenced but missing`);
  return value;
}

/**
 * A person a row points at, as the viewer may see them: someone opted out of scoring has no public
 * profile, so the field answers NOT_FOUND (not a server fault) for anyone but themself.
 */
export function visiblePerson<T>(value: T | undefined): T {
  if (value === undefined) throw new NotFoundError('Person');
  return value;
}
