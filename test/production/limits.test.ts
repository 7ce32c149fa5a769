import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { gqlAs, loginAs, createTestUser } from '../support/auth';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { Role } from '#shared/roles';

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`;

/** A raw POST: status, headers and body, whatever the body is. */
async function post(server: TestServer, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}`, ...headers }, body });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json };
}

async function healthy(server: TestServer): Promise<void> {
  const res = await server.gql(`{ people(first: 1) { totalCount } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.people.totalCount).toBeGreaterThan(0);
}

describe('GraphQL limits', () => {
  let server: TestServer;
  const limits = loadConfig({}).limits;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const res = await server.gql(INGEST, { input: asGraphQLInput(smallWorld('lim', 5, 2)) });
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it('refuses a depth bomb before running it, and stays healthy', async () => {
    let inner = 'id';
    for (let i = 0; i < 40; i++) inner = `person { accounts(first: 1) { nodes { ${inner} } } }`;
    const res = await post(server, JSON.stringify({ query: `{ people(first: 1) { nodes { accounts(first: 1) { nodes { ${inner} } } } } }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
    expect(res.json.errors[0].message).toContain(`deeper than ${limits.maxDepth}`);
    expect(res.json.data).toBeUndefined();
    await healthy(server);
  });

  it('follows fragments when measuring depth', async () => {
    const fragments = Array.from({ length: 15 }, (_, i) => `fragment F${i} on Person { accounts(first: 1) { nodes { person { ${i < 14 ? `...F${i + 1}` : 'id'} } } } }`).join('\n');
    const res = await post(server, JSON.stringify({ query: `{ people(first: 1) { nodes { ...F0 } } }\n${fragments}` }));
    expect(res.json.errors[0].extensions.limit).toBe('depth');
  });

  it('lets an ordinary nested query through', async () => {
    const res = await post(server, JSON.stringify({ query: `{ people(first: 2) { nodes { displayName accounts(first: 2) { nodes { handle person { displayName } } } } } }` }));
    expect(res.status).toBe(200);
    expect(res.json.errors).toBeUndefined();
  });

  it('refuses an alias bomb', async () => {
    const fields = Array.from({ length: 200 }, (_, i) => `a${i}: people(first: 1) { totalCount }`).join(' ');
    const res = await post(server, JSON.stringify({ query: `{ ${fields} }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.extensions.limit)).toContain('aliases');
    await healthy(server);
  });

  it('refuses a document of 10,000 fields (token limit) before validating it', async () => {
    const fields = Array.from({ length: 10_000 }, () => '__typename').join(' ');
    const res = await post(server, JSON.stringify({ query: `{ ${fields} }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(res.json.errors[0].message).toMatch(/more tha[nt] \d+ tokens/);
    await healthy(server);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: limits.maxDirectives + 5 }, () => '@include(if: true)').join(' ');
    const res = await post(server, JSON.stringify({ query: `{ people(first: 1) ${directives} { totalCount } }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors.map((e: any) => e.extensions.limit)).toContain('directives');
  });

  it('refuses a huge variables object with 413, before parsing it, and stays healthy', async () => {
    const big = { query: '{ __typename }', variables: { blob: 'x'.repeat(limits.maxBodyBytes + 1024) } };
    const res = await post(server, JSON.stringify(big));
    expect(res.status).toBe(413);
    expect(res.json.errors[0].message).toMatch(/over/);
    await healthy(server);
  });

  it('caps pages at 100 and ingest batches at 1,000 items', async () => {
    const page = await server.gql(`{ people(first: 101) { totalCount } }`);
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const batch = smallWorld('capped', 1, 1);
    batch.people = Array.from({ length: 1001 }, (_, i) => ({ externalId: `cap-${i}`, displayName: `Cap ${i}` }));
    const res = await server.gql(INGEST, { input: asGraphQLInput(batch) });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/at most 1000/);
  });

  it('refuses batched HTTP requests (arrays of operations)', async () => {
    const res = await post(server, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
  });

  it('reports the cost and the remaining budget in extensions', async () => {
    const first = await post(server, JSON.stringify({ query: `{ people(first: 10) { nodes { accounts(first: 5) { nodes { handle } } } } }` }));
    expect(first.json.errors).toBeUndefined();
    // people (1) + 10 × (nodes 1 + accounts 1 + 5 × nodes 1)… counted as GitHub does: 1 + 10 + 10 + 50
    expect(first.json.extensions.cost.requestedQueryCost).toBe(71);
    expect(first.json.extensions.cost.maximumQueryCost).toBe(limits.maxCost);
    const second = await post(server, JSON.stringify({ query: `{ people(first: 10) { nodes { accounts(first: 5) { nodes { handle } } } } }` }));
    expect(second.json.extensions.cost.budget.currentlyAvailable).toBeLessThan(first.json.extensions.cost.budget.currentlyAvailable + 1);
    expect(second.json.extensions.cost.budget.maximumAvailable).toBe(limits.budget);
  });

  it('refuses an operation over the per-query maximum, naming its cost', async () => {
    const res = await post(server, JSON.stringify({ query: `{ people(first: 100) { nodes { accounts(first: 100) { nodes { content(first: 100) { totalCount } } } } } }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED', maxCost: limits.maxCost });
    expect(res.json.errors[0].extensions.cost).toBeGreaterThan(limits.maxCost);
  });
});

describe('per-caller budget and login rate limits', () => {
  let server: TestServer;

  beforeAll(async () => {
    const limits = { ...loadConfig({}).limits, budget: 100, budgetRefillPerSecond: 1, loginAttemptsPerAccount: 3, loginAttemptsPerAddress: 5 };
    server = await startTestServer('sqlite', { config: { limits } });
  });
  afterAll(() => server?.close());

  it('refuses a caller over budget with 429, a retry time, and leaves other callers alone', async () => {
    const query = `{ people(first: 20) { nodes { accounts(first: 1) { totalCount } } } }`; // 41 points
    const spent = [];
    for (let i = 0; i < 3; i++) spent.push(await post(server, JSON.stringify({ query })));
    expect(spent[0].json.extensions.cost.requestedQueryCost).toBe(41);
    expect(spent[1].status).toBe(200);
    const refused = spent[2];
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    const retry = refused.json.errors[0].extensions.retryAfterSeconds;
    expect(retry).toBeGreaterThan(0);
    expect(refused.headers.get('retry-after')).toBe(String(retry));
    // Another caller (anonymous, by address) has a budget of its own.
    const other = await server.anon(`{ topics(first: 1) { totalCount } }`);
    expect(other.errors).toBeUndefined();
  });

  it('rate-limits logins per account, and per address across accounts', async () => {
    await createTestUser(server, { email: 'limited@test.sway', role: Role.ADMIN });
    const login = (email: string, password: string) => gqlAs(server, null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
    for (let i = 0; i < 3; i++) expect((await login('limited@test.sway', 'wrong password!!')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const blocked = await login('limited@test.sway', 'correct horse battery staple');
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The address has had 4 attempts of 5: one more on another account, then refused whatever the account.
    expect((await login('someone@test.sway', 'whatever password')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login('else@test.sway', 'whatever password')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    void loginAs;
  });
});

describe('tooling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server?.close());

  it('lets the full introspection query of GraphiQL and ra-data-graphql through (15 levels deep)', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const res = await server.gql(getIntrospectionQuery({ inputValueDeprecation: true, descriptions: true, schemaDescription: true }));
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});
