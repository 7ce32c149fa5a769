import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { Role } from '#shared/roles';
import type { IngestBatch } from '../../server/services/ingest.records';
import { createTestUser, gqlAs, loginAs } from '../support/auth';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { interactions { created } } }`;
const RESCORE = `mutation { rescore { people } }`;
const BOTS = 40;
const HOUR = 3_600_000;

/**
 * Two genuine twins with the same post, the same followers and the same genuine likes; one of them
 * also gets 40 likes and 40 shares within an hour from fresh accounts with no audience and no content.
 */
function boughtLikes(now: number): IngestBatch {
  const batch: Required<IngestBatch> = { people: [], accounts: [], content: [], interactions: [] };
  for (const who of ['target', 'twin']) {
    batch.people.push({ externalId: `au-${who}`, displayName: `Au ${who}` });
    batch.accounts.push({ network: Network.INSTAGRAM, externalId: `au-ig-${who}`, personExternalId: `au-${who}`, handle: `au.${who}`, followersCount: 900, followingCount: 300 });
    batch.content.push({ network: Network.INSTAGRAM, externalId: `au-post-${who}`, kind: ContentKind.POST, authorExternalId: `au-ig-${who}`, text: `A photo by ${who}`, postedAt: now - 5 * HOUR });
  }
  for (let f = 0; f < 4; f++) {
    batch.people.push({ externalId: `au-fan${f}`, displayName: `Fan ${f}` });
    batch.accounts.push({ network: Network.INSTAGRAM, externalId: `au-ig-fan${f}`, personExternalId: `au-fan${f}`, handle: `au.fan${f}`, followersCount: 200, followingCount: 200 });
    for (const who of ['target', 'twin']) {
      batch.interactions.push({ network: Network.INSTAGRAM, externalId: `au-fan${f}-${who}`, kind: InteractionKind.LIKE, actorExternalId: `au-ig-fan${f}`, targetContentExternalId: `au-post-${who}`, occurredAt: now - 4 * HOUR });
    }
  }
  for (let b = 0; b < BOTS; b++) {
    batch.people.push({ externalId: `au-bot${b}`, displayName: `Bot ${b}` });
    batch.accounts.push({ network: Network.INSTAGRAM, externalId: `au-ig-bot${b}`, personExternalId: `au-bot${b}`, handle: `au.bot${b}`, followersCount: 0, followingCount: 3 });
    batch.interactions.push({ network: Network.INSTAGRAM, externalId: `au-bot${b}-like`, kind: InteractionKind.LIKE, actorExternalId: `au-ig-bot${b}`, targetContentExternalId: 'au-post-target', occurredAt: now - 3 * HOUR + b * 60_000 });
    // Bought engagement comes as a package (a like and a share each); one like apiece from many small
    // accounts is what a post going viral looks like, and is not flagged.
    batch.interactions.push({ network: Network.INSTAGRAM, externalId: `au-bot${b}-share`, kind: InteractionKind.SHARE, actorExternalId: `au-ig-bot${b}`, targetContentExternalId: 'au-post-target', occurredAt: now - 3 * HOUR + b * 60_000 + 30_000 });
  }
  return batch;
}

const PERSON = `query($id: ID!) { person(id: $id) { score { value } authenticity { score flags {
  id key kind role network severity status detectedAt
  evidence { summary interactionCount window { from to } figures { name value } accounts { handle } people { displayName } content { externalId } }
  effect { description discountedInteractions weight authenticityPoints scorePoints }
  reviews { decision reason reviewer { email } }
} } } }`;

describe.each(DIALECTS)('authenticity through the API on %s', (dialect) => {
  let server: TestServer;
  let ids: Record<string, string>;
  let analyst: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const now = Date.now();
    for (const batch of [smallWorld('aw', 6, 3, now - HOUR), boughtLikes(now)]) {
      const res = await server.gql(INGEST, { input: asGraphQLInput(batch) });
      expect(res.errors).toBeUndefined();
    }
    const people = await server.gql(`{ people(first: 100) { nodes { id externalId } } }`);
    ids = Object.fromEntries(people.data.people.nodes.map((p: any) => [p.externalId, p.id]));
    expect((await server.gql(RESCORE)).errors).toBeUndefined();
    await createTestUser(server, { email: 'analyst@au.test', role: Role.ANALYST });
    analyst = await loginAs(server, 'analyst@au.test');
  });
  afterAll(() => server?.close());

  const person = async (externalId: string, token?: string) => {
    const res = token === undefined ? await server.gql(PERSON, { id: ids[externalId] }) : await gqlAs(server, token, PERSON, { id: ids[externalId] });
    expect(res.errors).toBeUndefined();
    return res.data.person;
  };

  it('flags the bought likes with their evidence and effect, and they do not count: the target scores as its twin', async () => {
    const target = await person('au-target');
    const twin = await person('au-twin');
    expect(twin.authenticity).toEqual({ score: 100, flags: [] });
    const [burst] = target.authenticity.flags;
    expect(burst).toMatchObject({ kind: 'BURST', role: 'BENEFICIARY', network: 'INSTAGRAM', status: 'PENDING', key: expect.stringContaining('BURST:BENEFICIARY') });
    expect(burst.evidence.accounts).toHaveLength(BOTS);
    expect(burst.evidence.people).toHaveLength(BOTS);
    expect(burst.evidence.content.map((c: any) => c.externalId)).toEqual(['au-post-target']);
    expect(burst.evidence.interactionCount).toBe(2 * BOTS);
    expect(Date.parse(burst.evidence.window.to) - Date.parse(burst.evidence.window.from)).toBeLessThanOrEqual(HOUR);
    expect(burst.effect).toMatchObject({ discountedInteractions: 2 * BOTS, weight: 0 });
    // What the 40 likes and shares would have added to the target's score.
    expect(burst.effect.scorePoints).toBeGreaterThan(1);
    expect(target.authenticity.score).toBeCloseTo(100 - burst.effect.authenticityPoints, 5);
    expect(target.authenticity.score).toBeLessThan(100);
    expect(target.score.value).toBe(twin.score.value);
    // The bought accounts are flagged as actors; genuine people are not flagged.
    expect((await person('au-bot0')).authenticity.flags.map((f: any) => [f.kind, f.role])).toEqual([['BURST', 'ACTOR']]);
    for (let p = 0; p < 6; p++) expect((await person(`aw-p${p}`)).authenticity.flags).toEqual([]);
  });

  it('stores the figure with the score, where campaigns read it', async () => {
    const target = await person('au-target');
    const rows = await server.app.db.reader.query(`SELECT authenticity FROM person_score WHERE person_id = (SELECT id FROM person WHERE external_id = 'au-target')`);
    expect(Number(rows[0].authenticity)).toBeCloseTo(target.authenticity.score, 3);
  });

  it('lists flags newest first for analysts, filtered by kind and status', async () => {
    const res = await gqlAs(server, analyst, `{ authenticityFlags(first: 100, filter: { kind: BURST, status: PENDING }) { totalCount nodes { kind role person { externalId } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.authenticityFlags.totalCount).toBe(BOTS + 1);
    expect(res.data.authenticityFlags.nodes.filter((n: any) => n.role === 'BENEFICIARY').map((n: any) => n.person.externalId)).toEqual(['au-target']);
    const none = await gqlAs(server, analyst, `{ authenticityFlags(filter: { kind: ENGAGEMENT_RING }) { totalCount nodes { id } } }`);
    expect(none.data.authenticityFlags).toEqual({ totalCount: 0, nodes: [] });
  });

  it('shows flags to ADMIN and ANALYST only; the person sees their own figure; others see nothing', async () => {
    expect((await person('au-target', analyst)).authenticity.flags.length).toBeGreaterThan(0);
    await createTestUser(server, { email: 'brand@au.test', role: Role.BRAND_MANAGER });
    await createTestUser(server, { email: 'target@au.test', role: Role.INFLUENCER, personExternalId: 'au-target' });
    const brand = await loginAs(server, 'brand@au.test');
    const self = await loginAs(server, 'target@au.test');
    expect((await person('au-target', brand)).authenticity).toBeNull();
    const own = (await person('au-target', self)).authenticity;
    expect(own.flags).toBeNull();
    expect(own.score).toBeLessThan(100);
    expect((await person('au-twin', self)).authenticity).toBeNull();
    const anon = await server.anon(`query($id: ID!) { person(id: $id) { authenticity { score } } }`, { id: ids['au-target'] });
    expect(anon.data.person.authenticity).toBeNull();
    const list = `{ authenticityFlags { totalCount } }`;
    expect((await server.anon(list)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gqlAs(server, brand, list)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gqlAs(server, self, list)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const review = `mutation($id: ID!) { reviewFlag(flagId: $id, decision: DISMISSED, reason: "mine") { authenticity } }`;
    const flagId = (await person('au-target')).authenticity.flags[0].id;
    expect((await gqlAs(server, brand, review, { id: flagId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gqlAs(server, self, review, { id: flagId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects a review without a reason or with a bad id, writing nothing', async () => {
    const flagId = (await person('au-target')).authenticity.flags[0].id;
    const count = async () => Number((await server.app.db.reader.query('SELECT COUNT(*) AS n FROM authenticity_review'))[0].n);
    const before = await count();
    const empty = await gqlAs(server, analyst, `mutation($id: ID!) { reviewFlag(flagId: $id, decision: CONFIRMED, reason: "   ") { authenticity } }`, { id: flagId });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const bad = await gqlAs(server, analyst, `mutation { reviewFlag(flagId: "nonsense", decision: CONFIRMED, reason: "x") { authenticity } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'flagId' });
    const gone = Buffer.from('AuthenticityFlag:999999').toString('base64url');
    const missing = await gqlAs(server, analyst, `mutation($id: ID!) { reviewFlag(flagId: $id, decision: CONFIRMED, reason: "x") { authenticity } }`, { id: gone });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  it('a dismissal lifts the cost at once and the discount at the next rescore; decisions survive rescores with their history', async () => {
    const before = await person('au-target');
    const twinScore = (await person('au-twin')).score.value;
    const flag = before.authenticity.flags[0];
    const dismissed = await gqlAs(server, analyst, `mutation($id: ID!) { reviewFlag(flagId: $id, decision: DISMISSED, reason: "A real fan club liked it during a live show") {
      authenticity review { decision reason reviewer { email } } flag { id status } } }`, { id: flag.id });
    expect(dismissed.errors).toBeUndefined();
    expect(dismissed.data.reviewFlag).toMatchObject({ authenticity: 100, flag: { id: flag.id, status: 'DISMISSED' }, review: { decision: 'DISMISSED', reason: 'A real fan club liked it during a live show' } });

    expect((await server.gql(RESCORE)).errors).toBeUndefined();
    const after = await person('au-target');
    const again = after.authenticity.flags.find((f: any) => f.key === flag.key);
    expect(again).toMatchObject({ id: flag.id, status: 'DISMISSED', detectedAt: flag.detectedAt });
    expect(again.reviews).toEqual([{ decision: 'DISMISSED', reason: 'A real fan club liked it during a live show', reviewer: { email: 'analyst@au.test' } }]);
    expect(after.authenticity.score).toBe(100);
    expect(after.score.value).toBeGreaterThan(twinScore); // the 40 likes count again

    const confirmed = await gqlAs(server, analyst, `mutation($id: ID!) { reviewFlag(flagId: $id, decision: CONFIRMED, reason: "Second look: the accounts were made the day before") { authenticity } }`, { id: flag.id });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.reviewFlag.authenticity).toBeLessThan(100);
    expect((await server.gql(RESCORE)).errors).toBeUndefined();
    const last = await person('au-target');
    const history = last.authenticity.flags.find((f: any) => f.key === flag.key);
    expect(history.status).toBe('CONFIRMED');
    expect(history.reviews.map((r: any) => r.decision)).toEqual(['DISMISSED', 'CONFIRMED']);
    // server.gql is an ADMIN: it sees which user decided.
    expect(history.reviews[1].reviewer).toEqual({ email: 'analyst@au.test' });
    expect(last.score.value).toBe(twinScore);
  });
});
