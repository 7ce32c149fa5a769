import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestService } from '../../server/services/ingest.service';
import { systemContext } from '../../server/services/request-context';
import { DIALECTS } from '../support/databases';
import { smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const PAGE_QUERY = `query($first: Int!) {
  people(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id displayName
      accounts { nodes { id network handle followersCount } }
      content(first: 5) { nodes { id kind postedAt interactionCounts { total likes shares replies comments } } }
    }
  }
}`;

describe.each(DIALECTS)('SQL statements per request on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    // 120 people with 8 posts each, so a page of 100 really has 100 × 5 content items.
    await new IngestService().ingest(systemContext(server.app.db, 'test'), smallWorld('sc', 120, 8));
  });
  afterAll(() => server?.close());

  async function statementsFor(first: number): Promise<{ count: number; people: any[] }> {
    server.sql.reset();
    const res = await server.gql(PAGE_QUERY, { first });
    expect(res.errors).toBeUndefined();
    return { count: server.sql.statements.length, people: res.data.people.nodes };
  }

  it('is a small constant, the same for 10 and for 100 people', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(ten.people).toHaveLength(10);
    expect(hundred.people).toHaveLength(100);
    expect(hundred.people.every((p) => p.content.nodes.length === 5 && p.accounts.nodes.length === 2)).toBe(true);
    expect(hundred.people[0].content.nodes[0].interactionCounts.total).toBe(2);
    // the viewer (read fresh for each authenticated request) + people page + count
    // + accounts (ids, rows) + content (ids, rows) + interaction counts
    expect(hundred.count).toBe(ten.count);
    expect(hundred.count).toBeLessThanOrEqual(8);
  });

  it('stays constant with scores, history and topics, once scores are stored', async () => {
    const query = `query($first: Int!) { people(first: $first) { nodes { id
      score { value band { low high } topContent { content { id } } }
      scoreHistory(from: "2026-01-01", to: "2026-12-31") { day score }
      topics { expertise topic { slug } }
    } } }`;
    const run = async (first: number) => {
      server.sql.reset();
      const res = await server.gql(query, { first });
      expect(res.errors).toBeUndefined();
      return server.sql.statements.length;
    };
    await run(100); // the first read computes and stores every score
    const ten = await run(10);
    const hundred = await run(100);
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(12);
  });

  it('stays constant ordered by score, with rank and percentile, on any page', async () => {
    const query = `query($first: Int!, $after: String) { people(first: $first, after: $after, orderBy: { field: SCORE }) {
      pageInfo { endCursor } nodes { id score { value rank percentile } } } }`;
    const run = async (first: number, after: string | null = null) => {
      server.sql.reset();
      const res = await server.gql(query, { first, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.people.nodes).toHaveLength(first);
      expect(res.data.people.nodes.every((p: any) => p.score.rank >= 1)).toBe(true);
      return { count: server.sql.statements.length, end: res.data.people.pageInfo.endCursor as string };
    };
    await run(100); // scores stored
    const ten = await run(10);
    const hundred = await run(100);
    const later = await run(10, ten.end);
    // the viewer + the page + the scores of the page + their ranks
    expect(hundred.count).toBe(ten.count);
    expect(later.count).toBe(ten.count);
    expect(hundred.count).toBeLessThanOrEqual(4);
  });
});
