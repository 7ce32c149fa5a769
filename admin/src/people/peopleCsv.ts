import { listRequest, type SortRequest } from '../api/buildQuery';
import type { PersonRecord } from '../api/records';
import { authHeaders } from '../auth/session';

/**
 * CSV of influencers. A list that fits on the page it shows is written in the browser from the
 * rows it holds; a larger one is exported by the server (GET /export/people.csv), which walks
 * every page of the same people(filter:, orderBy:) query, so the file holds all matching people,
 * not just those on screen. Both write the same columns.
 */
export const CSV_COLUMNS: { header: string; value: (p: PersonRecord) => string | number | null | undefined }[] = [
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

/** Same rules as the server's: quoted when needed, formulas defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function peopleToCsv(people: readonly PersonRecord[]): string {
  const lines = [CSV_COLUMNS.map((c) => c.header).join(','), ...people.map((p) => CSV_COLUMNS.map((c) => csvCell(c.value(p))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The server export's URL for a list's filter and sort, mapped exactly as the list's own query. */
export function serverExportUrl(filter: Record<string, unknown>, sort: SortRequest | undefined): string {
  const { variables } = listRequest('people', { filter, sort, pagination: { page: 1, perPage: 1 } });
  const query = new URLSearchParams();
  if (variables.filter) query.set('filter', JSON.stringify(variables.filter));
  if (variables.orderBy) query.set('orderBy', JSON.stringify(variables.orderBy));
  const search = query.toString();
  return `/export/people.csv${search ? `?${search}` : ''}`;
}

/** Fetches the server's CSV with the session's token (a plain link could not send it). */
export async function fetchServerCsv(url: string): Promise<Blob> {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `The export failed (HTTP ${response.status}).`);
  }
  return response.blob();
}
