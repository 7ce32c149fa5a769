/** Limits the API enforces and the console respects. */
export const LIMITS = {
  /** Most items one page of a connection may hold. */
  maxPageSize: 100,
  /** Most items one ingest batch may hold. */
  maxIngestBatch: 1000,
  /** Longest external id, handle or display name. */
  maxShortText: 200,
  /** Longest content text; a blog post fits, a megabyte does not. */
  maxContentText: 100_000,
  maxUrl: 2048,
  maxTopicsPerContent: 20,
} as const;
