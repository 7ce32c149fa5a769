import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server';

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`;

/** Every error names a code, and none carries a stack trace or internals. */
function expectCleanError(res: GraphQLResponse, code: string, field?: string) {
  expect(res.errors?.length).toBeGreaterThan(0);
  const [err] = res.errors!;
  expect(err.extensions?.code).toBe(code);
  if (field !== undefined) expect(err.extensions?.field).toBe(field);
  const text = JSON.stringify(res.errors);
  expect(text).not.toMatch(/stacktrace|\bat \w+ \(|node_modules|\.ts:\d+/);
}

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let server: TestServer;
  const counts = async () =>
    (await server.app.db.reader.query('SELECT (SELECT COUNT(*) FROM person) AS p, (SELECT COUNT(*) FROM network_account) AS a, (SELECT COUNT(*) FROM content) AS c, (SELECT COUNT(*) FROM interaction) AS i'))[0];

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const res = await server.gql(INGEST, { input: asGraphQLInput(smallWorld('ok', 3, 2)) });
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it('rejects out-of-range page sizes, naming the argument', async () => {
    expectCleanError(await server.gql(`{ people(first: 0) { totalCount } }`), 'BAD_USER_INPUT', 'first');
    expectCleanError(await server.gql(`{ people(first: 101) { totalCount } }`), 'BAD_USER_INPUT', 'first');
    expectCleanError(await server.gql(`{ people(first: 5, last: 5) { totalCount } }`), 'BAD_USER_INPUT', 'last');
    expectCleanError(await server.gql(`{ people(after: "bogus") { totalCount } }`), 'BAD_USER_INPUT', 'after');
    expectCleanError(await server.gql(`{ people(first: 1) { nodes { content(first: 500) { totalCount } } } }`), 'BAD_USER_INPUT', 'first');
  });

  it('rejects wrong types and unknown enum values', async () => {
    expectCleanError(await server.gql(`query($n: Int) { people(first: $n) { totalCount } }`, { n: 'ten' }), 'BAD_USER_INPUT', 'n');
    expectCleanError(await server.gql(`{ people(first: "ten") { totalCount } }`), 'GRAPHQL_VALIDATION_FAILED');
    expectCleanError(await server.gql(`{ people(filter: { network: MYSPACE }) { totalCount } }`), 'GRAPHQL_VALIDATION_FAILED');
    const badEnum = asGraphQLInput({ accounts: [{ network: 'MYSPACE' as never, externalId: 'x', personExternalId: 'ok-p0', handle: 'x' }] });
    const res = await server.gql(INGEST, { input: badEnum });
    expectCleanError(res, 'BAD_USER_INPUT', 'input.accounts[0].network');
  });

  it('rejects a 1 MB string with the field at fault, and writes nothing', async () => {
    const before = await counts();
    const batch = smallWorld('big', 2, 1);
    batch.people![1] = { ...batch.people![1], displayName: 'x'.repeat(1024 * 1024) };
    const res = await server.gql(INGEST, { input: asGraphQLInput(batch) });
    expectCleanError(res, 'BAD_USER_INPUT', 'input.people[1].displayName');
    expect(await counts()).toEqual(before);

    const longFilter = await server.gql(`query($s: String) { people(filter: { search: $s }) { totalCount } }`, { s: 'y'.repeat(1024 * 1024) });
    expectCleanError(longFilter, 'BAD_USER_INPUT', 'filter.search');
  });

  it('rejects a duplicate external id inside one batch and writes nothing', async () => {
    const before = await counts();
    const batch = smallWorld('dup', 2, 1);
    batch.interactions!.push({ ...batch.interactions![0] });
    const res = await server.gql(INGEST, { input: asGraphQLInput(batch) });
    expectCleanError(res, 'BAD_USER_INPUT', `input.interactions[${batch.interactions!.length - 1}].externalId`);
    expect(await counts()).toEqual(before);
  });

  it('rejects references to unknown accounts, bad times and URLs, listing every field', async () => {
    const before = await counts();
    const batch = smallWorld('ref', 2, 1);
    batch.content![0] = { ...batch.content![0], url: 'javascript:alert(1)' };
    batch.interactions![0] = { ...batch.interactions![0], occurredAt: Date.UTC(1970, 0, 2) };
    const res = await server.gql(INGEST, { input: asGraphQLInput(batch) });
    expectCleanError(res, 'BAD_USER_INPUT', 'input.content[0].url');
    expect(res.errors![0].extensions!.errors.map((e: any) => e.field)).toEqual(['input.content[0].url', 'input.interactions[0].occurredAt']);
    expect(await counts()).toEqual(before);

    const orphan = smallWorld('orphan', 1, 1);
    orphan.interactions = [{ ...orphan.interactions![0], actorExternalId: 'no-such-account' }];
    const res2 = await server.gql(INGEST, { input: asGraphQLInput(orphan) });
    expectCleanError(res2, 'BAD_USER_INPUT', 'input.interactions[0].actorExternalId');
    expect(await counts()).toEqual(before);
  });

  it('rejects a batch over 1,000 items', async () => {
    const people = Array.from({ length: 1001 }, (_, i) => ({ externalId: `many-${i}`, displayName: `Many ${i}` }));
    expectCleanError(await server.gql(INGEST, { input: { people } }), 'BAD_USER_INPUT', 'input');
  });

  it('answers malformed HTTP bodies with a clean error', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expectCleanError((await res.json()) as GraphQLResponse, 'BAD_REQUEST');
    expectCleanError(await server.gql(`{ people(first: 1) { nodes { nope } } }`), 'GRAPHQL_VALIDATION_FAILED');
    expectCleanError(await server.gql(`{ people(first: 1 `), 'GRAPHQL_PARSE_FAILED');
  });
});
