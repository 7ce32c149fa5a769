import './monacoWorkers';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { authHeaders } from '../auth/session';

/** Shown in a fresh explorer: a query that works on any Sway database, even an empty one. */
const STARTER_QUERY = `# Sway's GraphQL API.
# Ctrl-Enter runs the query; the book icon
# on the left opens the schema's docs.
{
  people(
    first: 5
    orderBy: { field: DISPLAY_NAME, direction: ASC }
  ) {
    totalCount
    nodes {
      id
      displayName
      region
      accounts(first: 5) {
        nodes { network handle followersCount }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

// Same origin as the page: the server that serves the explorer also answers /graphql. The
// console's login (auth/session.ts) goes along, read at each request, so queries run as that user.
const fetcher = createGraphiQLFetcher({
  url: new URL('/graphql', window.location.href).toString(),
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...authHeaders() } }),
});

// ?query=…&variables=… open the explorer on a given query: links from docs, issues or the console.
const linked = new URLSearchParams(window.location.search);

const container = document.getElementById('explorer');
if (!container) throw new Error('explorer.html has no #explorer element');
createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={STARTER_QUERY}
      initialQuery={linked.get('query') ?? undefined}
      initialVariables={linked.get('variables') ?? undefined}
    >
      <GraphiQL.Logo>
        <a href="/admin/" style={{ color: 'inherit', textDecoration: 'none' }}>
          Sway
        </a>{' '}
        query explorer
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
