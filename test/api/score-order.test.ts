import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '#shared/roles';
import { PersonScoreRaw1732000000900 } from '../../server/db/migrations/1732000000900-person-score-raw';
import type { PersonScore } from '../../server/scoring';
import { roundScore, toScale } from '../../server/scoring/scale';
import { fromScale } from '../../server/scoring/scale-inverse';
import { systemContext } from '../../server/services/request-context';
import { dayOf, storeScores } from '../../server/services/scoring/score-store';
import { createTestUser, gqlAs, loginAs } from '../support/auth';
import { campaignInput, CREATE_BRAND, CREATE_CAMPAIGN, INGEST, ok, SET_STATUS } from '../support/campaigns';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const next = (v: number) => {
  const f = new Float64Array([v]);
  new BigUint64Array(f.buffer)[0] += 1n;
  return f[0];
};

/**
 * Raw values given to people p0…p7 (p8 and p9 keep what the engine gave them): three people shown
 * as 40.0 whose exact scores differ (40.04, 40.0, 39.96), two with the same raw value, two that the
 * scale saturates at exactly 100.0 in doubles, one raw value SQLite reads a unit in the last place
 * off when sent as its shortest decimal, and zero.
 */
const CRAFTED: Record<string, number> = {
  'so-p0': fromScale(40.04),
  'so-p1': fromScale(39.96),
  'so-p2': fromScale(40),
  'so-p3': fromScale(40),
  'so-p4': 4.349322896495891e-7,
  'so-p5': 0,
  'so-p6': fromScale(100),
  'so-p7': next(fromScale(100)),
};

const ORDERED = `query($first: Int, $after: String, $last: Int, $before: String, $direction: SortDirection, $filter: PersonFilterInput) {
  people(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: { field: SCORE, direction: $direction }) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { externalId } } }`;
const PREVIEW = `query($target: AudienceTargetInput!) { previewAudience(target: $target, first: 100) {
  size byScoreBand { band count } people { externalId score { value } } } }`;

describe.each(DIALECTS)('people by exact score on %s', (dialect) => {
  let server: TestServer;
  /** Person row id by external id. */
  const idOf = new Map<string, number>();
  /** The stored raw value of every scored person, by external id. */
  const rawOf = new Map<string, number>();
  const unscored = ['so-none-a', 'so-none-b'];

  const storedRaws = async () => {
    const rows: { external_id: string; raw: number | string }[] = await server.app.db.reader.query(
      'SELECT p.external_id, s.raw FROM person_score s JOIN person p ON p.id = s.person_id',
    );
    return new Map(rows.map((r) => [r.external_id, Number(r.raw)]));
  };
  /** The people list as it should be: scored people by (raw, id), then the others by id. */
  const expected = (direction: 'ASC' | 'DESC') => {
    const sign = direction === 'DESC' ? -1 : 1;
    const scored = [...rawOf.keys()].sort((a, b) => sign * (rawOf.get(a)! - rawOf.get(b)!) || sign * (idOf.get(a)! - idOf.get(b)!));
    return [...scored, ...[...unscored].sort((a, b) => sign * (idOf.get(a)! - idOf.get(b)!))];
  };
  const writeRaws = async (raws: Record<string, number>) => {
    const ctx = systemContext(server.app.db, 'test');
    const ids = Object.keys(raws).map((e) => idOf.get(e)!);
    const current = await server.app.services.scoring.scores(ctx, ids);
    const crafted: PersonScore[] = Object.entries(raws).map(([externalId, raw]) => {
      const s = current.get(idOf.get(externalId)!)!;
      const score = roundScore(toScale(raw));
      return { ...s, raw, score, band: { low: Math.min(score, s.band.low), high: Math.max(score, s.band.high) } };
    });
    const asOf = Date.now();
    await server.app.db.transaction((m) => storeScores(server.app.db, m, crafted, asOf, { current: true, snapshotDay: dayOf(asOf) }));
    await server.app.services.scoring.forget(ids); // reads come from what was just stored
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    ok(await server.gql<any>(INGEST, { input: asGraphQLInput(smallWorld('so', 10, 2, Date.now() - 3_600_000)) }));
    // Two people with no account and so no score (nothing below reads their score, which would compute one).
    ok(await server.gql<any>(INGEST, { input: { people: unscored.map((externalId) => ({ externalId, displayName: externalId })) } }));
    await server.app.services.scoring.rescoreAll(systemContext(server.app.db, 'test'));
    const people: { id: number | string; external_id: string }[] = await server.app.db.reader.query("SELECT id, external_id FROM person WHERE external_id LIKE 'so-%'");
    for (const p of people) idOf.set(p.external_id, Number(p.id));
    await writeRaws(CRAFTED);
    for (const [externalId, raw] of await storedRaws()) rawOf.set(externalId, raw);
    expect([...rawOf.keys()].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `so-p${i}`));
  });
  afterAll(() => server?.close());

  it('stores the raw value bit for bit, as the engine computed it', () => {
    for (const [externalId, raw] of Object.entries(CRAFTED)) expect(Object.is(rawOf.get(externalId), raw), externalId).toBe(true);
  });

  it('orders by the exact score, not the shown one: 40.04, 40.0 and 39.96 all show as 40.0', async () => {
    const shown = ok(await server.gql<any>(`{ people(first: 100, filter: { audience: { minScore: 39, maxScore: 40 } }) { nodes { externalId score { value } } } }`)).people.nodes;
    const value = new Map(shown.map((p: any) => [p.externalId, p.score.value]));
    for (const e of ['so-p0', 'so-p1', 'so-p2', 'so-p3']) expect(value.get(e), e).toBe(40);

    const desc = ok(await server.gql<any>(ORDERED, { first: 100 })).people; // DESC is the default for SCORE
    expect(desc.nodes.map((p: any) => p.externalId)).toEqual(expected('DESC'));
    expect(desc.totalCount).toBe(12);
    const at = (e: string) => desc.nodes.findIndex((p: any) => p.externalId === e);
    // p7 and p6 both saturate at 100.0; p0 (40.04) before p3 and p2 (40.0, the same raw: higher id first) before p1 (39.96).
    expect([at('so-p7'), at('so-p6')]).toEqual([0, 1]);
    expect(at('so-p0')).toBeLessThan(at('so-p3'));
    expect(at('so-p3')).toBe(at('so-p2') - 1);
    expect(at('so-p2')).toBeLessThan(at('so-p1'));
    expect(desc.nodes.slice(-2).map((p: any) => p.externalId)).toEqual(['so-none-b', 'so-none-a']); // no score: last

    const asc = ok(await server.gql<any>(ORDERED, { first: 100, direction: 'ASC' })).people;
    expect(asc.nodes.map((p: any) => p.externalId)).toEqual(expected('ASC'));
    expect(asc.nodes.slice(-2).map((p: any) => p.externalId)).toEqual(['so-none-a', 'so-none-b']); // still last
  });

  it('pages through the score order with cursors, forwards and backwards, without gaps or repeats', async () => {
    for (const direction of ['DESC', 'ASC'] as const) {
      for (const size of [1, 3, 5]) {
        const forwards: string[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 20; guard++) {
          const page: any = ok(await server.gql<any>(ORDERED, { first: size, after, direction })).people;
          forwards.push(...page.nodes.map((p: any) => p.externalId));
          expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(forwards).toEqual(expected(direction));

        const backwards: string[] = [];
        let before: string | null = null;
        for (let guard = 0; guard < 20; guard++) {
          const page: any = ok(await server.gql<any>(ORDERED, { last: size, before, direction })).people;
          backwards.unshift(...page.nodes.map((p: any) => p.externalId));
          if (!page.pageInfo.hasPreviousPage) break;
          before = page.pageInfo.startCursor;
        }
        expect(backwards).toEqual(expected(direction));
      }
    }
  });

  it('keeps filters with the score order, and refuses a cursor of another order', async () => {
    const res = ok(await server.gql<any>(ORDERED, { first: 100, filter: { audience: { minScore: 40 } } })).people;
    expect(res.nodes.map((p: any) => p.externalId)).toEqual(expected('DESC').filter((e) => rawOf.has(e) && toScale(rawOf.get(e)!) >= 40));
    const named = ok(await server.gql<any>(ORDERED, { first: 4, filter: { search: 'person so' }, direction: 'ASC' })).people;
    expect(named.totalCount).toBe(10); // not the two without a score, named so-none-…
    expect(named.nodes.map((p: any) => p.externalId)).toEqual(expected('ASC').slice(0, 4));
    const byName = ok(await server.gql<any>(`{ people(first: 1, orderBy: { field: DISPLAY_NAME }) { pageInfo { endCursor } } }`)).people.pageInfo.endCursor;
    const bad = await server.gql<any>(ORDERED, { first: 2, after: byName });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('gives each score its rank and percentile among everyone scored, ties sharing a rank', async () => {
    const q = `{ people(first: 100, orderBy: { field: SCORE }, filter: { audience: { minScore: 1 } }) { nodes { externalId score { value rank percentile } } } }`;
    const nodes: any[] = ok(await server.gql<any>(q)).people.nodes;
    expect(nodes).toHaveLength(10);
    const raws = [...rawOf.values()];
    for (const p of nodes) {
      const raw = rawOf.get(p.externalId)!;
      expect(p.score.rank, p.externalId).toBe(1 + raws.filter((r) => r > raw).length);
      expect(p.score.percentile, p.externalId).toBe(Math.floor((1000 * raws.filter((r) => r < raw).length) / raws.length) / 10);
    }
    const rank = (e: string) => nodes.find((p) => p.externalId === e).score.rank;
    expect(rank('so-p7')).toBe(1);
    expect(rank('so-p6')).toBe(2);
    expect(rank('so-p2')).toBe(rank('so-p3')); // the same raw value
    expect(rank('so-p0')).toBeLessThan(rank('so-p2'));
    expect(rank('so-p1')).toBeGreaterThan(rank('so-p2') + 1); // after both: no tie with them although all show 40.0
    expect(nodes.find((p) => p.externalId === 'so-p5').score.percentile).toBe(0);

    // The same for anyone, as the score itself is public.
    const id = Buffer.from(`Person:${idOf.get('so-p1')}`).toString('base64url');
    const anon = ok(await server.anon<any>(`query($id: ID!) { person(id: $id) { score { value rank percentile } } }`, { id })).person.score;
    expect(anon).toEqual(nodes.find((p) => p.externalId === 'so-p1').score);
  });

  it('compares score ranges with the exact score everywhere: the filter, the preview, a campaign audience and eligibility', async () => {
    const exactly = (min: number, max: number) =>
      [...rawOf.entries()].filter(([, raw]) => toScale(raw) >= min && toScale(raw) < max + 1).map(([e]) => e).sort();
    const filtered = async (target: Record<string, number>) =>
      ok(await server.gql<any>(`query($a: AudienceTargetInput) { people(first: 100, filter: { audience: $a }) { nodes { externalId } } }`, { a: target }))
        .people.nodes.map((p: any) => p.externalId).sort();

    const atLeast40 = await filtered({ minScore: 40 });
    expect(atLeast40).toEqual(exactly(40, 100));
    expect(atLeast40).toEqual(expect.arrayContaining(['so-p0', 'so-p2', 'so-p3', 'so-p6', 'so-p7']));
    expect(atLeast40).not.toContain('so-p1'); // 39.96, shown as 40.0
    const upTo39 = await filtered({ maxScore: 39 });
    expect(upTo39).toEqual(exactly(1, 39));
    expect(upTo39).toContain('so-p1');
    expect(upTo39).not.toContain('so-p2');
    expect(await filtered({ minScore: 100 })).toEqual(['so-p6', 'so-p7']); // saturated: exactly 100.0

    const preview = ok(await server.gql<any>(PREVIEW, { target: { minScore: 40 } })).previewAudience;
    expect(preview.size).toBe(atLeast40.length);
    expect(preview.people.map((p: any) => p.externalId)).toEqual(expected('DESC').filter((e) => atLeast40.includes(e))); // the order of the list
    const all = ok(await server.gql<any>(PREVIEW, { target: {} })).previewAudience;
    const band = (key: string) => all.byScoreBand.find((b: any) => b.band === key).count;
    expect(band('20-39') + band('40-59')).toBe(exactly(20, 59).length);
    expect(band('40-59')).toBe(exactly(40, 59).length); // so-p1 (39.96) counts in 20-39

    // An ACTIVE campaign from 40: so-p2 (exactly 40.0) may claim it, so-p1 (shown as 40.0) may not.
    const brandId = ok(await server.gql<any>(CREATE_BRAND, { name: 'Score order brand' })).createBrand.id;
    const campaign = ok(await server.gql<any>(CREATE_CAMPAIGN, { brandId, input: campaignInput('#Exact40', { target: { minScore: 40 } }) })).createCampaign;
    ok(await server.gql<any>(SET_STATUS, { id: campaign.id, status: 'ACTIVE' }));
    const people = ok(await server.gql<any>(`query($id: ID!) { campaign(id: $id) { audience { size } audiencePeople(first: 100, orderBy: { field: SCORE }) { nodes { externalId } } } }`, { id: campaign.id })).campaign;
    expect(people.audience.size).toBe(atLeast40.length);
    expect(people.audiencePeople.nodes.map((p: any) => p.externalId)).toEqual(expected('DESC').filter((e) => atLeast40.includes(e)));
    const perks = async (externalId: string) => {
      await createTestUser(server, { email: `${externalId}@test.sway`, role: Role.INFLUENCER, personExternalId: externalId });
      const token = await loginAs(server, `${externalId}@test.sway`);
      const res = await gqlAs(server, token, `{ me { availablePerks { id } } }`);
      return { perks: ok(res).me.availablePerks.map((c: any) => c.id), token };
    };
    const p2 = await perks('so-p2');
    const p1 = await perks('so-p1');
    expect(p2.perks).toContain(campaign.id);
    expect(p1.perks).not.toContain(campaign.id);
    const claim = await gqlAs(server, p1.token, `mutation($id: ID!) { claimPerk(campaignId: $id) { id } }`, { id: campaign.id });
    expect(claim.errors?.[0].extensions?.code).toBe('NOT_ELIGIBLE');
  });

  it('does not count an opted-out person in anyone\'s rank, even while a score row of theirs lingers', async () => {
    const gone = 'so-p7'; // the highest
    const id = Buffer.from(`Person:${idOf.get(gone)}`).toString('base64url');
    ok(await server.gql<any>(`mutation($id: ID!) { optOutOfScoring(personId: $id, requestReference: "TICKET-19") { optedOut } }`, { id }));
    // A full rescore that read before the opt-out writes their score back when it ends.
    const ctx = systemContext(server.app.db, 'test');
    const [row] = await server.app.db.reader.query(`SELECT COUNT(*) AS n FROM person_score WHERE person_id = ${server.app.db.placeholder(0)}`, [idOf.get(gone)]);
    expect(Number(row.n)).toBe(0); // the opt-out deleted it
    const lingering = { ...(await server.app.services.scoring.scores(ctx, [idOf.get('so-p6')!])).get(idOf.get('so-p6')!)!, personId: idOf.get(gone)!, raw: rawOf.get(gone)! };
    await server.app.db.transaction((m) => storeScores(server.app.db, m, [lingering], Date.now(), { current: true }));

    const nodes: any[] = ok(await server.gql<any>(`{ people(first: 100, filter: { audience: { minScore: 1 } }) { nodes { externalId score { rank percentile } } } }`)).people.nodes;
    expect(nodes.map((p) => p.externalId)).not.toContain(gone);
    const raws = [...rawOf.entries()].filter(([e]) => e !== gone).map(([, r]) => r);
    for (const p of nodes) {
      const raw = rawOf.get(p.externalId)!;
      expect(p.score.rank, p.externalId).toBe(1 + raws.filter((r) => r > raw).length);
      expect(p.score.percentile, p.externalId).toBe(Math.floor((1000 * raws.filter((r) => r < raw).length) / raws.length) / 10);
    }
    expect(nodes.find((p) => p.externalId === 'so-p6').score.rank).toBe(1);
    expect(ok(await server.gql<any>(ORDERED, { first: 100 })).people.nodes.map((p: any) => p.externalId)).not.toContain(gone);
  });

  it('migration 900 gives stored rows the raw value their details carry, and leaves the schema the entities describe', async () => {
    const db = server.app.db;
    const migration = new PersonScoreRaw1732000000900();
    await db.transaction(async (m) => {
      await migration.down(m.queryRunner!);
      await migration.up(m.queryRunner!);
    });
    const rows: { raw: number | string; details: string }[] = await db.reader.query('SELECT raw, details FROM person_score');
    expect(rows.length).toBeGreaterThan(0);
    // Four decimals, as SQLite or PostgreSQL read them from the JSON text (SQLite may land a unit in the last place off).
    for (const r of rows) expect(Math.abs(Number(r.raw) - JSON.parse(r.details)[4])).toBeLessThanOrEqual(1e-12 * Math.max(1, JSON.parse(r.details)[4]));
    expect(rows.some((r) => Number(r.raw) > 0)).toBe(true);
    const pending = await db.reader.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
