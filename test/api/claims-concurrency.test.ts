import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '#shared/roles';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { User } from '../../server/entities';
import { TokenSigner } from '../../server/services/auth/tokens';
import { systemContext } from '../../server/services/request-context';
import { CLAIM, CREATE_BRAND, CREATE_CAMPAIGN, SET_STATUS, campaignInput, ok } from '../support/campaigns';
import { DIALECTS } from '../support/databases';
import { smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const CLAIMERS = 200;
const INVENTORY = 50;

/**
 * No overselling: 200 influencers claim a perk of 50 units at once, over HTTP, against one server
 * and then against two servers (each with its own connections, write lock and score cache) on the
 * same database. Exactly 50 succeed, the rest are SOLD_OUT, and the database agrees.
 */
describe.each(DIALECTS)('concurrent claims on %s', (dialect) => {
  let server: TestServer;
  let second: App;
  let tokens: string[];
  let brandId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const ctx = systemContext(server.app.db, 'test');
    await server.app.services.ingest.ingest(ctx, smallWorld('cc', CLAIMERS, 1, Date.now() - 3_600_000));
    await server.app.services.scoring.rescoreAll(ctx);
    // 200 influencer logins: rows written at once (hashing 200 passwords would only slow the test), tokens signed with the server's secret.
    const people: { id: number }[] = await server.app.db.reader.query(`SELECT id FROM person ORDER BY id`);
    expect(people).toHaveLength(CLAIMERS);
    // Claims re-check eligibility with the current score; have them current, as a live server would.
    await server.app.services.scoring.scores(ctx, people.map((p) => p.id));
    const users = await server.app.db.transaction((m) =>
      m.getRepository(User).save(people.map((p, i) => m.getRepository(User).create({ email: `claimer${i}@test.sway`, passwordHash: 'unused', role: Role.INFLUENCER, personId: p.id, createdAt: new Date() })), { chunk: 50 }),
    );
    const signer = new TokenSigner(server.app.config.authSecret, 3_600_000);
    tokens = await Promise.all(users.map(async (u) => (await signer.sign(u.id)).token));
    brandId = ok(await server.gql<any>(CREATE_BRAND, { name: 'Rush' })).createBrand.id;
    const { databaseUrl, sqlitePath, authSecret } = server.app.config;
    second = await startApp(loadConfig({}, { port: 0, host: '127.0.0.1', databaseUrl, sqlitePath, authSecret, seedDemo: false }), { rescoreOnStart: false });
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  const openCampaign = async (code: string) => {
    const id = ok(await server.gql<any>(CREATE_CAMPAIGN, { brandId, input: campaignInput(code, { inventory: INVENTORY }) })).createCampaign.id;
    ok(await server.gql(SET_STATUS, { id, status: 'ACTIVE' }));
    return id as string;
  };

  const claimAt = async (url: string, token: string, campaignId: string): Promise<string> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: CLAIM, variables: { campaignId } }),
    });
    const body = (await res.json()) as { data?: { claimPerk: unknown }; errors?: { extensions?: { code?: string } }[] };
    return body.errors ? String(body.errors[0].extensions?.code) : 'OK';
  };

  const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});

  const stored = async (campaignId: string) => {
    const id = Number(Buffer.from(campaignId, 'base64url').toString().split(':')[1]);
    const p = server.app.db.placeholder(0);
    const [claims] = await server.app.db.reader.query(`SELECT COUNT(*) AS n, COUNT(DISTINCT person_id) AS people FROM claim WHERE campaign_id = ${p}`, [id]);
    const [campaign] = await server.app.db.reader.query(`SELECT remaining FROM campaign WHERE id = ${p}`, [id]);
    return { claims: Number(claims.n), people: Number(claims.people), remaining: Number(campaign.remaining) };
  };

  it(`gives exactly ${INVENTORY} of ${CLAIMERS} concurrent claims on one server`, async () => {
    const id = await openCampaign('rush_one');
    const outcomes = await Promise.all(tokens.map((t) => claimAt(server.url, t, id)));
    expect(tally(outcomes)).toEqual({ OK: INVENTORY, SOLD_OUT: CLAIMERS - INVENTORY });
    expect(await stored(id)).toEqual({ claims: INVENTORY, people: INVENTORY, remaining: 0 });
  }, 120_000);

  it(`gives exactly ${INVENTORY} when two servers on the same database take ${CLAIMERS} claims at once`, async () => {
    const id = await openCampaign('rush_two');
    const secondUrl = `http://127.0.0.1:${second.http.port}`;
    const outcomes = await Promise.all(tokens.map((t, i) => claimAt(i % 2 ? secondUrl : server.url, t, id)));
    expect(tally(outcomes)).toEqual({ OK: INVENTORY, SOLD_OUT: CLAIMERS - INVENTORY });
    expect(await stored(id)).toEqual({ claims: INVENTORY, people: INVENTORY, remaining: 0 });
  }, 120_000);

  it('gives one claim per person when the same person claims many times at once', async () => {
    const id = await openCampaign('rush_same');
    const secondUrl = `http://127.0.0.1:${second.http.port}`;
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => claimAt(i % 2 ? secondUrl : server.url, tokens[0], id)));
    expect(tally(outcomes)).toEqual({ OK: 1, ALREADY_CLAIMED: 19 });
    expect(await stored(id)).toEqual({ claims: 1, people: 1, remaining: INVENTORY - 1 });
  }, 60_000);
});
