import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gqlAs } from '../support/auth';
import { CLAIM, CREATE_CAMPAIGN, INGEST, SET_STATUS, campaignInput, campaignWorld, ok, type CampaignWorld } from '../support/campaigns';
import { DIALECTS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/server';

const PREVIEW = `query($target: AudienceTargetInput!, $first: Int) { previewAudience(target: $target, first: $first) {
  size byScoreBand { band min max count } byNetwork { network count } byRegion { region count } people { externalId region } } }`;
const REPORT = `query($id: ID!) { campaign(id: $id) { report {
  claimsByStatus { status count } attributedPosts engagements uniqueEngagers estimatedReach conversions revenue cost costPerEngagement roi
  influencers { person { externalId } claimStatus promoCode posts engagements uniqueEngagers conversions revenue }
  daily { day claims posts engagements conversions revenue } } } }`;
const CONVERSIONS = `mutation($c: [ConversionInput!]!) { recordConversions(conversions: $c) { created unchanged } }`;
const SET_CLAIM = `mutation($id: ID!, $status: ClaimStatus!) { setClaimStatus(id: $id, status: $status) { id status } }`;
const PERKS = `{ me { availablePerks { id name code perk } claims { nodes { id status campaign { id } } } } }`;
const REMAINING = `query($id: ID!) { campaign(id: $id) { remaining inventory } }`;

describe.each(DIALECTS)('perk campaigns on %s', (dialect) => {
  let server: TestServer;
  let w: CampaignWorld;
  const as = (who: string, query: string, variables?: Record<string, unknown>) => gqlAs(server, w.tokens[who], query, variables);
  const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;
  const countCampaigns = async () => Number((await server.app.db.reader.query('SELECT COUNT(*) AS n FROM campaign'))[0].n);

  /** An ACTIVE campaign of Acme, made through the API. */
  const activeCampaign = async (code: string, overrides: Record<string, unknown> = {}) => {
    const created = ok(await as('acme', CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput(code, overrides) })).createCampaign;
    ok(await as('acme', SET_STATUS, { id: created.id, status: 'ACTIVE' }));
    return created.id as string;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    w = await campaignWorld(server, 'cm');
  });
  afterAll(() => server?.close());

  it('end to end: a manager creates, previews and activates; an influencer claims and posts with the code; a conversion is recorded; the report shows it', async () => {
    const target = { minScore: 1, maxScore: 100, networks: ['TWITTER'], regions: ['fr'], topics: ['basketball'] };
    // Preview before saving: FR people (even indexes) expert in basketball: cm-p0 only.
    const preview = ok(await as('acme', PREVIEW, { target, first: 100 })).previewAudience;
    expect(preview.size).toBe(1);
    // Region is a personal detail (privacy): the manager sees the breakdown by region, not each person's.
    expect(preview.people.every((p: any) => p.region === null)).toBe(true);
    expect(preview.people).toHaveLength(preview.size);
    expect(preview.byScoreBand.reduce((n: number, b: any) => n + b.count, 0)).toBe(preview.size);
    expect(preview.byRegion).toEqual([{ region: 'FR', count: preview.size }]);
    expect(preview.byNetwork).toEqual([{ network: 'TWITTER', count: preview.size }]);
    expect(preview.people.map((p: any) => p.externalId)).toContain('cm-p0');
    // The same criteria as a people filter give the same people.
    const explorer = ok(await as('analyst', `query($a: AudienceTargetInput) { people(first: 100, filter: { audience: $a }) { totalCount nodes { externalId } } }`, { a: target })).people;
    expect(explorer.totalCount).toBe(preview.size);
    expect(explorer.nodes.map((p: any) => p.externalId).sort()).toEqual(preview.people.map((p: any) => p.externalId).sort());

    const created = ok(await as('acme', CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput('#HoopsWeek', { target, unitValue: 40, inventory: 5 }) })).createCampaign;
    expect(created).toMatchObject({ status: 'DRAFT', code: '#hoopsweek', inventory: 5, remaining: 5, unitValue: 40, currency: 'USD' });
    expect(created.target).toMatchObject({ networks: ['TWITTER'], regions: ['FR'], topics: [{ slug: 'basketball' }] });
    const audience = ok(await as('acme', `query($id: ID!) { campaign(id: $id) { audience { size } audiencePeople(first: 100) { totalCount } } }`, { id: created.id })).campaign;
    expect(audience.audience.size).toBe(preview.size);
    expect(audience.audiencePeople.totalCount).toBe(preview.size);

    // A DRAFT is nobody's perk; once ACTIVE it is the eligible influencer's.
    expect(ok(await as('inf0', PERKS)).me.availablePerks.map((c: any) => c.id)).not.toContain(created.id);
    expect(ok(await as('acme', SET_STATUS, { id: created.id, status: 'ACTIVE' })).setCampaignStatus.status).toBe('ACTIVE');
    expect(ok(await as('inf0', PERKS)).me.availablePerks.map((c: any) => c.id)).toContain(created.id);
    expect(ok(await as('inf1', PERKS)).me.availablePerks.map((c: any) => c.id)).not.toContain(created.id); // US
    expect(ok(await as('inf2', PERKS)).me.availablePerks.map((c: any) => c.id)).not.toContain(created.id); // FR, not an expert
    expect((await as('inf2', CLAIM, { campaignId: created.id })).errors?.[0].extensions?.code).toBe('NOT_ELIGIBLE');

    const claim = ok(await as('inf0', CLAIM, { campaignId: created.id })).claimPerk;
    expect(claim).toMatchObject({ status: 'CLAIMED', campaign: { id: created.id }, person: { externalId: 'cm-p0' } });
    expect(claim.promoCode).toMatch(/^HOOPSWEEK-[0-9A-F]{10}$/);
    expect(ok(await as('inf0', PERKS)).me.claims.nodes.map((c: any) => c.id)).toEqual([claim.id]);
    expect(ok(await as('acme', REMAINING, { id: created.id })).campaign.remaining).toBe(4);
    // Privacy: the claimant's region reaches the brand's managers through this claim only, not through their profile.
    const claims = `query($id: ID!) { campaign(id: $id) { claims { nodes { claimant { region } person { region } } } } }`;
    expect(ok(await as('acme', claims, { id: created.id })).campaign.claims.nodes).toEqual([{ claimant: { region: 'FR' }, person: { region: null } }]);
    expect(ok(await as('inf0', `{ me { claims { nodes { claimant { region } } } } }`)).me.claims.nodes).toEqual([{ claimant: { region: 'FR' } }]);

    // Posts: one with the code (any case) and two reactions, one without it, one before the claim.
    const now = Date.now() + 1000;
    const iso = (ms: number) => new Date(ms).toISOString();
    ok(await server.gql(INGEST, { input: {
      content: [
        { network: 'TWITTER', externalId: 'cm-hoops-1', kind: 'POST', authorExternalId: 'cm-tw0', text: 'Loving these #HOOPSWEEK sneakers', campaignCode: '#HOOPSWEEK', postedAt: iso(now) },
        { network: 'TWITTER', externalId: 'cm-other', kind: 'POST', authorExternalId: 'cm-tw0', text: 'No code here', postedAt: iso(now) },
        { network: 'TWITTER', externalId: 'cm-early', kind: 'POST', authorExternalId: 'cm-tw0', text: 'Before the claim', campaignCode: 'hoopsweek', postedAt: iso(now - 3 * 3_600_000) },
        { network: 'TWITTER', externalId: 'cm-not-claimer', kind: 'POST', authorExternalId: 'cm-tw2', text: 'Not a claimer', campaignCode: 'hoopsweek', postedAt: iso(now) },
      ],
      interactions: [
        { network: 'TWITTER', externalId: 'cm-hoops-1-like', kind: 'LIKE', actorExternalId: 'cm-tw3', targetContentExternalId: 'cm-hoops-1', occurredAt: iso(now + 1000) },
        { network: 'TWITTER', externalId: 'cm-hoops-1-share', kind: 'SHARE', actorExternalId: 'cm-tw4', targetContentExternalId: 'cm-hoops-1', occurredAt: iso(now + 2000) },
        { network: 'TWITTER', externalId: 'cm-hoops-1-reply', kind: 'REPLY', actorExternalId: 'cm-tw4', targetContentExternalId: 'cm-hoops-1', occurredAt: iso(now + 3000) },
      ],
    } }));

    const conversions = [{ code: claim.promoCode.toLowerCase(), value: 120.5, occurredAt: iso(now + 5000), externalId: 'order-1' }];
    expect(ok(await as('acme', CONVERSIONS, { c: conversions })).recordConversions).toEqual({ created: 1, unchanged: 0 });
    expect(ok(await as('acme', CONVERSIONS, { c: conversions })).recordConversions).toEqual({ created: 0, unchanged: 1 });

    const report = ok(await as('acme', REPORT, { id: created.id })).campaign.report;
    expect(report.claimsByStatus).toContainEqual({ status: 'CLAIMED', count: 1 });
    expect(report).toMatchObject({ attributedPosts: 1, engagements: 3, uniqueEngagers: 2, conversions: 1, revenue: 120.5, cost: 40 });
    expect(report.costPerEngagement).toBeCloseTo(40 / 3, 2);
    expect(report.roi).toBeCloseTo((120.5 - 40) / 40, 4);
    expect(report.estimatedReach).toBe(100 + 2); // cm-tw0's 100 followers (smallWorld) + 2 engagers
    expect(report.influencers).toEqual([{ person: { externalId: 'cm-p0' }, claimStatus: 'CLAIMED', promoCode: claim.promoCode, posts: 1, engagements: 3, uniqueEngagers: 2, conversions: 1, revenue: 120.5 }]);
    const day = new Date(now).toISOString().slice(0, 10);
    const point = report.daily.find((d: any) => d.day === day);
    expect(report.daily.reduce((n: number, d: any) => n + d.posts, 0)).toBe(1);
    expect(point).toMatchObject({ posts: 1, conversions: 1 });
    // An analyst reads the report too.
    expect(ok(await as('analyst', REPORT, { id: created.id })).campaign.report.conversions).toBe(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await countCampaigns();
    const cases: [Record<string, unknown>, string][] = [
      [{ target: { minScore: 80, maxScore: 20 } }, 'input.target.maxScore'],
      [{ target: { minScore: 0 } }, 'input.target.minScore'],
      [{ target: { maxScore: 101 } }, 'input.target.maxScore'],
      [{ target: { minAuthenticity: 120 } }, 'input.target.minAuthenticity'],
      [{ target: { topics: ['basketball', 'no-such-topic'] } }, 'input.target.topics[1]'],
      [{ target: { regions: ['U S'] } }, 'input.target.regions[0]'],
      [{ code: 'x' }, 'input.code'],
      [{ code: 'has space' }, 'input.code'],
      [{ endsAt: new Date(Date.now() - 2 * 3_600_000).toISOString() }, 'input.endsAt'],
      [{ inventory: 0 }, 'input.inventory'],
      [{ unitValue: -1 }, 'input.unitValue'],
      [{ name: '' }, 'input.name'],
      [{ currency: 'dollars' }, 'input.currency'],
      [{ perk: null }, 'input.perk'],
    ];
    for (const [overrides, field] of cases) {
      const res = await as('acme', CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput('valid_code', overrides) });
      expect(res.errors?.[0].extensions, JSON.stringify(overrides)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    ok(await as('acme', CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput('taken_code') }));
    const dup = await as('acme', CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput('#TAKEN_CODE') });
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect(await countCampaigns()).toBe(before + 1);
    const preview = await as('acme', PREVIEW, { target: { minScore: 50, maxScore: 10 } });
    expect(preview.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'target.maxScore' });
  });

  it('moves a campaign through DRAFT → ACTIVE ⇄ PAUSED → ENDED and refuses every other move', async () => {
    const id = ok(await as('acme', CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput('lifecycle') })).createCampaign.id;
    const move = (status: string) => as('acme', SET_STATUS, { id, status });
    for (const bad of ['PAUSED', 'DRAFT']) expect((await move(bad)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect(ok(await as('acme', `mutation($id: ID!) { updateCampaign(id: $id, input: { name: "Renamed", code: "lifecycle2" }) { name code } }`, { id })).updateCampaign).toEqual({ name: 'Renamed', code: '#lifecycle2' });
    for (const [status, expected] of [['ACTIVE', 'ACTIVE'], ['PAUSED', 'PAUSED'], ['ACTIVE', 'ACTIVE'], ['PAUSED', 'PAUSED']]) {
      expect(ok(await move(status)).setCampaignStatus.status).toBe(expected);
    }
    const codeChange = await as('acme', `mutation($id: ID!) { updateCampaign(id: $id, input: { code: "lifecycle3" }) { code } }`, { id });
    expect(codeChange.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect(ok(await as('acme', `mutation($id: ID!) { updateCampaign(id: $id, input: { inventory: 20 }) { inventory remaining } }`, { id })).updateCampaign).toEqual({ inventory: 20, remaining: 20 });
    expect(ok(await move('ENDED')).setCampaignStatus.status).toBe('ENDED');
    for (const bad of ['ACTIVE', 'PAUSED', 'DRAFT']) expect((await move(bad)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const claim = await as('inf0', CLAIM, { campaignId: id });
    expect(codeOf(claim)).toBe('CAMPAIGN_NOT_ACTIVE');
  });

  it('answers claims with clear codes: CAMPAIGN_NOT_ACTIVE, NOT_ELIGIBLE, ALREADY_CLAIMED, SOLD_OUT', async () => {
    const draft = ok(await as('acme', CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput('not_yet') })).createCampaign.id;
    expect(codeOf(await as('inf0', CLAIM, { campaignId: draft }))).toBe('CAMPAIGN_NOT_ACTIVE');
    const future = await activeCampaign('future_one', { startsAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(codeOf(await as('inf0', CLAIM, { campaignId: future }))).toBe('CAMPAIGN_NOT_ACTIVE');
    const usOnly = await activeCampaign('us_only', { target: { regions: ['US'] } });
    expect(codeOf(await as('inf0', CLAIM, { campaignId: usOnly }))).toBe('NOT_ELIGIBLE');
    const nobody = await activeCampaign('too_high', { target: { minScore: 100, minAuthenticity: 100 } });
    expect(codeOf(await as('inf1', CLAIM, { campaignId: nobody }))).toBe('NOT_ELIGIBLE');
    const one = await activeCampaign('only_one', { inventory: 1 });
    ok(await as('inf1', CLAIM, { campaignId: one }));
    expect(codeOf(await as('inf1', CLAIM, { campaignId: one }))).toBe('ALREADY_CLAIMED');
    expect(codeOf(await as('inf2', CLAIM, { campaignId: one }))).toBe('SOLD_OUT');
    expect(ok(await as('acme', REMAINING, { id: one })).campaign.remaining).toBe(0);
    // Who is not an influencer cannot claim at all.
    expect(codeOf(await as('acme', CLAIM, { campaignId: one }))).toBe('FORBIDDEN');
    expect(codeOf(await server.anon(CLAIM, { campaignId: one }))).toBe('UNAUTHENTICATED');
  });

  it('takes claims through CLAIMED → SHIPPED → DELIVERED, and CANCELLED gives the unit back', async () => {
    const id = await activeCampaign('lifecycle_claims', { inventory: 3 });
    const a = ok(await as('inf0', CLAIM, { campaignId: id })).claimPerk.id;
    const b = ok(await as('inf1', CLAIM, { campaignId: id })).claimPerk.id;
    const c = ok(await as('inf2', CLAIM, { campaignId: id })).claimPerk.id;
    expect(ok(await as('acme', REMAINING, { id })).campaign.remaining).toBe(0);
    expect(codeOf(await as('acme', SET_CLAIM, { id: a, status: 'DELIVERED' }))).toBe('BAD_USER_INPUT');
    expect(ok(await as('acme', SET_CLAIM, { id: a, status: 'SHIPPED' })).setClaimStatus.status).toBe('SHIPPED');
    expect(codeOf(await as('inf0', SET_CLAIM, { id: a, status: 'CANCELLED' }))).toBe('FORBIDDEN'); // shipped: only the brand may cancel
    expect(ok(await as('acme', SET_CLAIM, { id: a, status: 'DELIVERED' })).setClaimStatus.status).toBe('DELIVERED');
    expect(codeOf(await as('acme', SET_CLAIM, { id: a, status: 'CANCELLED' }))).toBe('BAD_USER_INPUT');
    // The claimer cancels their own claim; the brand cancels another; both units come back.
    expect(ok(await as('inf1', SET_CLAIM, { id: b, status: 'CANCELLED' })).setClaimStatus.status).toBe('CANCELLED');
    expect(ok(await as('admin', SET_CLAIM, { id: c, status: 'CANCELLED' })).setClaimStatus.status).toBe('CANCELLED');
    expect(ok(await as('acme', REMAINING, { id })).campaign.remaining).toBe(2);
    expect(codeOf(await as('inf2', SET_CLAIM, { id: a, status: 'CANCELLED' }))).toBe('NOT_FOUND'); // not theirs
    // One claim per person and campaign, cancelled or not.
    expect(codeOf(await as('inf1', CLAIM, { campaignId: id }))).toBe('ALREADY_CLAIMED');
    const report = ok(await as('acme', REPORT, { id })).campaign.report;
    expect(report.claimsByStatus).toEqual([
      { status: 'CLAIMED', count: 0 },
      { status: 'SHIPPED', count: 0 },
      { status: 'DELIVERED', count: 1 },
      { status: 'CANCELLED', count: 2 },
    ]);
    expect(report.cost).toBe(40); // cancelled claims cost nothing
  });

  it('attributes content from the claim to 30 days after the end, and nothing outside that window', async () => {
    const id = await activeCampaign('window_test');
    const claim = ok(await as('inf1', CLAIM, { campaignId: id })).claimPerk;
    // Moved into the past (the API does not take back-dated campaigns): started 60 days ago, ended 40, claimed 50.
    const DAY = 86_400_000;
    const now = Date.now();
    const db = server.app.db;
    const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);
    await db.transaction(async (m) => {
      await m.query(`UPDATE campaign SET starts_at = ${db.placeholder(0)}, ends_at = ${db.placeholder(1)} WHERE id = ${db.placeholder(2)}`, [now - 60 * DAY, now - 40 * DAY, rowId(id)]);
      await m.query(`UPDATE claim SET claimed_at = ${db.placeholder(0)} WHERE id = ${db.placeholder(1)}`, [now - 50 * DAY, rowId(claim.id)]);
    });
    const post = (suffix: string, daysAgo: number) => ({
      network: 'TWITTER', externalId: `cm-window-${suffix}`, kind: 'POST', authorExternalId: 'cm-tw1', text: `#window_test ${suffix}`,
      campaignCode: 'WINDOW_TEST', postedAt: new Date(now - daysAgo * DAY).toISOString(),
    });
    ok(await server.gql(INGEST, { input: { content: [post('before-claim', 51), post('after-claim', 45), post('29-days-after-end', 11), post('31-days-after-end', 9)] } }));
    const report = ok(await as('acme', REPORT, { id })).campaign.report;
    expect(report.attributedPosts).toBe(2);
    expect(report.influencers[0]).toMatchObject({ person: { externalId: 'cm-p1' }, posts: 2 });
  });

  it("keeps each brand's campaigns, claims and audience to itself: NOT_FOUND, also through node(id:)", async () => {
    const id = await activeCampaign('acme_secret');
    const claim = ok(await as('inf3', CLAIM, { campaignId: id })).claimPerk;
    const nodeQ = `query($id: ID!) { node(id: $id) { id } }`;
    for (const res of [
      await as('globex', `query($id: ID!) { campaign(id: $id) { name } }`, { id }),
      await as('globex', nodeQ, { id }),
      await as('globex', nodeQ, { id: claim.id }),
      await as('globex', `mutation($id: ID!) { updateCampaign(id: $id, input: { name: "Mine now" }) { name } }`, { id }),
      await as('globex', SET_STATUS, { id, status: 'PAUSED' }),
      await as('globex', SET_CLAIM, { id: claim.id, status: 'SHIPPED' }),
      await as('inf0', nodeQ, { id: claim.id }),
      await as('analyst', nodeQ, { id: claim.id }),
    ]) {
      expect(res.errors?.[0].extensions?.code, JSON.stringify(res)).toBe('NOT_FOUND');
    }
    const globexList = ok(await as('globex', `{ campaigns(first: 100) { nodes { id } } brands { name } }`));
    expect(globexList.campaigns.nodes.map((c: any) => c.id)).not.toContain(id);
    expect(globexList.brands.map((b: any) => b.name)).toEqual(['Globex cm']);
    expect(ok(await as('acme', `{ campaigns(first: 100) { nodes { id } } }`)).campaigns.nodes.map((c: any) => c.id)).toContain(id);
    const conv = await as('globex', CONVERSIONS, { c: [{ code: claim.promoCode, value: 10, occurredAt: new Date().toISOString(), externalId: 'x' }] });
    expect(conv.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'conversions[0].code' });
    // The claimer sees their claim and the campaign; the brand sees the claim.
    expect(ok(await as('inf3', nodeQ, { id: claim.id })).node.id).toBe(claim.id);
    expect(ok(await as('inf3', nodeQ, { id })).node.id).toBe(id);
    expect(ok(await as('acme', nodeQ, { id: claim.id })).node.id).toBe(claim.id);
    // An influencer sees neither the audience nor the claims.
    const peek = await as('inf3', `query($id: ID!) { campaign(id: $id) { name audience { size } } }`, { id });
    expect(peek.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
