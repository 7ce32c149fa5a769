/**
 * How each react-admin resource maps onto Sway's GraphQL schema (server/api/schema.graphql):
 * which Relay connection lists it, which node type node(id:) returns for it, which filter and
 * order inputs it takes, and which fields the console selects. The only place that knows the
 * schema's names; test/e2e/admin-queries.test.ts validates every query built from it.
 */

export const RESOURCE_NAMES = ['people', 'accounts', 'content', 'interactions', 'topics', 'campaigns'] as const;
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
  /**
   * react-admin filter keys that go into a nested input of the filter: `scoreMin` →
   * `filter.audience.minScore`. The sidebar shows a filter when its key is here or in filterFields.
   */
  nestedFilterFields?: Readonly<Record<string, { input: string; field: string }>>;
  /** Input type of the connection's `orderBy` argument; absent where the list has a fixed order. */
  orderInput?: string;
  /** react-admin sort field → the API's order enum. Sorting by other fields is disabled in the UI. */
  sortFields: Readonly<Record<string, string>>;
  /** Selection for list rows and getMany. */
  listFields: string;
  /** Selection for a show page: the list's plus what only a show page needs. */
  detailFields: string;
  /** How the API's node becomes the record react-admin keeps (and the form edits); as is when absent. */
  fromApi?: (node: Record<string, unknown>) => Record<string, unknown>;
  /** Writes, where the API has them: react-admin's create and update as mutations. */
  writes?: ResourceWrites;
}

export interface ResourceWrites {
  /** Mutation for create, with its input argument `input` and the extra arguments taken from the record. */
  createField: string;
  createArgs: Readonly<Record<string, string>>;
  /** Mutation for update: `(id: ID!, input:)`, sent only the fields that changed. */
  updateField: string;
  inputType: string;
  /** Record fields that go into the input. */
  inputFields: readonly string[];
  /** Input fields that are instants: a form's local "YYYY-MM-DDTHH:mm" is sent as ISO. */
  dateFields: readonly string[];
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
const campaignFields = 'id name status code startsAt endsAt inventory remaining unitValue currency brand { id name }';
const campaignTarget = 'target { minScore maxScore networks regions minAuthenticity topics { slug } }';

export const RESOURCE_QUERIES: Readonly<Record<ResourceName, ResourceQuerySpec>> = {
  people: {
    connectionField: 'people',
    nodeType: 'Person',
    filterInput: 'PersonFilterInput',
    // The filter sidebar (people/PersonFilters.tsx) shows a filter once its field is listed here or
    // in nestedFilterFields: add 'flagged' when people(filter:) has it.
    filterFields: ['search', 'region', 'language', 'network'],
    // The score range, topics, networks and authenticity filters are campaign targeting criteria:
    // people(filter: { audience: { … } }) lists exactly who a campaign with them would reach.
    nestedFilterFields: {
      scoreMin: { input: 'audience', field: 'minScore' },
      scoreMax: { input: 'audience', field: 'maxScore' },
      topics: { input: 'audience', field: 'topics' },
      networks: { input: 'audience', field: 'networks' },
      minAuthenticity: { input: 'audience', field: 'minAuthenticity' },
    },
    orderInput: 'PersonOrderInput',
    sortFields: { id: 'ID', createdAt: 'CREATED_AT', displayName: 'DISPLAY_NAME', 'score.value': 'SCORE' },
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
  campaigns: {
    connectionField: 'campaigns',
    nodeType: 'Campaign',
    filterInput: 'CampaignFilterInput',
    filterFields: ['brandId', 'status'],
    // Newest first, always.
    sortFields: {},
    listFields: campaignFields,
    detailFields: `${campaignFields} description perk createdAt updatedAt ${campaignTarget}`,
    // The form edits topics as slugs, as AudienceTargetInput takes them; brandId is createCampaign's argument.
    fromApi: (node) => {
      const target = node.target as { topics: { slug: string }[] } | undefined;
      const brand = node.brand as { id: string } | undefined;
      return { ...node, ...(brand ? { brandId: brand.id } : {}), ...(target ? { target: { ...target, topics: target.topics.map((t) => t.slug) } } : {}) };
    },
    writes: {
      createField: 'createCampaign',
      createArgs: { brandId: 'ID!' },
      updateField: 'updateCampaign',
      inputType: 'CampaignInput',
      inputFields: ['name', 'description', 'perk', 'unitValue', 'currency', 'inventory', 'startsAt', 'endsAt', 'code', 'target'],
      dateFields: ['startsAt', 'endsAt'],
    },
  },
};

export function isResourceName(name: string): name is ResourceName {
  return (RESOURCE_NAMES as readonly string[]).includes(name);
}

export function resourceQuerySpec(resource: string): ResourceQuerySpec {
  if (!isResourceName(resource)) throw new Error(`The console has no resource "${resource}"`);
  return RESOURCE_QUERIES[resource];
}
