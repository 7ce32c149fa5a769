import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../server/services';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const PEOPLE = `{ people(first: 5) { nodes { displayName score { value } } } }`;

describe('health, readiness and metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    expect((await server.gql(`mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`, { input: asGraphQLInput(smallWorld('obs', 5, 2)) })).errors).toBeUndefined();
    expect((await server.gql(`mutation { rescore { people } }`)).errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, failing: [] });
  });

  it('exposes request and resolver latency, cache hit ratio and rescore duration in Prometheus format', async () => {
    await server.gql(PEOPLE);
    await server.gql(PEOPLE); // the second read hits the cache
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^sway_http_request_duration_seconds_count\{route="\/graphql",method="POST",status="200"\} [1-9]/m);
    expect(text).toMatch(/^sway_graphql_resolver_duration_seconds_count\{type="Query",field="people"\} [1-9]/m);
    expect(text).toMatch(/^sway_graphql_resolver_duration_seconds_count\{type="Person",field="score"\} [1-9]/m);
    expect(text).toMatch(/^sway_rescore_duration_seconds_count\{outcome="published"\} 1$/m);
    const hits = Number(/^sway_score_cache_lookups_total\{result="hit"\} (\d+)/m.exec(text)?.[1]);
    expect(hits).toBeGreaterThanOrEqual(5);
    const ratio = Number(/^sway_score_cache_hit_ratio (\S+)/m.exec(text)?.[1]);
    expect(ratio).toBeGreaterThan(0);
    expect(ratio).toBeLessThanOrEqual(1);
    expect(text).toMatch(/^sway_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^sway_graphql_operations_total\{type="query",outcome="ok"\} [1-9]/m);
  });

  it('counts refusals by limit', async () => {
    await server.gql(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/^sway_limit_refusals_total\{limit="aliases"\} [1-9]/m);
  });
});

/** Every people page waits `ms` first: requests stay in flight long enough to shut down under them. */
function slowPeople(ms: number) {
  return (services: Services): Services => {
    const people = new Proxy(services.people, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'list' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          await new Promise((r) => setTimeout(r, ms));
          return value.apply(target, args);
        };
      },
    });
    return { ...services, people };
  };
}

describe('graceful shutdown', () => {
  it('finishes requests in flight, then closes connections', async () => {
    const server = await startTestServer('sqlite', { app: { wrapServices: slowPeople(400) } });
    try {
      const inFlight = Array.from({ length: 5 }, () => server.gql(`{ people(first: 1) { totalCount } }`));
      while (server.app.http.inFlight < 5) await new Promise((r) => setTimeout(r, 5));
      const closing = server.app.http.close();
      const answers = await Promise.all(inFlight);
      for (const a of answers) {
        expect(a.errors).toBeUndefined();
        expect(a.data.people.totalCount).toBe(0);
      }
      await closing;
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});
