/**
 * The influencers CSV, written the same way by the console (a list that fits on screen) and the
 * server (GET /export/people.csv, every page): the columns, and how a cell is written.
 */

/** What a row needs: the fields of a person both sides read from the `people` query. */
export interface PeopleCsvRow {
  id: string;
  externalId: string;
  displayName: string;
  region: string | null;
  language: string | null;
  createdAt: string;
  accounts: { totalCount: number };
  score: { value: number; band: { low: number; high: number } };
}

/** The columns, in order. */
export const PEOPLE_CSV_COLUMNS: readonly { header: string; value: (p: PeopleCsvRow) => string | number | null | undefined }[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'externalId', value: (p) => p.externalId },
  { header: 'displayName', value: (p) => p.displayName },
  { header: 'region', value: (p) => p.region },
  { header: 'language', value: (p) => p.language },
  { header: 'accounts', value: (p) => p.accounts.totalCount },
  { header: 'score', value: (p) => p.score.value },
  { header: 'scoreLow', value: (p) => p.score.band.low },
  { header: 'scoreHigh', value: (p) => p.score.band.high },
  { header: 'createdAt', value: (p) => p.createdAt },
];

/** One CSV cell: quoted when needed; text a spreadsheet would run as a formula is defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line, CRLF-terminated. */
export const PEOPLE_CSV_HEADER = `${PEOPLE_CSV_COLUMNS.map((c) => c.header).join(',')}\r\n`;

/** One person's line, CRLF-terminated. */
export function peopleCsvLine(p: PeopleCsvRow): string {
  return `${PEOPLE_CSV_COLUMNS.map((c) => csvCell(c.value(p))).join(',')}\r\n`;
}
