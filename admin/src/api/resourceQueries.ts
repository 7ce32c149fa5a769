/**
 * How each react-admin resource maps onto Sway's GraphQL schema (server/api/schema.graphql):
 * which Relay connection lists it, which node type node(id:) returns for it, which filter and
 * order inputs it takes, and which fields the console selects. The only place that knows the
 * schema's names; test/e2e/admin-queries.test.ts validates every query built from it.
 */

export const RESOURCE_NAMES = ['people', 'accounts', 'content', 'interactions', 'topics'] as const;
export type ResourceName = (typeof RESOURCE_NAMES)[number];

export interface ResourceQuerySpec {
  /** Query field that lists the resource as a connection. */
  connectionField: string;
  /** Object type behind node(id:) and nodes(ids:). */
  nodeType: string;
  /** Input type of the connection's `filter` argument. */
  filterInput: string;
  /** Filter fields the API accepts; other keys react-admin sends are dropped. */
  filterFields: readonly string[];
  /** Input type of the connection's `orderBy` argument; absent where the list has a fixed order. */
  orderInput?: string;
  /** react-admin sort field → the API's order enum. Sorting by other fields is disabled in the UI. */
  sortFields: Readonly<Record<string, string>>;
  /** Selection for list rows and getMany. */
  listFields: string;
  /** Selection for a show page: the list's plus what only a show page needs. */
  detailFields: string;
}

const accountRef = 'id network handle';
const personRef = 'id displayName';
const topicRef = 'id slug displayName';
const contentRef = 'id kind text';
const interactionCounts = 'interactionCounts { total likes shares replies comments clicks }';

const personFields = `id databaseId externalId displayName region language createdAt accounts(first: 1) { totalCount } score { value band { low high } }`;
const accountFields = `id databaseId externalId network handle followersCount followingCount createdAt person { ${personRef} }`;
const contentFields = `id databaseId network kind text url postedAt campaignCode author { ${accountRef} } person { ${personRef} } ${interactionCounts}`;
const interactionFields = `id databaseId network externalId kind occurredAt actor { ${accountRef} } targetAccount { ${accountRef} } targetContent { ${contentRef} }`;
const topicFields = 'id topicId slug displayName wikiItemId';

export const RESOURCE_QUERIES: Readonly<Record<ResourceName, ResourceQuerySpec>> = {
  people: {
    connectionField: 'people',
    nodeType: 'Person',
    filterInput: 'PersonFilterInput',
    // The filter sidebar (people/PersonFilters.tsx) shows a filter once its field is listed here:
    // add 'scoreMin', 'scoreMax', 'topics', 'minAuthenticity', 'flagged' when people(filter:) has them.
    filterFields: ['search', 'region', 'language', 'network'],
    orderInput: 'PersonOrderInput',
    sortFields: { id: 'ID', createdAt: 'CREATED_AT', displayName: 'DISPLAY_NAME' },
    listFields: personFields,
    detailFields: `${personFields} content(first: 1) { totalCount }`,
  },
  accounts: {
    connectionField: 'accounts',
    nodeType: 'NetworkAccount',
    filterInput: 'AccountFilterInput',
    filterFields: ['network', 'personId', 'search'],
    orderInput: 'AccountOrderInput',
    sortFields: { id: 'ID', followersCount: 'FOLLOWERS', handle: 'HANDLE' },
    listFields: accountFields,
    detailFields: `${accountFields} content(first: 1) { totalCount }`,
  },
  content: {
    connectionField: 'contents',
    nodeType: 'Content',
    filterInput: 'ContentFilterInput',
    filterFields: ['network', 'kind', 'authorId', 'accountId', 'topicId', 'campaignCode', 'postedAfter', 'postedBefore'],
    orderInput: 'ContentOrderInput',
    sortFields: { id: 'ID', postedAt: 'POSTED_AT' },
    listFields: contentFields,
    detailFields:
      `${contentFields} externalId parent { ${contentRef} author { ${accountRef} } } ` +
      `topics(first: 20) { totalCount nodes { ${topicRef} } } ` +
      `comments(first: 20) { totalCount nodes { ${contentRef} postedAt author { ${accountRef} } interactionCounts { total } } }`,
  },
  interactions: {
    connectionField: 'interactions',
    nodeType: 'Interaction',
    filterInput: 'InteractionFilterInput',
    filterFields: ['network', 'kind', 'actorAccountId', 'targetAccountId', 'targetContentId', 'occurredAfter', 'occurredBefore'],
    orderInput: 'InteractionOrderInput',
    sortFields: { id: 'ID', occurredAt: 'OCCURRED_AT' },
    listFields: interactionFields,
    detailFields: interactionFields,
  },
  topics: {
    connectionField: 'topics',
    nodeType: 'Topic',
    filterInput: 'TopicFilterInput',
    filterFields: ['search', 'slug'],
    sortFields: {},
    listFields: topicFields,
    detailFields: `${topicFields} parents(first: 100) { totalCount nodes { ${topicRef} } } children(first: 100) { totalCount nodes { ${topicRef} } }`,
  },
};

export function isResourceName(name: string): name is ResourceName {
  return (RESOURCE_NAMES as readonly string[]).includes(name);
}

export function resourceQuerySpec(resource: string): ResourceQuerySpec {
  if (!isResourceName(resource)) throw new Error(`The console has no resource "${resource}"`);
  return RESOURCE_QUERIES[resource];
}
