import type { ApolloClient } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import { HttpError, type DataProvider } from 'react-admin';
import { createBuildQuery, listRequest, type ListParams } from './api/buildQuery';
import { createApolloClient } from './api/client';
import { PageCursors } from './api/pageCursors';
import { fieldErrorsOf, graphQLErrorsOf } from './api/readableErrors';
import { reachPage } from './api/reachPage';
import { createSwayQueries, type SwayQueries } from './api/swayQueries';

/** The data provider: react-admin's methods plus Sway's own read queries (profile, dashboard). */
export type SwayDataProvider = DataProvider & SwayQueries;

/**
 * A BAD_USER_INPUT answer as react-admin's server-side validation expects it: `body.errors` maps
 * each field to its message, so a form shows the server's reason under the field it names.
 */
function withFieldErrors(error: unknown): unknown {
  const errors = fieldErrorsOf(error);
  if (!Object.keys(errors).length) return error;
  const message = error instanceof Error ? error.message : 'Some fields are not valid';
  return new HttpError(message, 400, { errors, graphQLErrors: graphQLErrorsOf(error) });
}

/**
 * The console's data provider: ra-data-graphql over Sway's GraphQL API, with a buildQuery that
 * speaks our schema (api/buildQuery.ts) and cursor paging behind react-admin's page numbers.
 */
export function createDataProvider(client: ApolloClient<unknown> = createApolloClient()): SwayDataProvider {
  const cursors = new PageCursors();
  const buildQuery = createBuildQuery(cursors);
  const graphqlProvider = buildGraphQLProvider({
    client,
    // Every query is written out in api/resourceQueries.ts (and checked against the committed
    // schema by a test), so the ~100 kB introspection round trip before the first page buys nothing.
    introspection: false,
    buildQuery: () => buildQuery,
    // react-admin keeps its own query cache; normalising into Apollo's as well would only cost time.
    query: () => ({ fetchPolicy: 'no-cache' }),
  });

  const withKnownCursor = async (resource: string, params: ListParams) => {
    await reachPage(client, cursors, listRequest(resource, params));
  };
  const rethrow = (error: unknown): never => {
    throw withFieldErrors(error);
  };

  return {
    ...graphqlProvider,
    getList: async (resource, params) => {
      await withKnownCursor(resource, params).catch(rethrow);
      return graphqlProvider.getList(resource, params).catch(rethrow);
    },
    getManyReference: async (resource, params) => {
      await withKnownCursor(resource, params).catch(rethrow);
      return graphqlProvider.getManyReference(resource, params).catch(rethrow);
    },
    // Campaign writes: a BAD_USER_INPUT lands on the form field it names (input.target.maxScore → target.maxScore).
    create: (resource, params) => graphqlProvider.create(resource, params).catch(rethrow),
    update: (resource, params) => graphqlProvider.update(resource, params).catch(rethrow),
    ...createSwayQueries(client),
  };
}
