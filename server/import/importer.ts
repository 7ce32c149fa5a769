import type { Database } from '../db/database';
import { ValidationError } from '../services/errors';
import { INGEST_SECTIONS, type IngestBatch, type IngestResult, type IngestSection, type SectionResult } from '../services/ingest.records';
import { IngestRefCache, IngestService } from '../services/ingest.service';
import { systemContext } from '../services/request-context';
import { FileFormatError, formatFromPath, openRowSource, type FileFormat, type SourceRow } from './readers';
import { SECTION_OF, WHOLE_ROW, typeRecord, type RowError, type RowType } from './rows';

/**
 * Rows per transaction. On SQLite each commit rewrites every index page the batch touched, and
 * interactions touch pages all over their indexes: 20,000-row batches import about twice as fast
 * as 5,000-row ones (npm run bench:import) while memory stays under 500 MB. The cost is that a
 * bad row holds back the 19,999 others of its batch until the file is fixed and imported again.
 */
export const DEFAULT_BATCH_SIZE = 20_000;
const DEFAULT_ERRORS_KEPT = 1000;

export interface ImportOptions {
  /** Defaults to the format the file extension says. */
  format?: FileFormat;
  /** The type of rows that have no `type` field. */
  defaultType?: RowType;
  /** Rows per transaction. */
  batchSize?: number;
  ingest?: IngestService;
  /** Called as chunks are read and batches commit; a progress bar throttles its own drawing. */
  onProgress?: (progress: ImportProgress) => void;
  /** Called once per batch, after it committed or was skipped. */
  onBatch?: (report: BatchReport) => void;
  /** Errors kept in the summary; later ones are only counted. */
  maxErrorsKept?: number;
}

export interface ImportProgress {
  rowsRead: number;
  rowsWritten: number;
  rowsSkipped: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

export interface BatchReport {
  firstLine: number;
  lastLine: number;
  rows: Record<IngestSection, number>;
  written: boolean;
  /** Milliseconds from the start of the import to the batch's commit (or rejection). */
  doneAtMs: number;
}

export interface ImportSummary {
  file: string;
  format: FileFormat;
  rowsRead: number;
  /** Rows of the batches that committed: created, updated or found unchanged. */
  rowsWritten: number;
  /** Rows of the batches that had a bad row, and rows left unread after a fatal format error. */
  rowsSkipped: number;
  batches: number;
  failedBatches: number;
  sections: IngestResult;
  /** Every error, counted; `errors` keeps the first maxErrorsKept of them, in file order per batch. */
  errorCount: number;
  errors: RowError[];
  /** True when a format error stopped the reading before the end of the file. */
  stoppedEarly: boolean;
  elapsedMs: number;
}

const TYPE_OF_SECTION: Readonly<Record<IngestSection, RowType>> = { people: 'person', accounts: 'account', content: 'content', interactions: 'interaction' };

/** Rows gathered for one transaction, with the file line of each item so errors can be placed. */
class PendingBatch {
  readonly items: Required<IngestBatch> = { people: [], accounts: [], content: [], interactions: [] };
  readonly lines: Record<IngestSection, number[]> = { people: [], accounts: [], content: [], interactions: [] };
  readonly errors: RowError[] = [];
  size = 0;
  firstLine = 0;
  lastLine = 0;

  add(row: SourceRow, defaultType: RowType | undefined): void {
    if (this.size++ === 0) this.firstLine = row.line;
    this.lastLine = row.line;
    if ('error' in row) {
      this.errors.push(row.error);
      return;
    }
    const typed = typeRecord(row.fields, row.line, defaultType);
    if ('error' in typed) {
      this.errors.push(typed.error);
      return;
    }
    const section = SECTION_OF[typed.type];
    (this.items[section] as unknown[]).push(typed.record);
    this.lines[section].push(row.line);
  }

  /** Places the service's errors ("interactions[3].actorExternalId") on their file lines. */
  placeErrors(err: ValidationError): RowError[] {
    return err.errors
      .map((e): RowError => {
        const match = /^(people|accounts|content|interactions)\[(\d+)\](?:\.(.+))?$/.exec(e.field);
        if (!match) return { line: null, field: e.field, message: e.message };
        const section = match[1] as IngestSection;
        const line = this.lines[section][Number(match[2])] ?? null;
        return { line, type: TYPE_OF_SECTION[section], field: match[3] ?? WHOLE_ROW, message: e.message };
      })
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  }

  counts(): Record<IngestSection, number> {
    return { people: this.items.people.length, accounts: this.items.accounts.length, content: this.items.content.length, interactions: this.items.interactions.length };
  }
}

function emptySection(): SectionResult {
  return { received: 0, created: 0, updated: 0, unchanged: 0 };
}

/**
 * Streams an NDJSON or CSV file into the database through IngestService, one transaction per
 * batch of rows. A batch holding a bad row is not written at all; the import goes on with the
 * next batch and the summary lists the errors by file line. Re-importing a file changes
 * nothing: the service is idempotent on external ids.
 *
 * While one batch is being written, the next one is read and parsed, so parsing and SQLite's
 * work (on libuv's thread pool) overlap. Batches still commit one after the other, in file order.
 */
export async function importFile(db: Database, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const format = options.format ?? formatFromPath(file);
  if (!format) throw new Error(`cannot tell the format of ${file} from its extension (.ndjson, .jsonl or .csv); pass a format`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size must be a positive integer, got ${batchSize}`);
  const ingest = options.ingest ?? new IngestService();
  const maxErrorsKept = options.maxErrorsKept ?? DEFAULT_ERRORS_KEPT;
  const ctx = systemContext(db, 'import');
  // Ids of rows that committed, so later batches need not look them up again.
  const refCache = new IngestRefCache();
  const started = Date.now();

  const summary: ImportSummary = {
    file,
    format,
    rowsRead: 0,
    rowsWritten: 0,
    rowsSkipped: 0,
    batches: 0,
    failedBatches: 0,
    sections: { people: emptySection(), accounts: emptySection(), content: emptySection(), interactions: emptySection() },
    errorCount: 0,
    errors: [],
    stoppedEarly: false,
    elapsedMs: 0,
  };
  const source = openRowSource(file, format);

  const recordErrors = (errors: RowError[]) => {
    summary.errorCount += errors.length;
    for (const e of errors) if (summary.errors.length < maxErrorsKept) summary.errors.push(e);
  };
  const progress = () =>
    options.onProgress?.({
      rowsRead: summary.rowsRead,
      rowsWritten: summary.rowsWritten,
      rowsSkipped: summary.rowsSkipped,
      bytesRead: source.bytesRead,
      totalBytes: source.totalBytes,
      elapsedMs: Date.now() - started,
    });
  const finishBatch = (batch: PendingBatch, written: boolean) => {
    summary.batches++;
    if (written) summary.rowsWritten += batch.size;
    else {
      summary.failedBatches++;
      summary.rowsSkipped += batch.size;
    }
    options.onBatch?.({ firstLine: batch.firstLine, lastLine: batch.lastLine, rows: batch.counts(), written, doneAtMs: Date.now() - started });
    progress();
  };

  const write = async (batch: PendingBatch): Promise<void> => {
    if (batch.errors.length) {
      recordErrors(batch.errors);
      return finishBatch(batch, false);
    }
    try {
      const result = await ingest.ingest(ctx, batch.items, { refCache });
      for (const s of INGEST_SECTIONS) {
        const total = summary.sections[s];
        total.received += result[s].received;
        total.created += result[s].created;
        total.updated += result[s].updated;
        total.unchanged += result[s].unchanged;
      }
      finishBatch(batch, true);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      recordErrors(batch.placeErrors(err));
      finishBatch(batch, false);
    }
  };

  // At most one batch is being written while the next fills; a database failure stops the import.
  let writing: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const startWrite = async (batch: PendingBatch) => {
    await writing;
    if (failure) return;
    writing = write(batch).catch((error) => {
      failure = { error };
    });
  };

  let batch = new PendingBatch();
  try {
    reading: for await (const rows of source) {
      for (let i = 0; i < rows.length; i++) {
        summary.rowsRead++;
        batch.add(rows[i], options.defaultType);
        if (batch.size >= batchSize) {
          await startWrite(batch);
          batch = new PendingBatch();
          if (failure) break reading;
        }
      }
      progress();
    }
  } catch (err) {
    if (!(err instanceof FileFormatError)) {
      await writing;
      throw err;
    }
    // The unreadable row belongs to the batch being gathered: like any batch with a bad row, it is not written.
    recordErrors([{ line: err.line, field: WHOLE_ROW, message: err.message.replace(/^line \d+: /, '') }]);
    summary.stoppedEarly = true;
    if (batch.size) {
      await writing;
      finishBatch(batch, false);
    }
    batch = new PendingBatch();
  }
  if (batch.size && !failure) await startWrite(batch);
  await writing;
  if (failure) throw failure.error;
  summary.elapsedMs = Date.now() - started;
  return summary;
}
