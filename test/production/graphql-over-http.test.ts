import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

/**
 * graphql-http's audit suite (GraphQL over HTTP spec) against the real server. Every MUST passes;
 * the SHOULD and MAY results are printed and listed in docs/production.md with the reason for each that
 * does not pass.
 */
describe('GraphQL over HTTP audits', () => {
  let server: TestServer;
  const results: { id: string; name: string; status: string; reason?: string }[] = [];

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    for (const audit of serverAudits({ url: `${server.url}/graphql` })) {
      const result = await audit.fn();
      results.push({ id: result.id, name: result.name, status: result.status, reason: result.status === 'ok' ? undefined : result.reason });
    }
  });
  afterAll(() => server?.close());

  it('passes every MUST audit', () => {
    const must = results.filter((r) => r.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    expect(must.filter((r) => r.status !== 'ok')).toEqual([]);
  });

  it('lists the SHOULD and MAY results (kept in docs/production.md)', () => {
    const rest = results.filter((r) => !r.name.startsWith('MUST'));
    const lines = rest.map((r) => `${r.status === 'ok' ? 'ok  ' : 'FAIL'} ${r.id} ${r.name}${r.reason ? ` — ${r.reason}` : ''}`);
    console.log(`GraphQL over HTTP audits: ${results.filter((r) => r.status === 'ok').length}/${results.length} ok\n${lines.join('\n')}`);
    expect(rest.length).toBeGreaterThan(0);
  });
});
