import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from } from '@apollo/client';
import { authHeaders } from '../auth/session';
import { readableErrorsLink } from './readableErrors';

/** Adds the session's `Authorization: Bearer` header to every request, read at send time. */
const authLink = new ApolloLink((operation, forward) => {
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, ...authHeaders() } }));
  return forward(operation);
});

/** One Apollo client for the console: the data provider and the auth provider share it. */
export function createApolloClient(apiUrl = '/graphql'): ApolloClient<unknown> {
  return new ApolloClient({
    link: from([readableErrorsLink, authLink, new HttpLink({ uri: apiUrl })]),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
  });
}
