import type { ApolloClient } from '@apollo/client';
import { LIMITS } from '@sway/shared/limits';
import { listDocument, type ListRequest } from './buildQuery';
import type { PageCursors } from './pageCursors';

interface CursorsOnlyPage {
  page: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/**
 * Makes sure the cursor that `request.page` starts after is known. Paging next/previous always
 * knows it already; a reloaded or shared URL (?page=7) does not, so this walks from the nearest
 * known page, asking only for pageInfo, up to 100 items a step, remembering every page start.
 */
export async function reachPage(client: Pick<ApolloClient<unknown>, 'query'>, cursors: PageCursors, request: ListRequest): Promise<void> {
  if (cursors.startOf(request.listKey, request.page) !== undefined) return;
  let { page, after } = cursors.nearestKnown(request.listKey, request.page);
  const pageSize = request.variables.first;
  const pagesPerStep = Math.max(1, Math.floor(LIMITS.maxPageSize / pageSize));
  while (page < request.page) {
    const pages = Math.min(pagesPerStep, request.page - page);
    const { data } = await client.query<CursorsOnlyPage>({
      query: listDocument(request, true),
      variables: { ...request.variables, first: pages * pageSize, after },
      fetchPolicy: 'no-cache',
    });
    const { hasNextPage, endCursor } = data.page.pageInfo;
    if (!endCursor) {
      // Nothing after `after` (or an empty list): the asked page is empty, wherever it starts.
      // An empty page sends react-admin back to page 1.
      cursors.remember(request.listKey, request.page, after);
      return;
    }
    page += pages;
    after = endCursor;
    cursors.remember(request.listKey, page, after);
    if (!hasNextPage && page < request.page) {
      // Past the end: the asked page starts after the last item, so it comes back empty.
      cursors.remember(request.listKey, request.page, after);
      return;
    }
  }
}
