import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { Role } from '#shared/roles';
import { createTestUser, gqlAs, loginAs } from '../support/auth';
import { DIALECTS } from '../support/databases';
import { smallWorld } from '../support/factories';
import { systemContext } from '../../server/services/request-context';
import { startTestServer, type TestServer } from '../support/server';

/** More than two of the API's 100-item pages, so the export has to walk cursors. */
const PEOPLE = 230;

describe.each(DIALECTS)('dashboard queries and the people CSV export on %s', (dialect) => {
  let server: TestServer;
  /** Database id → global id and region, for every person. */
  let people: { id: string; databaseId: number; region: string; displayName: string }[];

  beforeAll(async () => {
    // The scores below are written by hand for exact histogram counts; a later full rescore moves them all,
    // which the rescore guard would rightly hold: it is opened wide here.
    server = await startTestServer(dialect, { config: { rescoreGuard: { maxMedianShift: 100, maxFloorShareShift: 1, minPeople: 1_000_000_000 } } });
    // Larger than one ingest batch: written through the ingest service, as the importer would.
    await server.app.services.ingest.ingest(systemContext(server.app.db, 'test'), smallWorld('dx', PEOPLE, 1, Date.now() - 3600_000));
    const list = await server.gql(`{ a: people(first: 100) { pageInfo { endCursor } nodes { id databaseId region displayName } } }`);
    const rest1 = await server.gql(`query($after: String) { people(first: 100, after: $after) { pageInfo { endCursor } nodes { id databaseId region displayName } } }`, {
      after: list.data.a.pageInfo.endCursor,
    });
    const rest2 = await server.gql(`query($after: String) { people(first: 100, after: $after) { nodes { id databaseId region displayName } } }`, {
      after: rest1.data.people.pageInfo.endCursor,
    });
    people = [...list.data.a.nodes, ...rest1.data.people.nodes, ...rest2.data.people.nodes];
    expect(people).toHaveLength(PEOPLE);
  });
  afterAll(() => server?.close());

  /** Writes stored scores and two days of history directly: the dashboard reads exactly these tables. */
  async function writeScores(scores: Map<number, { now: number; weekAgo?: number }>, today: string, weekAgo: string) {
    const db = server.app.db;
    const p = (i: number) => db.placeholder(i);
    await db.transaction(async (m) => {
      await m.query('DELETE FROM person_score');
      await m.query('DELETE FROM score_snapshot');
      for (const [personId, s] of scores) {
        await m.query(
          `INSERT INTO person_score (person_id, score, band_low, band_high, details, authenticity, as_of) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, '[]', 100, ${p(4)})`,
          [personId, s.now, s.now - 1, s.now + 1, Date.now()],
        );
        await m.query(`INSERT INTO score_snapshot (person_id, day, score, band_low, band_high, details) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, '[]')`, [
          personId,
          today,
          s.now,
          s.now - 1,
          s.now + 1,
        ]);
        if (s.weekAgo !== undefined) {
          await m.query(`INSERT INTO score_snapshot (person_id, day, score, band_low, band_high, details) VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, '[]')`, [
            personId,
            weekAgo,
            s.weekAgo,
            s.weekAgo - 1,
            s.weekAgo + 1,
          ]);
        }
      }
    });
  }

  it('counts current scores into histogram bars and lists the week’s top movers both ways', async () => {
    const scores = new Map<number, { now: number; weekAgo?: number }>();
    // 20 people with spread-out scores; a few with big known moves; one with no snapshot a week ago.
    const values = [1, 5, 9.99, 10, 12, 25, 33, 40, 41, 55, 60, 61, 72, 80, 88, 90, 95, 99.9, 100, 50];
    values.forEach((v, i) => scores.set(people[i].databaseId, { now: v, weekAgo: v }));
    scores.set(people[0].databaseId, { now: 1, weekAgo: 21 }); // −20
    scores.set(people[5].databaseId, { now: 25, weekAgo: 10 }); // +15
    scores.set(people[9].databaseId, { now: 55, weekAgo: 52.5 }); // +2.5
    scores.set(people[13].databaseId, { now: 80 }); // new: not a mover
    await writeScores(scores, '2026-11-20', '2026-11-13');

    const dist = await server.gql(`{ scoreDistribution { total buckets { low high count } } }`);
    expect(dist.errors).toBeUndefined();
    const expected = Array.from({ length: 10 }, (_, b) => ({
      low: b * 10,
      high: b * 10 + 10,
      count: values.filter((v) => (b === 9 ? v >= 90 : v >= b * 10 && v < b * 10 + 10)).length,
    }));
    expect(dist.data.scoreDistribution).toEqual({ total: values.length, buckets: expected });
    const wide = await server.gql(`{ scoreDistribution(bucketWidth: 30) { buckets { low high count } } }`);
    expect(wide.data.scoreDistribution.buckets.map((b: any) => [b.low, b.high])).toEqual([
      [0, 30],
      [30, 60],
      [60, 90],
      [90, 100],
    ]);

    const movers = await server.gql(`{ topMovers(days: 7, first: 5) { from to before after delta person { id } } }`);
    expect(movers.errors).toBeUndefined();
    expect(movers.data.topMovers).toEqual([
      { from: '2026-11-13', to: '2026-11-20', before: 21, after: 1, delta: -20, person: { id: people[0].id } },
      { from: '2026-11-13', to: '2026-11-20', before: 10, after: 25, delta: 15, person: { id: people[5].id } },
      { from: '2026-11-13', to: '2026-11-20', before: 52.5, after: 55, delta: 2.5, person: { id: people[9].id } },
    ]);
    const up = await server.gql(`{ topMovers(direction: UP) { delta person { id } } }`);
    expect(up.data.topMovers.map((m: any) => m.person.id)).toEqual([people[5].id, people[9].id]);
    const down = await server.gql(`{ topMovers(direction: DOWN, first: 1) { delta } }`);
    expect(down.data.topMovers).toEqual([{ delta: -20 }]);
    // Three days back there is no snapshot at all: nobody moved that we can tell.
    const none = await server.gql(`{ topMovers(days: 3) { delta } }`);
    expect(none.data.topMovers).toEqual([]);
  });

  it('refuses bad arguments on the field they name, and anonymous callers', async () => {
    const bad = await server.gql(`{ scoreDistribution(bucketWidth: 0) { total } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bucketWidth' });
    const badDays = await server.gql(`{ topMovers(days: 400) { delta } }`);
    expect(badDays.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
    const anon = await server.anon(`{ scoreDistribution { total } }`);
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await createTestUser(server, { email: 'analyst@dx.test', role: Role.ANALYST });
    const analyst = await gqlAs(server, await loginAs(server, 'analyst@dx.test'), `{ topMovers { delta } }`);
    expect(analyst.errors).toBeUndefined();
  });

  const exportUrl = (query: Record<string, unknown> = {}) =>
    `${server.url}/export/people.csv?${new URLSearchParams(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)]))).toString()}`;

  it('exports every person as CSV across API pages, with the same filter and order as people()', async () => {
    const res = await fetch(exportUrl({ orderBy: { field: 'DISPLAY_NAME', direction: 'DESC' } }), { headers: { authorization: `Bearer ${server.adminToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="people\.csv"/);
    const rows: Record<string, string>[] = parse(await res.text(), { columns: true });
    expect(rows).toHaveLength(PEOPLE);
    expect(Object.keys(rows[0])).toEqual(['id', 'externalId', 'displayName', 'region', 'language', 'accounts', 'score', 'scoreLow', 'scoreHigh', 'createdAt']);
    const ordered = await server.gql(`{ people(first: 5, orderBy: { field: DISPLAY_NAME, direction: DESC }) { nodes { id } } }`);
    expect(rows.slice(0, 5).map((r) => r.id)).toEqual(ordered.data.people.nodes.map((n: any) => n.id));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(people.map((p) => p.id)));
    for (const row of rows) {
      expect(row.accounts).toBe('2');
      expect(Number(row.scoreLow)).toBeLessThanOrEqual(Number(row.score));
      expect(Number(row.score)).toBeLessThanOrEqual(Number(row.scoreHigh));
    }

    const us = await fetch(exportUrl({ filter: { region: 'US', network: 'BLOG' } }), { headers: { authorization: `Bearer ${server.adminToken}` } });
    const usRows: Record<string, string>[] = parse(await us.text(), { columns: true });
    expect(usRows.map((r) => r.id).sort()).toEqual(
      people
        .filter((p) => p.region === 'US')
        .map((p) => p.id)
        .sort(),
    );
  });

  it('needs a login and answers a bad filter with BAD_USER_INPUT, as the API would', async () => {
    const anon = await fetch(exportUrl());
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const badToken = await fetch(exportUrl(), { headers: { authorization: 'Bearer nope' } });
    expect(badToken.status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${server.adminToken}` } };
    const unknownField = await fetch(exportUrl({ filter: { color: 'red' } }), auth);
    expect(unknownField.status).toBe(400);
    expect(((await unknownField.json()) as any).errors[0].message).toMatch(/color/);
    const tooLong = await fetch(exportUrl({ filter: { search: 'x'.repeat(300) } }), auth);
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const notJson = await fetch(`${server.url}/export/people.csv?filter=%7Bnope`, auth);
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as any).errors[0].message).toMatch(/filter/);
  });
});
