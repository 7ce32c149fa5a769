import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider } from 'react-admin';
import { createBuildQuery, listRequest, type ListParams } from './api/buildQuery';
import { PageCursors } from './api/pageCursors';
import { reachPage } from './api/reachPage';
import { readableErrorsLink } from './api/readableErrors';

/**
 * The console's data provider: ra-data-graphql over Sway's GraphQL API, with a buildQuery that
 * speaks our schema (api/buildQuery.ts) and cursor paging behind react-admin's page numbers.
 */
export function createDataProvider(apiUrl = '/graphql'): DataProvider {
  const client = new ApolloClient({
    link: from([readableErrorsLink, new HttpLink({ uri: apiUrl })]),
    cache: new InMemoryCache(),
  });
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

  return {
    ...graphqlProvider,
    getList: async (resource, params) => {
      await withKnownCursor(resource, params);
      return graphqlProvider.getList(resource, params);
    },
    getManyReference: async (resource, params) => {
      await withKnownCursor(resource, params);
      return graphqlProvider.getManyReference(resource, params);
    },
  };
}
