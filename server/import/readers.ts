import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import { ALL_FIELDS, WHOLE_ROW, type RowError } from './rows';

export type FileFormat = 'ndjson' | 'csv';
export const FILE_FORMATS: readonly FileFormat[] = ['ndjson', 'csv'];

/** One row of the file: its fields as read, or why it could not be read. */
export type SourceRow = { line: number; fields: Record<string, unknown> } | { line: number; error: RowError };

/**
 * Rows of a file, yielded a chunk at a time (one promise per chunk, not per row, keeps the
 * hot loop cheap). bytesRead lets a progress bar estimate how much is left.
 */
export interface RowSource extends AsyncIterable<SourceRow[]> {
  readonly totalBytes: number;
  readonly bytesRead: number;
}

/** A problem that stops reading the file: what is left cannot be split into rows. */
export class FileFormatError extends Error {
  constructor(readonly line: number | null, message: string) {
    super(line === null ? message : `line ${line}: ${message}`);
  }
}

export function formatFromPath(file: string): FileFormat | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.csv') return 'csv';
  return undefined;
}

export function openRowSource(file: string, format: FileFormat): RowSource {
  const totalBytes = fs.statSync(file).size;
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 16 });
  const rows = format === 'ndjson' ? ndjsonRows(stream) : csvRows(stream);
  return {
    totalBytes,
    get bytesRead() {
      return stream.bytesRead;
    },
    [Symbol.asyncIterator]: () => rows[Symbol.asyncIterator](),
  };
}

/**
 * Splits the byte stream into lines itself (readline costs a promise per line) and decodes one
 * line at a time: decoding whole chunks would make, then flatten, a string as large as the file.
 * A newline byte never occurs inside a multi-byte UTF-8 character, so splitting bytes is safe.
 */
async function* ndjsonRows(stream: fs.ReadStream): AsyncGenerator<SourceRow[]> {
  // The start of a line that the previous chunk cut.
  let carry: Buffer | undefined;
  let line = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const rows: SourceRow[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      line++;
      const text = carry ? Buffer.concat([carry, chunk.subarray(0, nl)]).toString('utf8') : chunk.toString('utf8', start, nl);
      carry = undefined;
      const row = parseNdjsonLine(text, line);
      if (row) rows.push(row);
      start = nl + 1;
    }
    if (start < chunk.length) carry = carry ? Buffer.concat([carry, chunk]) : chunk.subarray(start);
    if (rows.length) yield rows;
  }
  if (carry) {
    const row = parseNdjsonLine(carry.toString('utf8'), line + 1);
    if (row) yield [row];
  }
}

function parseNdjsonLine(text: string, line: number): SourceRow | undefined {
  // A byte-order mark may start the file; blank lines (and a trailing \r) are allowed.
  const trimmed = line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1).trim() : text.trim();
  if (!trimmed) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    return { line, error: { line, field: WHOLE_ROW, message: `invalid JSON: ${(err as Error).message}` } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, error: { line, field: WHOLE_ROW, message: 'must be a JSON object' } };
  }
  return { line, fields: value as Record<string, unknown> };
}

const CSV_CHUNK = 1000;

async function* csvRows(stream: fs.ReadStream): AsyncGenerator<SourceRow[]> {
  const parser = stream.pipe(parseCsv({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  // pipe() does not forward a read error; without this the parser would wait forever.
  stream.on('error', (err) => parser.destroy(err));
  let header: string[] | undefined;
  let rows: SourceRow[] = [];
  let lastRecordEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is the record's last line; quoted cells may span lines before it.
      lastRecordEnd = info.lines;
      let line = info.lines;
      for (const cell of record) for (let at = cell.indexOf('\n'); at !== -1; at = cell.indexOf('\n', at + 1)) line--;
      if (!header) {
        header = checkHeader(record, line);
        continue;
      }
      if (record.length !== header.length) {
        rows.push({ line, error: { line, field: WHOLE_ROW, message: `has ${record.length} cells; the header has ${header.length}` } });
      } else {
        const fields: Record<string, unknown> = {};
        header.forEach((name, i) => {
          const cell = record[i];
          if (cell !== '') fields[name] = name === 'topics' ? splitTopics(cell) : cell;
        });
        rows.push({ line, fields });
      }
      if (rows.length >= CSV_CHUNK) {
        yield rows;
        rows = [];
      }
    }
  } catch (err) {
    if (rows.length) yield rows;
    const csvError = err as CsvError & { lines?: number };
    // csv-parse names the line where it gave up: for an unclosed quote, the end of the file.
    if (csvError.code === 'CSV_QUOTE_NOT_CLOSED') throw new FileFormatError(lastRecordEnd + 1, 'CSV: a quoted cell of the row starting on this line is never closed');
    if (csvError.code?.startsWith('CSV_')) throw new FileFormatError(csvError.lines ?? null, `CSV: ${csvError.message}`);
    throw err;
  } finally {
    stream.destroy();
  }
  if (rows.length) yield rows;
  if (!header) throw new FileFormatError(null, 'the CSV file is empty: it needs a header row');
}

function checkHeader(names: string[], line: number): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (!ALL_FIELDS.has(name)) throw new FileFormatError(line, `column "${name}" is not a field of any record type`);
    if (seen.has(name)) throw new FileFormatError(line, `column "${name}" appears twice`);
    seen.add(name);
  }
  return names;
}

/** The `topics` cell lists slugs or ids separated by ";". */
function splitTopics(cell: string): string[] {
  return cell
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
