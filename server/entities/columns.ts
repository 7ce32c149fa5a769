import type { ValueTransformer } from 'typeorm';

/**
 * Instants are stored as epoch milliseconds in a BIGINT: the same bytes on SQLite and
 * PostgreSQL, no time-zone traps, and the scoring engine reads plain numbers.
 * PostgreSQL returns BIGINT as a string, hence the Number().
 */
export const epochMs: ValueTransformer = {
  to: (value: Date | null | undefined) => (value == null ? value : value.getTime()),
  from: (value: string | number | null) => (value == null ? null : new Date(Number(value))),
};

/** PostgreSQL returns BIGINT counts as strings; they fit a JS number here. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value == null ? null : Number(value)),
};
