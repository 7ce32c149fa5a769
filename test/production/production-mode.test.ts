import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/observability/logger';
import type { Services } from '../../server/services';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

/** Collects the structured log lines (pino JSON) a server writes. */
class LogSink extends Writable {
  lines: any[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line));
    done();
  }
}

/** The people service fails unexpectedly (as a lost database would), with a message that must not leak. */
function failingPeople(services: Services): Services {
  const people = new Proxy(services.people, {
    get(target, prop, receiver) {
      if (prop === 'list') return async () => { throw new Error('secret internals: connection to 10.0.0.7 lost'); };
      return Reflect.get(target, prop, receiver);
    },
  });
  return { ...services, people };
}

const INTROSPECTION = `{ __schema { queryType { name } } }`;

describe('production mode', () => {
  let server: TestServer;
  const sink = new LogSink();

  beforeAll(async () => {
    server = await startTestServer('sqlite', { config: { production: true }, app: { wrapServices: failingPeople, logger: createLogger('info', sink) } });
    expect((await server.gql(`mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`, { input: asGraphQLInput(smallWorld('prod', 3, 1)) })).errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it('masks unexpected errors as INTERNAL_SERVER_ERROR with a request id that the log carries too', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ query: '{ people(first: 1) { totalCount } }' }),
    });
    const body = (await res.json()) as any;
    const error = body.errors[0];
    expect(error.message).toBe('Internal server error');
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(body)).not.toMatch(/secret internals|stacktrace|at .*\.ts/);
    const requestId = res.headers.get('x-request-id');
    expect(error.extensions.requestId).toBe(requestId);
    await new Promise((r) => setTimeout(r, 50));
    const logged = sink.lines.find((l) => l.requestId === requestId && l.level >= 50);
    expect(logged?.err?.message).toContain('secret internals');
    expect(sink.lines.some((l) => l.requestId === requestId && l.msg === 'request' && l.status === 200)).toBe(true);
  });

  it('keeps a request id the caller sent', async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'lb-1234' } });
    expect(res.headers.get('x-request-id')).toBe('lb-1234');
  });

  it('gives no field suggestions', async () => {
    const res = await server.gql(`{ peopel(first: 1) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('keeps introspection for authenticated callers only', async () => {
    const anon = await server.anon(INTROSPECTION);
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anon.data).toBeUndefined();
    const admin = await server.gql(INTROSPECTION);
    expect(admin.errors).toBeUndefined();
    expect(admin.data.__schema.queryType.name).toBe('Query');
    // __typename is not introspection of the schema.
    expect((await server.anon(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
  });

  it('keeps CSRF prevention on: a GET with no preflight-forcing header is refused', async () => {
    const plain = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(plain.status).toBe(400);
    const preflighted = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
  });
});

describe('development mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server?.close());

  it('suggests fields and lets anyone introspect', async () => {
    const res = await server.gql(`{ peopel(first: 1) { totalCount } }`);
    expect(res.errors?.[0].message).toMatch(/Did you mean/);
    expect((await server.anon(INTROSPECTION)).errors).toBeUndefined();
  });
});
