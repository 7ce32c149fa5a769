import type { AccountRecord, ContentRecord, IngestSection, InteractionRecord, PersonRecord } from '../services/ingest.records';

/** What one line (NDJSON) or row (CSV) of an import file describes. */
export type RowType = 'person' | 'account' | 'content' | 'interaction';
export const ROW_TYPES: readonly RowType[] = ['person', 'account', 'content', 'interaction'];

/** One row as converters emit it and the importer reads it: a record tagged with its type. */
export type ImportRow =
  | ({ type: 'person' } & PersonRecord)
  | ({ type: 'account' } & AccountRecord)
  | ({ type: 'content' } & ContentRecord)
  | ({ type: 'interaction' } & InteractionRecord);

export const SECTION_OF: Readonly<Record<RowType, IngestSection>> = {
  person: 'people',
  account: 'accounts',
  content: 'content',
  interaction: 'interactions',
};

/**
 * The fields each type may carry. Typed as a record over the record's keys so adding a field
 * to ingest.records.ts without listing it here fails to compile.
 */
const PERSON_FIELDS: Record<keyof PersonRecord, true> = { externalId: true, displayName: true, region: true, language: true, createdAt: true };
const ACCOUNT_FIELDS: Record<keyof AccountRecord, true> = {
  network: true,
  externalId: true,
  personExternalId: true,
  handle: true,
  followersCount: true,
  followingCount: true,
  createdAt: true,
};
const CONTENT_FIELDS: Record<keyof ContentRecord, true> = {
  network: true,
  externalId: true,
  kind: true,
  authorExternalId: true,
  text: true,
  url: true,
  topics: true,
  postedAt: true,
  campaignCode: true,
  parentExternalId: true,
};
const INTERACTION_FIELDS: Record<keyof InteractionRecord, true> = {
  network: true,
  externalId: true,
  kind: true,
  actorExternalId: true,
  targetContentExternalId: true,
  targetAccountExternalId: true,
  occurredAt: true,
};

const FIELDS_OF: Readonly<Record<RowType, ReadonlySet<string>>> = {
  person: new Set(Object.keys(PERSON_FIELDS)),
  account: new Set(Object.keys(ACCOUNT_FIELDS)),
  content: new Set(Object.keys(CONTENT_FIELDS)),
  interaction: new Set(Object.keys(INTERACTION_FIELDS)),
};

/** Every column name a CSV header may hold. */
export const ALL_FIELDS: ReadonlySet<string> = new Set(['type', ...Object.values(FIELDS_OF).flatMap((s) => [...s])]);

/** A problem with one row, placed in the file. */
export interface RowError {
  /** 1-based line of the file; null when the error is not about one row. */
  line: number | null;
  /** The field at fault, "(row)" for the row as a whole. */
  field: string;
  message: string;
  /** The row's type, when it was known. */
  type?: RowType;
}

export const WHOLE_ROW = '(row)';

/** A record ready for the ingest service, or why it is not. */
export type TypedRecord = { type: RowType; record: Record<string, unknown> } | { error: RowError };

/**
 * Takes the type from the row's `type` field (or the --type default) and rejects fields that
 * the type does not have, so a typo such as `followers` is reported instead of silently ignored.
 * The fields object itself goes to the ingest service, which ignores `type` and reads null and
 * "" as absent; not copying it keeps a million-row import light on the garbage collector.
 */
export function typeRecord(fields: Record<string, unknown>, line: number, defaultType: RowType | undefined): TypedRecord {
  const rawType = fields.type ?? defaultType;
  if (rawType === undefined || rawType === '') {
    return { error: { line, field: 'type', message: `is required (one of ${ROW_TYPES.join(', ')}); or pass --type` } };
  }
  if (typeof rawType !== 'string' || !(ROW_TYPES as readonly string[]).includes(rawType)) {
    return { error: { line, field: 'type', message: `must be one of ${ROW_TYPES.join(', ')}; got ${JSON.stringify(rawType).slice(0, 40)}` } };
  }
  const type = rawType as RowType;
  const allowed = FIELDS_OF[type];
  for (const key in fields) {
    if (key !== 'type' && !allowed.has(key) && fields[key] != null && fields[key] !== '') {
      return { error: { line, type, field: key, message: `is not a field of ${type} rows` } };
    }
  }
  return { type, record: fields };
}
