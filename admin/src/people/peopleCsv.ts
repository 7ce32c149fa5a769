import { PEOPLE_CSV_HEADER, peopleCsvLine } from '@sway/shared';
import { listRequest, type SortRequest } from '../api/buildQuery';
import type { PersonRecord } from '../api/records';
import { authHeaders } from '../auth/session';

/**
 * CSV of influencers. A list that fits on the page it shows is written in the browser from the
 * rows it holds; a larger one is exported by the server (GET /export/people.csv), which walks
 * every page of the same people(filter:, orderBy:) query, so the file holds all matching people,
 * not just those on screen. Both write the same columns.
 */
export function peopleToCsv(people: readonly PersonRecord[]): string {
  return PEOPLE_CSV_HEADER + people.map(peopleCsvLine).join('');
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
