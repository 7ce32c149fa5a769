import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getVariableValues,
  isEnumType,
  isInputObjectType,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createBuildQuery, listRequest } from '../../admin/src/api/buildQuery';
import { PageCursors } from '../../admin/src/api/pageCursors';
import { reachPage } from '../../admin/src/api/reachPage';
import { fieldErrorsOf } from '../../admin/src/api/readableErrors';
import { RESOURCE_NAMES, RESOURCE_QUERIES } from '../../admin/src/api/resourceQueries';
import {
  ACTIVE_CAMPAIGNS_QUERY,
  BRANDS_QUERY,
  CAMPAIGN_CLAIMS_QUERY,
  CAMPAIGN_REPORT_QUERY,
  DASHBOARD_QUERY,
  LOGIN_MUTATION,
  ME_QUERY,
  NEW_FLAGS_QUERY,
  PERSON_AUTHENTICITY_QUERY,
  PREVIEW_AUDIENCE_QUERY,
  PROFILE_QUERY,
  REVIEW_FLAG_MUTATION,
  SCORE_CHANGE_QUERY,
  SET_CAMPAIGN_STATUS_MUTATION,
  SET_CLAIM_STATUS_MUTATION,
} from '../../admin/src/api/swayQueries';
import { peopleToCsv, serverExportUrl } from '../../admin/src/people/peopleCsv';

/**
 * The console's GraphQL documents, checked against the committed SDL without a browser or a
 * server: a renamed field or filter in the API fails here, not in a user's console.
 */
const schema: GraphQLSchema = buildSchema(fs.readFileSync(path.join(__dirname, '../../server/api/schema.graphql'), 'utf8'));

/** Validates a document and coerces its variables as the server would. */
function expectAccepted(query: DocumentNode, variables: Record<string, unknown>): void {
  expect(validate(schema, query).map((e) => e.message)).toEqual([]);
  const operation = query.definitions[0] as OperationDefinitionNode;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  expect(coerced.errors?.map((e) => e.message) ?? []).toEqual([]);
}

const ANY_ID = 'UGVyc29uOjE'; // base64url("Person:1"); the schema only checks it is an ID

describe('console queries against server/api/schema.graphql', () => {
  it.each(RESOURCE_NAMES)('%s: filter fields and sort enums exist in the schema', (resource) => {
    const spec = RESOURCE_QUERIES[resource];
    const filterType = schema.getType(spec.filterInput);
    if (!isInputObjectType(filterType)) throw new Error(`${spec.filterInput} is not an input type`);
    expect(Object.keys(filterType.getFields())).toEqual(expect.arrayContaining([...spec.filterFields]));
    if (spec.orderInput) {
      const orderType = schema.getType(spec.orderInput);
      if (!isInputObjectType(orderType)) throw new Error(`${spec.orderInput} is not an input type`);
      const fieldEnum = orderType.getFields().field.type;
      const enumType = 'ofType' in fieldEnum ? fieldEnum.ofType : fieldEnum;
      if (!isEnumType(enumType)) throw new Error(`${spec.orderInput}.field is not an enum`);
      expect(enumType.getValues().map((v) => v.name)).toEqual(expect.arrayContaining(Object.values(spec.sortFields)));
    } else {
      expect(spec.sortFields).toEqual({});
    }
  });

  it.each(RESOURCE_NAMES)('%s: getList, getOne, getMany and getManyReference build valid operations', (resource) => {
    const spec = RESOURCE_QUERIES[resource];
    const buildQuery = createBuildQuery(new PageCursors());
    const [sortField] = Object.keys(spec.sortFields);
    const filter = Object.fromEntries(spec.filterFields.filter((f) => /search|campaignCode|region|language|slug/.test(f)).map((f) => [f, 'x']));
    const list = buildQuery('GET_LIST', resource, { pagination: { page: 1, perPage: 10 }, sort: sortField ? { field: sortField, order: 'DESC' } : undefined, filter });
    expectAccepted(list.query, list.variables ?? {});

    const one = buildQuery('GET_ONE', resource, { id: ANY_ID });
    expectAccepted(one.query, one.variables ?? {});

    // 150 ids: more than nodes(ids:) takes at once, so two aliased chunks.
    const many = buildQuery('GET_MANY', resource, { ids: Array.from({ length: 150 }, () => ANY_ID) });
    expect(Object.keys(many.variables ?? {})).toEqual(['ids0', 'ids1']);
    expectAccepted(many.query, many.variables ?? {});

    const idTarget = spec.filterFields.find((f) => f.endsWith('Id'));
    if (idTarget) {
      const reference = buildQuery('GET_MANY_REFERENCE', resource, { target: idTarget, id: ANY_ID, pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
      expectAccepted(reference.query, reference.variables ?? {});
      expect((reference.variables as { filter: Record<string, unknown> }).filter).toEqual({ [idTarget]: ANY_ID });
    }
  });

  it('maps react-admin list params onto first/filter/orderBy', () => {
    const request = listRequest('people', {
      pagination: { page: 3, perPage: 500 },
      sort: { field: 'displayName', order: 'ASC' },
      filter: { search: '  Ada ', region: '', unknownField: 'dropped', network: 'TWITTER' },
    });
    expect(request.page).toBe(3);
    expect(request.variables).toEqual({
      first: 100,
      filter: { search: 'Ada', network: 'TWITTER' },
      orderBy: { field: 'DISPLAY_NAME', direction: 'ASC' },
    });
    // A column the API cannot order by falls back to the API's default order.
    expect(listRequest('people', { sort: { field: 'region', order: 'ASC' } }).variables.orderBy).toBeUndefined();
    expect(() => listRequest('accounts', { target: 'authorId', id: ANY_ID })).toThrow(/personId/);
  });

  it('puts the score range, topics, networks and authenticity filters into filter.audience', () => {
    const request = listRequest('people', {
      pagination: { page: 1, perPage: 25 },
      filter: { scoreMin: 40, scoreMax: 80, topics: ['basketball'], networks: ['TWITTER', 'BLOG'], minAuthenticity: 50, region: 'GB' },
    });
    expect(request.variables.filter).toEqual({ region: 'GB', audience: { minScore: 40, maxScore: 80, topics: ['basketball'], networks: ['TWITTER', 'BLOG'], minAuthenticity: 50 } });
    expect(listRequest('people', { filter: { topics: [], scoreMin: undefined } }).variables.filter).toBeUndefined();
    const list = createBuildQuery(new PageCursors())('GET_LIST', 'people', { pagination: { page: 1, perPage: 25 }, filter: { scoreMin: 40, topics: ['basketball'] } });
    expectAccepted(list.query, list.variables ?? {});
  });

  it.each(RESOURCE_NAMES)('%s: nested filter fields exist in the schema', (resource) => {
    const spec = RESOURCE_QUERIES[resource];
    const filterType = schema.getType(spec.filterInput);
    if (!isInputObjectType(filterType)) throw new Error(`${spec.filterInput} is not an input type`);
    for (const { input, field } of Object.values(spec.nestedFilterFields ?? {})) {
      const nested = filterType.getFields()[input]?.type;
      if (!isInputObjectType(nested)) throw new Error(`${spec.filterInput}.${input} is not an input type`);
      expect(Object.keys(nested.getFields())).toContain(field);
    }
  });

  it('campaigns: create and update build valid mutations; update sends only what changed', () => {
    const buildQuery = createBuildQuery(new PageCursors());
    const record = {
      name: 'Court',
      description: 'Shoes',
      perk: 'A pair',
      unitValue: 40,
      currency: 'USD',
      inventory: 10,
      startsAt: '2026-01-01T10:00',
      endsAt: '2026-02-01T10:00:00.000Z',
      code: 'COURT1',
      brandId: 'QnJhbmQ6MQ',
      brand: { id: 'QnJhbmQ6MQ', name: 'Acme' },
      status: 'DRAFT',
      target: { minScore: 40, maxScore: 90, topics: ['basketball'], networks: ['TWITTER'], regions: [], minAuthenticity: 0 },
    };
    const create = buildQuery('CREATE', 'campaigns', { data: record });
    expectAccepted(create.query, create.variables ?? {});
    const input = (create.variables as { input: Record<string, unknown> }).input;
    expect(input.startsAt).toBe(new Date('2026-01-01T10:00').toISOString());
    expect(input).not.toHaveProperty('brand');
    expect(input).not.toHaveProperty('status');
    expect((create.variables as { brandId: string }).brandId).toBe('QnJhbmQ6MQ');

    const update = buildQuery('UPDATE', 'campaigns', { id: ANY_ID, data: { ...record, name: 'Court 2', target: { ...record.target, maxScore: 80 } }, previousData: record });
    expectAccepted(update.query, update.variables ?? {});
    expect((update.variables as { input: unknown }).input).toEqual({ name: 'Court 2', target: { minScore: 40, maxScore: 80, topics: ['basketball'], networks: ['TWITTER'], regions: [], minAuthenticity: 0 } });

    const one = buildQuery('GET_ONE', 'campaigns', { id: ANY_ID });
    const parsed = one.parseResponse({
      data: { node: { __typename: 'Campaign', id: ANY_ID, brand: { id: 'B', name: 'Acme' }, target: { topics: [{ slug: 'basketball' }] } } },
      loading: false,
      networkStatus: 7,
    });
    expect(parsed.data).toMatchObject({ brandId: 'B', target: { topics: ['basketball'] } });
  });

  it('asks for page 2 after the cursor page 1 ended at, and refuses a page it cannot place', () => {
    const buildQuery = createBuildQuery(new PageCursors());
    const params = (page: number) => ({ pagination: { page, perPage: 2 }, sort: { field: 'id', order: 'ASC' as const }, filter: {} });
    expect(() => buildQuery('GET_LIST', 'people', params(2))).toThrow(/cursor/);

    const first = buildQuery('GET_LIST', 'people', params(1));
    expect(first.variables?.after).toBeNull();
    const parsed = first.parseResponse({
      data: { page: { totalCount: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false, endCursor: 'cursor-2' }, nodes: [{ id: 'a' }, { id: 'b' }] } },
      loading: false,
      networkStatus: 7,
    });
    expect(parsed).toEqual({ data: [{ id: 'a' }, { id: 'b' }], total: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(buildQuery('GET_LIST', 'people', params(2)).variables?.after).toBe('cursor-2');
  });

  it('rejects a node of another type and any write', () => {
    const buildQuery = createBuildQuery(new PageCursors());
    const one = buildQuery('GET_ONE', 'people', { id: ANY_ID });
    expect(() => one.parseResponse({ data: { node: { __typename: 'Topic', id: ANY_ID } }, loading: false, networkStatus: 7 })).toThrow(/Topic, not a Person/);
    expect(() => buildQuery('UPDATE', 'people', { id: ANY_ID, data: {} })).toThrow(/only reads/);
  });
});

describe('walking to a page whose cursor is not known yet', () => {
  /** A stand-in for Apollo's client over a list of `size` items whose cursors are "c<index>". */
  function fakeClient(size: number) {
    const calls: { first: number; after: string | null }[] = [];
    return {
      calls,
      query: async ({ variables }: { variables?: Record<string, unknown> }) => {
        const first = variables?.first as number;
        const after = (variables?.after as string | null) ?? null;
        calls.push({ first, after });
        const start = after === null ? 0 : Number(after.slice(1)) + 1;
        const end = Math.min(start + first, size);
        return { data: { page: { pageInfo: { hasNextPage: end < size, endCursor: end > start ? `c${end - 1}` : null } } } } as never;
      },
    };
  }
  const params = (page: number) => ({ pagination: { page, perPage: 5 }, sort: { field: 'id', order: 'ASC' as const }, filter: {} });

  it('reaches page 3 in one cursors-only request and remembers every page start it passes', async () => {
    const cursors = new PageCursors();
    const client = fakeClient(12);
    const request = listRequest('people', params(3));
    await reachPage(client, cursors, request);
    expect(client.calls).toEqual([{ first: 10, after: null }]);
    expect(cursors.startOf(request.listKey, 3)).toBe('c9');
    await reachPage(client, cursors, request);
    expect(client.calls).toHaveLength(1);
  });

  it('walks in steps of 100 items from the nearest known page', async () => {
    const cursors = new PageCursors();
    const client = fakeClient(1000);
    const request = listRequest('people', params(50));
    cursors.remember(request.listKey, 10, 'c44');
    await reachPage(client, cursors, request);
    expect(client.calls.map((c) => c.first)).toEqual([100, 100]);
    expect(client.calls[0].after).toBe('c44');
    expect(cursors.startOf(request.listKey, 30)).toBe('c144');
    expect(cursors.startOf(request.listKey, 50)).toBe('c244');
  });

  it('makes a page past the end, or of an empty list, start where nothing follows', async () => {
    const cursors = new PageCursors();
    const past = listRequest('people', params(9));
    await reachPage(fakeClient(12), cursors, past);
    expect(cursors.startOf(past.listKey, 9)).toBe('c11');

    const empty = listRequest('topics', params(2));
    await reachPage(fakeClient(0), cursors, empty);
    expect(cursors.startOf(empty.listKey, 2)).toBeNull();
  });
});

describe("the console's own queries (profile, dashboard, login) against the schema", () => {
  const today = '2026-11-20';
  it.each([
    ['profile', PROFILE_QUERY, { id: ANY_ID, from: '2026-10-22', to: today }],
    ['score change', SCORE_CHANGE_QUERY, { id: ANY_ID, from: '2026-11-13', to: today }],
    ['dashboard', DASHBOARD_QUERY, { days: 7 }],
    ['me', ME_QUERY, {}],
    ['login', LOGIN_MUTATION, { email: 'analyst@demo.sway', password: 'x' }],
  ])('%s is valid', (_name, document, variables) => {
    expectAccepted(document, variables);
  });

  it('campaign queries and mutations are valid', () => {
    expectAccepted(BRANDS_QUERY, {});
    expectAccepted(PREVIEW_AUDIENCE_QUERY, { first: 10, target: { minScore: 40, maxScore: 80, topics: ['basketball'], networks: ['TWITTER'], regions: ['US'], minAuthenticity: 20 } });
    expectAccepted(SET_CAMPAIGN_STATUS_MUTATION, { id: ANY_ID, status: 'ACTIVE' });
    expectAccepted(CAMPAIGN_CLAIMS_QUERY, { id: ANY_ID, first: 100, status: null });
    expectAccepted(SET_CLAIM_STATUS_MUTATION, { id: ANY_ID, status: 'SHIPPED' });
    expectAccepted(CAMPAIGN_REPORT_QUERY, { id: ANY_ID });
    expectAccepted(ACTIVE_CAMPAIGNS_QUERY, { first: 6 });
  });

  it('authenticity queries and the review mutation are valid', () => {
    expectAccepted(PERSON_AUTHENTICITY_QUERY, { id: ANY_ID });
    expectAccepted(NEW_FLAGS_QUERY, { first: 8 });
    expectAccepted(REVIEW_FLAG_MUTATION, { flagId: ANY_ID, decision: 'DISMISSED', reason: 'A real fan club' });
  });

  it('maps BAD_USER_INPUT errors onto the fields of the input the console sent', () => {
    const error = {
      graphQLErrors: [
        { message: 'filter.region: must be shorter than or equal to 64 characters', extensions: { code: 'BAD_USER_INPUT', field: 'filter.region' } },
        { message: 'something else', extensions: { code: 'NOT_FOUND', field: 'id' } },
      ],
    };
    expect(fieldErrorsOf(error)).toEqual({ region: 'must be shorter than or equal to 64 characters' });
    const many = { body: { graphQLErrors: [{ message: '2 invalid fields', extensions: { code: 'BAD_USER_INPUT', field: 'input.a', errors: [{ field: 'input.a', message: 'is required' }, { field: 'input.b.c', message: 'too big' }] } }] } };
    expect(fieldErrorsOf(many)).toEqual({ a: 'is required', 'b.c': 'too big' });
  });

  it('builds the server export URL from the same filter and order mapping as the list', () => {
    const url = new URL(serverExportUrl({ region: ' GB ', search: '', unknown: 'x' }, { field: 'displayName', order: 'DESC' }), 'http://x');
    expect(url.pathname).toBe('/export/people.csv');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ region: 'GB' });
    expect(JSON.parse(url.searchParams.get('orderBy')!)).toEqual({ field: 'DISPLAY_NAME', direction: 'DESC' });
    expect(peopleToCsv([{ id: 'P1', externalId: 'x', displayName: '=SUM(A1), "quoted"', region: null, language: 'en', createdAt: '2026-01-01T00:00:00.000Z', databaseId: 1, accounts: { totalCount: 2 }, score: { value: 12.5, band: { low: 10, high: 15 } } }])).toBe(
      'id,externalId,displayName,region,language,accounts,score,scoreLow,scoreHigh,createdAt\r\nP1,x,"\'=SUM(A1), ""quoted""",,en,2,12.5,10,15,2026-01-01T00:00:00.000Z\r\n',
    );
  });
});
