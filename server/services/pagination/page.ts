import { LIMITS } from '#shared/limits';
import { ValidationError } from '../errors';

/** Relay paging arguments: first/after walk forwards, last/before walk backwards. */
export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export type SortDirection = 'ASC' | 'DESC';

/** What a list is ordered by: a SQL expression, then the row id to break ties. */
export interface SortKey<T> {
  /** SQL expression of the sort column, e.g. "p.created_at". */
  expr: string;
  direction: SortDirection;
  /** The same value read from a loaded row, for its cursor. */
  value(node: T): string | number;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Counted only when asked for: a COUNT over a large table is not free. */
  totalCount: () => Promise<number>;
}

export const DEFAULT_PAGE_SIZE = 20;

/** A validated page request: which way, how many, and from which cursor position. */
export interface PagePlan {
  backwards: boolean;
  size: number;
  /** Keyset position to start after (forwards) or before (backwards). */
  from: CursorPosition | null;
  /** Forward paging: the caller gave `after`; backward: `before`. */
  hasCursor: boolean;
}

/** Row ids are integers, except Klout topic ids, which are strings. */
export type RowId = number | string;

export type CursorPosition = [value: string | number, id: RowId];

export function planPage(page: PageRequest, argPrefix = ''): PagePlan {
  const { first, after, last, before } = page;
  const field = (name: string) => argPrefix + name;
  if (first != null && last != null) throw new ValidationError([{ field: field('last'), message: 'give first or last, not both' }]);
  if (after != null && before != null) throw new ValidationError([{ field: field('before'), message: 'give after or before, not both' }]);
  for (const [name, n] of [['first', first], ['last', last]] as const) {
    if (n != null && (!Number.isInteger(n) || n < 1 || n > LIMITS.maxPageSize)) {
      throw new ValidationError([{ field: field(name), message: `must be from 1 to ${LIMITS.maxPageSize}` }]);
    }
  }
  const backwards = last != null || (before != null && first == null);
  const cursor = backwards ? before : after;
  return {
    backwards,
    size: (backwards ? last : first) ?? DEFAULT_PAGE_SIZE,
    from: cursor != null ? decodeCursor(cursor, field(backwards ? 'before' : 'after')) : null,
    hasCursor: cursor != null,
  };
}

/** Cursors are opaque to clients: base64url of [sort value, id]. */
export function encodeCursor(value: string | number, id: RowId): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string, field: string): CursorPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') && (Number.isInteger(parsed[1]) || typeof parsed[1] === 'string')) {
      return parsed as CursorPosition;
    }
  } catch {
    // fall through to the error below
  }
  throw new ValidationError([{ field, message: 'is not a cursor this list gave out' }]);
}

/**
 * The SQL comparison that keeps rows strictly past the cursor, in walking order.
 * Row-value comparison "(a, b) > (x, y)" works on SQLite ≥ 3.15 and PostgreSQL.
 */
export function keysetCondition(sortExpr: string, idExpr: string, direction: SortDirection, backwards: boolean, marks: [string, string]): string {
  const ascending = (direction === 'ASC') !== backwards;
  return `(${sortExpr}, ${idExpr}) ${ascending ? '>' : '<'} (${marks[0]}, ${marks[1]})`;
}

/** Direction rows are fetched in: the list's order, reversed when paging backwards. */
export function walkDirection(direction: SortDirection, backwards: boolean): SortDirection {
  return (direction === 'ASC') !== backwards ? 'ASC' : 'DESC';
}

/** ORDER BY clause for walking order. */
export function walkOrder(sortExpr: string, idExpr: string, direction: SortDirection, backwards: boolean): string {
  const dir = walkDirection(direction, backwards);
  return `${sortExpr} ${dir}, ${idExpr} ${dir}`;
}

/** Turns rows fetched in walking order (size + 1 of them at most) into a page in list order. */
export function toPage<T extends { id: RowId }>(rows: T[], plan: PagePlan, sort: SortKey<T>, totalCount: () => Promise<number>): Page<T> {
  const more = rows.length > plan.size;
  const kept = more ? rows.slice(0, plan.size) : rows;
  const nodes = plan.backwards ? kept.reverse() : kept;
  return {
    nodes,
    cursors: nodes.map((n) => encodeCursor(sort.value(n), n.id)),
    hasNextPage: plan.backwards ? plan.hasCursor : more,
    hasPreviousPage: plan.backwards ? more : plan.hasCursor,
    totalCount,
  };
}
