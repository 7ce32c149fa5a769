import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
import { DEMO_PASSWORD } from '../../server/db/seed/demo-users';
import { systemContext } from '../../server/services/request-context';
import { createTestDatabase, type TestDatabase } from '../support/databases';

/** The demo world's campaigns: seeded on first start, seen as each demo login should see them. */
describe('demo campaigns', () => {
  let tdb: TestDatabase;
  let app: App;
  const gql = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`http://127.0.0.1:${app.http.port}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const login = async (email: string) => (await gql(null, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: DEMO_PASSWORD })).login.token as string;

  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    app = await startApp(loadConfig({}, { port: 0, host: '127.0.0.1', sqlitePath: tdb.sqlitePath, databaseUrl: undefined, seedDemo: true }), { rescoreOnStart: false });
    await app.services.scoring.rescoreAll(systemContext(app.db, 'test'));
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await tdb?.drop();
  });

  it("shows brand@demo.sway its brand's campaigns in every status, with reports that have figures", async () => {
    const brand = await login('brand@demo.sway');
    const data = await gql(brand, `{ me { brands { name } } brands { name } campaigns(first: 20) { nodes { name status code report { attributedPosts engagements conversions revenue cost roi claimsByStatus { status count } daily { day } } } } }`);
    expect(data.me.brands).toEqual([{ name: 'Northwind Athletics' }]);
    expect(data.brands).toEqual([{ name: 'Northwind Athletics' }]);
    const campaigns = data.campaigns.nodes;
    expect(campaigns.map((c: any) => c.status).sort()).toEqual(['ACTIVE', 'ACTIVE', 'DRAFT', 'ENDED']);
    const courtside = campaigns.find((c: any) => c.code === '#courtsidekicks');
    expect(courtside.report.attributedPosts).toBeGreaterThan(0);
    expect(courtside.report.engagements).toBeGreaterThan(courtside.report.attributedPosts);
    expect(courtside.report.conversions).toBeGreaterThan(0);
    expect(courtside.report.revenue).toBeGreaterThan(0);
    expect(courtside.report.roi).not.toBeNull();
    expect(courtside.report.daily.length).toBeGreaterThanOrEqual(20);
    const ended = campaigns.find((c: any) => c.status === 'ENDED');
    expect(ended.report.claimsByStatus.find((s: any) => s.status === 'DELIVERED').count).toBeGreaterThan(0);
  });

  it('shows influencer@demo.sway perks to claim, and lets them claim one', async () => {
    const influencer = await login('influencer@demo.sway');
    const perks = (await gql(influencer, `{ me { availablePerks { id name } } }`)).me.availablePerks;
    expect(perks.map((p: any) => p.name)).toEqual(expect.arrayContaining(['Courtside Kicks', 'Weekend Gear Drop']));
    const claim = (await gql(influencer, `mutation($id: ID!) { claimPerk(campaignId: $id) { status promoCode } }`, { id: perks[0].id })).claimPerk;
    expect(claim.status).toBe('CLAIMED');
  });

  it('gives the analyst every brand and no campaign writes', async () => {
    const analyst = await login('analyst@demo.sway');
    expect((await gql(analyst, `{ brands { name } }`)).brands.map((b: any) => b.name)).toEqual(['Lumen Coffee', 'Northwind Athletics']);
  });
});
