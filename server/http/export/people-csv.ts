import type { ApolloServer } from '@apollo/server';
import { PEOPLE_CSV_HEADER, peopleCsvLine, type PeopleCsvRow } from '#shared/people-csv';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS } from '#shared/limits';
import type { GraphQLContext } from '../../api/context';
import { sendJsonError } from '../graphql-handler';

/**
 * GET /export/people.csv: every person a `people(filter:, orderBy:)` query would list, as CSV,
 * streamed a page at a time, for exports larger than the console's page.
 *
 * Query string: `filter` and `orderBy`, JSON objects of the schema's PersonFilterInput and
 * PersonOrderInput. They go to the `people` query as variables, unchanged: a filter field added to
 * the schema works here at once, validated and refused exactly as the API does, and so do the
 * access rules the resolvers and services apply. Authorization: the same `Bearer` token as
 * /graphql, and a login is required.
 */

const PAGE_QUERY = `query ExportPeople($first: Int!, $after: String, $filter: PersonFilterInput, $orderBy: PersonOrderInput) {
  people(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor }
    nodes { id externalId displayName region language createdAt accounts(first: 1) { totalCount } score { value band { low high } } }
  }
}`;

interface PageResult {
  people: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: PeopleCsvRow[] };
}

function parseJsonParam(url: URL, name: string): { value?: unknown; error?: string } {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: `${name}: must be a JSON object` };
    return { value };
  } catch {
    return { error: `${name}: is not valid JSON` };
  }
}

type ErrorLike = { message: string; extensions?: Record<string, unknown> };

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, GRAPHQL_VALIDATION_FAILED: 400, NOT_FOUND: 404 };

function sendGraphQLErrors(res: ServerResponse, errors: readonly ErrorLike[]): void {
  const code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  res.writeHead(STATUS_OF[code] ?? 500, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ errors: errors.map((e) => ({ message: e.message, extensions: e.extensions })) }));
}

function write(res: ServerResponse, chunk: string): Promise<void> {
  return res.write(chunk) ? Promise.resolve() : new Promise((resolve) => res.once('drain', resolve));
}

/**
 * The handler. `makeContext` builds a request's GraphQL context from its headers (and fails with
 * UNAUTHENTICATED for a bad token); a fresh context per page keeps the loaders' caches small.
 */
export function peopleCsvHandler(apollo: ApolloServer<GraphQLContext>, makeContext: (req: IncomingMessage) => Promise<GraphQLContext>) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJsonError(res, 405, 'BAD_REQUEST', 'Use GET.');
    const filter = parseJsonParam(url, 'filter');
    const orderBy = parseJsonParam(url, 'orderBy');
    const bad = filter.error ?? orderBy.error;
    if (bad) return sendJsonError(res, 400, 'BAD_USER_INPUT', bad);

    let ctx: GraphQLContext;
    try {
      ctx = await makeContext(req);
    } catch (err) {
      const e = err as ErrorLike;
      return sendGraphQLErrors(res, [{ message: e.message, extensions: e.extensions ?? { code: 'UNAUTHENTICATED' } }]);
    }
    if (!ctx.viewer) return sendJsonError(res, 401, 'UNAUTHENTICATED', 'log in to export people: send Authorization: Bearer <token>');

    let closed = false;
    res.on('close', () => (closed = true));
    let after: string | null = null;
    let first = true;
    for (;;) {
      const contextValue: GraphQLContext = first ? ctx : await makeContext(req);
      const response: Awaited<ReturnType<typeof apollo.executeOperation<PageResult>>> = await apollo.executeOperation<PageResult>(
        { query: PAGE_QUERY, variables: { first: LIMITS.maxPageSize, after, filter: filter.value ?? null, orderBy: orderBy.value ?? null } },
        { contextValue },
      );
      if (response.body.kind !== 'single') throw new Error('export: unexpected incremental response');
      const { data, errors }: { data?: PageResult | null; errors?: readonly ErrorLike[] } = response.body.singleResult;
      if (errors?.length || !data) {
        // Before the first row the client gets a proper error; later, a cut-off body says the export failed.
        if (first) return sendGraphQLErrors(res, errors ?? [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
        return void res.destroy();
      }
      if (first) {
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="people.csv"',
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        if (req.method === 'HEAD') return void res.end();
        await write(res, PEOPLE_CSV_HEADER);
        first = false;
      }
      const page: PageResult['people'] = data.people;
      if (page.nodes.length) await write(res, page.nodes.map(peopleCsvLine).join(''));
      if (closed || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
      after = page.pageInfo.endCursor;
    }
    res.end();
  };
}
