import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '#shared/roles';
import { createTestUser, gqlAs, loginAs } from '../support/auth';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { interactions { created } } }`;
const today = () => new Date().toISOString().slice(0, 10);

describe.each(DIALECTS)('scores through the API on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    // Recent activity, so decay leaves something to score.
    const res = await server.gql(INGEST, { input: asGraphQLInput(smallWorld('sc', 8, 5, Date.now() - 3600_000)) });
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it('gives every person a score from 1 to 100 inside its band, with components that add up', async () => {
    const res = await server.gql(`{ people(first: 100) { nodes { id score {
      value band { low high } components { name contribution } perNetwork { network share }
      evidence { distinctReactors reactions } topContent { contribution content { id } } topEngagers { person { id } }
    } } } }`);
    expect(res.errors).toBeUndefined();
    const people = res.data.people.nodes;
    expect(people).toHaveLength(8);
    for (const p of people) {
      const s = p.score;
      expect(s.value).toBeGreaterThanOrEqual(1);
      expect(s.value).toBeLessThanOrEqual(100);
      expect(s.band.low).toBeLessThanOrEqual(s.value);
      expect(s.band.high).toBeGreaterThanOrEqual(s.value);
      const sum = s.components.reduce((n: number, c: any) => n + c.contribution, 0);
      expect(sum).toBeCloseTo(s.value - 1, 0);
      expect(s.components.map((c: any) => c.name).sort()).toEqual(['amplification', 'conversation', 'networkImpact', 'reach']);
      expect(s.evidence.reactions).toBeGreaterThan(0);
      expect(s.topContent[0].content.id).toBeTruthy();
      expect(s.topEngagers[0].person.id).toBeTruthy();
    }
  });

  it('keeps the daily history, explains changes, and compares with the bands', async () => {
    await createTestUser(server, { email: 'admin@test.sway', role: Role.ADMIN });
    const admin = await loginAs(server, 'admin@test.sway'); // rescore is ADMIN only
    await gqlAs(server, admin, `mutation { rescore(backfillDays: 2) { people days } }`).then((r) => {
      expect(r.errors).toBeUndefined();
      expect(r.data.rescore).toMatchObject({ people: 8, days: 3 });
    });
    const day = today();
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const res = await server.gql(`query($from: String!, $to: String!) { people(first: 2) { nodes { id
      scoreHistory(from: $from, to: $to) { day score band { low high } }
      scoreChange(from: $from, to: $to) { delta lines }
    } } }`, { from, to: day });
    expect(res.errors).toBeUndefined();
    const [a, b] = res.data.people.nodes;
    expect(a.scoreHistory.map((p: any) => p.day)).toHaveLength(3);
    expect(a.scoreHistory.at(-1).day).toBe(day);
    expect(a.scoreChange.lines.length).toBeGreaterThan(0);
    const cmp = await server.gql(`query($a: ID!, $b: ID!) { compareScores(a: $a, b: $b) { different higher reason } }`, { a: a.id, b: b.id });
    expect(cmp.errors).toBeUndefined();
    expect(typeof cmp.data.compareScores.different).toBe('boolean');
    expect(cmp.data.compareScores.reason).toMatch(/band/);
  });

  it('rescores exactly the people a new batch touches, on their next read', async () => {
    const q = `{ people(first: 100, orderBy: { field: DISPLAY_NAME }) { nodes { externalId score { value evidence { reactions } } } } }`;
    const before = new Map<string, any>((await server.gql(q)).data.people.nodes.map((n: any) => [n.externalId, n.score]));
    // Ten new people share sc-p0's latest post: sc-p0 and the ten sharers change, nobody else.
    const now = new Date().toISOString();
    const people = Array.from({ length: 10 }, (_, i) => ({ externalId: `fan-${i}`, displayName: `Fan ${i}` }));
    const accounts = people.map((p) => ({ network: 'TWITTER', externalId: `${p.externalId}-tw`, personExternalId: p.externalId, handle: `@${p.externalId}` }));
    const interactions = accounts.map((a, i) => ({ network: 'TWITTER', externalId: `fan-share-${i}`, kind: 'SHARE', actorExternalId: a.externalId, targetContentExternalId: 'sc-post0-0', occurredAt: now }));
    const res = await server.gql(INGEST, { input: { people, accounts, interactions } });
    expect(res.errors).toBeUndefined();
    expect(await server.app.services.scoring['options'].cache.staleAmong([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(new Set([1]));

    const after = new Map<string, any>((await server.gql(q)).data.people.nodes.map((n: any) => [n.externalId, n.score]));
    expect(after.get('sc-p0').value).toBeGreaterThan(before.get('sc-p0').value);
    expect(after.get('sc-p0').evidence.reactions).toBeGreaterThan(before.get('sc-p0').evidence.reactions);
    for (const id of ['sc-p3', 'sc-p4', 'sc-p5']) expect(after.get(id)).toEqual(before.get(id));

    // Re-sending the same batch changes nothing, so it marks nobody stale.
    await server.gql(INGEST, { input: { people, accounts, interactions } });
    expect(await server.app.services.scoring['options'].cache.staleAmong([1])).toEqual(new Set());
  });

  it('answers NOT_FOUND when comparing with someone who does not exist', async () => {
    const [a] = (await server.gql(`{ people(first: 1) { nodes { id } } }`)).data.people.nodes;
    const ghost = Buffer.from('Person:987654').toString('base64url');
    const res = await server.gql(`query($a: ID!, $b: ID!) { compareScores(a: $a, b: $b) { different } }`, { a: a.id, b: ghost });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'b' });
  });

  it('rejects bad days with the field at fault', async () => {
    const res = await server.gql(`{ people(first: 1) { nodes { scoreHistory(from: "yesterday", to: "2026-01-01") { day } } } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});
