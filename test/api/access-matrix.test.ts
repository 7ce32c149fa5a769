import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_ACCESS } from '../../server/api/access-policy';
import { Role } from '#shared/roles';
import { createTestUser, gqlAs, loginAs, TEST_PASSWORD } from '../support/auth';
import { CLAIM, CREATE_CAMPAIGN, SET_STATUS, campaignInput, campaignWorld, ok, type CampaignWorld } from '../support/campaigns';
import { startTestServer, TEST_ADMIN_EMAIL, type TestServer } from '../support/server';

/** Who asks: anonymous, an influencer (cm-p0), an analyst, Acme's manager, Globex's manager, an admin. */
const ROLES = ['anon', 'influencer', 'analyst', 'brand', 'otherBrand', 'admin'] as const;
type Who = (typeof ROLES)[number];
type Verdict = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';

interface Row {
  query: string;
  /** Variables for one caller; may prepare data first (as the admin or the influencer). */
  vars?: (who: Who) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The token to ask with instead of the role's usual one (an operation that would destroy the usual user). */
  as?: (who: Who) => Promise<string | null>;
  expect: Record<Who, Verdict>;
}

const all = (v: Verdict): Record<Who, Verdict> => ({ anon: v, influencer: v, analyst: v, brand: v, otherBrand: v, admin: v });
const readers: Record<Who, Verdict> = { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'ok', brand: 'ok', otherBrand: 'ok', admin: 'ok' };
const adminOnly: Record<Who, Verdict> = { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'FORBIDDEN', brand: 'FORBIDDEN', otherBrand: 'FORBIDDEN', admin: 'ok' };
/** Acts on one of Acme's campaigns: its manager and admins; Globex's manager does not see it. */
const acmeManagers: Record<Who, Verdict> = { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'FORBIDDEN', brand: 'ok', otherBrand: 'NOT_FOUND', admin: 'ok' };

/**
 * The authorisation matrix, table-driven: every query and mutation of the schema (a new one
 * without a row fails the first test), and the edges from public to private data, for every role.
 * The rules are the same code on SQLite and PostgreSQL; this runs on SQLite.
 */
describe('authorisation matrix', () => {
  let server: TestServer;
  let w: CampaignWorld;
  let serial = 0;
  const token = (who: Who) => (who === 'anon' ? null : w.tokens[{ influencer: 'inf0', analyst: 'analyst', brand: 'acme', otherBrand: 'globex', admin: 'admin' }[who]]);
  const fresh = (prefix: string) => `${prefix}_${++serial}`;
  /** A campaign of Acme, made by the admin; ACTIVE (and open to everyone scored) unless `draft`. */
  const acmeCampaign = async (draft = false): Promise<string> => {
    const id = ok(await server.gql<any>(CREATE_CAMPAIGN, { brandId: w.brands.acme, input: campaignInput(fresh('m')) })).createCampaign.id;
    if (!draft) ok(await server.gql(SET_STATUS, { id, status: 'ACTIVE' }));
    return id;
  };
  /** A claim of cm-p0 (the influencer) on a new Acme campaign. */
  /** A new person of their own, ingested by the admin: for operations that erase or opt out. */
  const freshPerson = async (): Promise<{ externalId: string; id: string }> => {
    const externalId = fresh('privacy-person');
    ok(await server.gql(`mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`, { input: { people: [{ externalId, displayName: externalId }] } }));
    const id = ok(await server.gql<any>(`query($q: String!) { people(first: 1, filter: { search: $q }) { nodes { id } } }`, { q: externalId })).people.nodes[0].id;
    return { externalId, id };
  };
  /** For the influencer: a login of a fresh person, so erasing "me" does not erase cm-p0. */
  const throwawayInfluencer = async (who: Who): Promise<string | null> => {
    if (who !== 'influencer') return token(who);
    const { externalId } = await freshPerson();
    const email = `${externalId}@test.sway`.toLowerCase();
    await createTestUser(server, { email, role: Role.INFLUENCER, personExternalId: externalId });
    return loginAs(server, email);
  };
  const REFERENCE = 'REQ-2026-0001';
  const influencerClaim = async () => ok(await gqlAs<any>(server, w.tokens.inf0, CLAIM, { campaignId: await acmeCampaign() })).claimPerk;

  const ROWS: Record<string, Row> = {
    'Query.me': { query: `{ me { id } }`, expect: all('ok') },
    'Query.node': { query: `query($id: ID!) { node(id: $id) { id } }`, vars: () => ({ id: w.personId.get('cm-p3') }), expect: all('ok') },
    'Query.nodes': { query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, vars: () => ({ ids: [w.personId.get('cm-p3')] }), expect: all('ok') },
    'Query.person': { query: `query($id: ID!) { person(id: $id) { displayName region score { value } topics { expertise } kReceived { count } } }`, vars: () => ({ id: w.personId.get('cm-p3') }), expect: all('ok') },
    'Query.compareScores': { query: `query($a: ID!, $b: ID!) { compareScores(a: $a, b: $b) { different } }`, vars: () => ({ a: w.personId.get('cm-p3'), b: w.personId.get('cm-p4') }), expect: all('ok') },
    'Query.topic': { query: `{ topic(slug: "basketball") { id } }`, expect: all('ok') },
    'Query.topics': { query: `{ topics(first: 2) { nodes { id } } }`, expect: all('ok') },
    'Query.people': { query: `{ people(first: 2) { nodes { id } } }`, expect: readers },
    'Query.accounts': { query: `{ accounts(first: 2) { nodes { id } } }`, expect: readers },
    'Query.contents': { query: `{ contents(first: 2) { nodes { id } } }`, expect: readers },
    'Query.interactions': { query: `{ interactions(first: 2) { nodes { id } } }`, expect: readers },
    'Query.brands': { query: `{ brands { id } }`, expect: readers },
    'Query.campaigns': { query: `{ campaigns(first: 5) { nodes { id } } }`, expect: readers },
    'Query.campaign': {
      query: `query($id: ID!) { campaign(id: $id) { name } }`,
      vars: async () => ({ id: await acmeCampaign(true) }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'NOT_FOUND', analyst: 'ok', brand: 'ok', otherBrand: 'NOT_FOUND', admin: 'ok' },
    },
    'Query.previewAudience': {
      query: `{ previewAudience(target: { minScore: 1 }) { size } }`,
      expect: { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'FORBIDDEN', brand: 'ok', otherBrand: 'ok', admin: 'ok' },
    },
    'Query.scoreDistribution': { query: `{ scoreDistribution { total } }`, expect: readers },
    'Query.topMovers': { query: `{ topMovers { delta } }`, expect: readers },
    'Query.authenticityFlags': { query: `{ authenticityFlags(first: 5) { totalCount } }`, expect: { ...adminOnly, analyst: 'ok' } },
    // Not a flag's id: the reviewers pass the access rule and are told the id is bad.
    'Mutation.reviewFlag': {
      query: `mutation { reviewFlag(flagId: "QXV0aGVudGljaXR5RmxhZzo5OTk5OTk=", decision: DISMISSED, reason: "matrix") { __typename } }`,
      expect: { ...adminOnly, analyst: 'BAD_USER_INPUT', admin: 'BAD_USER_INPUT' },
    },
    'Query.heldRescore': { query: `{ heldRescore { reasons } }`, expect: adminOnly },
    // Nothing is held here: the admin passes the access rule and learns so.
    'Mutation.publishHeldRescore': { query: `mutation { publishHeldRescore { people } }`, expect: { ...adminOnly, admin: 'NOT_FOUND' } },
    'Mutation.login': { query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, vars: () => ({ e: 'analyst.cm@test.sway', p: TEST_PASSWORD }), expect: all('ok') },
    'Mutation.ingest': {
      query: `mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`,
      vars: () => ({ input: { people: [{ externalId: fresh('matrix-person'), displayName: 'Matrix' }] } }),
      expect: adminOnly,
    },
    'Mutation.rescore': { query: `mutation { rescore { people } }`, expect: adminOnly },
    'Mutation.giveK': {
      query: `mutation($p: ID!, $t: ID!) { giveK(personId: $p, topicId: $t) { remainingToday } }`,
      vars: async () => ({ p: w.personId.get('cm-p5'), t: ok(await server.gql<any>(`{ topic(slug: "basketball") { id } }`)).topic.id }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'ok', analyst: 'FORBIDDEN', brand: 'FORBIDDEN', otherBrand: 'FORBIDDEN', admin: 'FORBIDDEN' },
    },
    'Mutation.createBrand': { query: `mutation($n: String!) { createBrand(name: $n) { id } }`, vars: () => ({ n: fresh('Brand') }), expect: adminOnly },
    'Mutation.addBrandManager': {
      query: `mutation($b: ID!, $u: ID!) { addBrandManager(brandId: $b, userId: $u) { id } }`,
      vars: async () => ({ b: w.brands.acme, u: ok(await gqlAs<any>(server, w.tokens.acme, `{ me { id } }`)).me.id }),
      expect: adminOnly,
    },
    'Mutation.createCampaign': {
      query: CREATE_CAMPAIGN,
      vars: () => ({ brandId: w.brands.acme, input: campaignInput(fresh('create')) }),
      expect: acmeManagers,
    },
    'Mutation.updateCampaign': {
      query: `mutation($id: ID!) { updateCampaign(id: $id, input: { name: "Renamed" }) { name } }`,
      vars: async () => ({ id: await acmeCampaign(true) }),
      expect: acmeManagers,
    },
    'Mutation.setCampaignStatus': { query: SET_STATUS, vars: async () => ({ id: await acmeCampaign(true), status: 'ACTIVE' }), expect: acmeManagers },
    'Mutation.claimPerk': {
      query: CLAIM,
      vars: async () => ({ campaignId: await acmeCampaign() }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'ok', analyst: 'FORBIDDEN', brand: 'FORBIDDEN', otherBrand: 'FORBIDDEN', admin: 'FORBIDDEN' },
    },
    'Mutation.setClaimStatus': {
      query: `mutation($id: ID!) { setClaimStatus(id: $id, status: SHIPPED) { status } }`,
      vars: async () => ({ id: (await influencerClaim()).id }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'NOT_FOUND', brand: 'ok', otherBrand: 'NOT_FOUND', admin: 'ok' },
    },
    'Mutation.recordConversions': {
      query: `mutation($c: [ConversionInput!]!) { recordConversions(conversions: $c) { created } }`,
      vars: async () => ({ c: [{ code: (await influencerClaim()).promoCode, value: 10, occurredAt: new Date(Date.now() + 1000).toISOString(), externalId: 'order' }] }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'FORBIDDEN', brand: 'ok', otherBrand: 'BAD_USER_INPUT', admin: 'ok' },
    },
    'Query.privacyStatus': { query: `{ privacyStatus { optedOut } }`, expect: { ...all('FORBIDDEN'), anon: 'UNAUTHENTICATED', influencer: 'ok' } },
    'Query.exportMyData': { query: `{ exportMyData }`, expect: { ...all('FORBIDDEN'), anon: 'UNAUTHENTICATED', influencer: 'ok' } },
    'Query.exportPersonData': {
      query: `query($id: ID!, $r: String!) { exportPersonData(personId: $id, requestReference: $r) }`,
      vars: () => ({ id: w.personId.get('cm-p3'), r: REFERENCE }),
      expect: adminOnly,
    },
    'Mutation.optOutOfScoring': {
      query: `mutation { optOutOfScoring { optedOut } }`,
      as: throwawayInfluencer,
      expect: { ...all('FORBIDDEN'), anon: 'UNAUTHENTICATED', influencer: 'ok' },
    },
    'Mutation.optInToScoring': {
      query: `mutation($id: ID, $r: String) { optInToScoring(personId: $id, requestReference: $r) { optedOut } }`,
      vars: async () => ({ id: (await freshPerson()).id, r: REFERENCE }),
      expect: adminOnly,
    },
    'Mutation.eraseMe': { query: `mutation { eraseMe { erasureId } }`, as: throwawayInfluencer, expect: { ...all('FORBIDDEN'), anon: 'UNAUTHENTICATED', influencer: 'ok' } },
    'Mutation.erasePerson': {
      query: `mutation($id: ID!, $r: String!) { erasePerson(personId: $id, requestReference: $r) { erasureId } }`,
      vars: async () => ({ id: (await freshPerson()).id, r: REFERENCE }),
      expect: adminOnly,
    },
  };

  /** Edges from what a role may reach to what it may not. */
  const EDGES: Record<string, Row> = {
    "Person.accounts (someone else's)": { query: `query($id: ID!) { person(id: $id) { accounts { nodes { id } } } }`, vars: () => ({ id: w.personId.get('cm-p3') }), expect: readers },
    'Person.accounts (their own)': { query: `query($id: ID!) { person(id: $id) { accounts { nodes { id } } } }`, vars: () => ({ id: w.personId.get('cm-p0') }), expect: { ...readers, influencer: 'ok' } },
    "NetworkAccount.content (an engager's, reached from their own post)": {
      query: `query($id: ID!) { person(id: $id) { content(first: 1) { nodes { interactions { nodes { actor { handle content { nodes { id } } } } } } } } }`,
      vars: () => ({ id: w.personId.get('cm-p0') }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'ok', brand: 'ok', otherBrand: 'ok', admin: 'ok' },
    },
    'Person.content': { query: `query($id: ID!) { person(id: $id) { content { nodes { id } } } }`, vars: () => ({ id: w.personId.get('cm-p3') }), expect: readers },
    'Person.scoreHistory': { query: `query($id: ID!) { person(id: $id) { scoreHistory(from: "2026-01-01", to: "2026-01-02") { day } } }`, vars: () => ({ id: w.personId.get('cm-p3') }), expect: readers },
    'Person.scoreChange': { query: `query($id: ID!, $day: String!) { person(id: $id) { scoreChange(from: $day, to: $day) { delta } } }`, vars: () => ({ id: w.personId.get('cm-p3'), day: new Date().toISOString().slice(0, 10) }), expect: readers },
    'Score.topContent.content': { query: `query($id: ID!) { person(id: $id) { score { topContent { content { id } } } } }`, vars: () => ({ id: w.personId.get('cm-p3') }), expect: readers },
    'node(Content)': {
      query: `query($id: ID!) { node(id: $id) { id } }`,
      vars: async () => ({ id: ok(await server.gql<any>(`query($id: ID!) { person(id: $id) { content(first: 1) { nodes { id } } } }`, { id: w.personId.get('cm-p3') })).person.content.nodes[0].id }),
      expect: { ...readers, anon: 'NOT_FOUND', influencer: 'NOT_FOUND' },
    },
    'Campaign.audience': {
      query: `query($id: ID!) { campaign(id: $id) { audience { size } } }`,
      vars: async () => ({ id: await acmeCampaign() }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'FORBIDDEN', brand: 'ok', otherBrand: 'NOT_FOUND', admin: 'ok' },
    },
    'Campaign.claims': {
      query: `query($id: ID!) { campaign(id: $id) { claims { nodes { id } } } }`,
      vars: async () => ({ id: await acmeCampaign() }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'FORBIDDEN', brand: 'ok', otherBrand: 'NOT_FOUND', admin: 'ok' },
    },
    'Campaign.report': {
      query: `query($id: ID!) { campaign(id: $id) { report { cost } } }`,
      vars: async () => ({ id: await acmeCampaign() }),
      expect: { anon: 'UNAUTHENTICATED', influencer: 'FORBIDDEN', analyst: 'ok', brand: 'ok', otherBrand: 'NOT_FOUND', admin: 'ok' },
    },
    'Brand.managers': { query: `{ brands { managers { email } } }`, expect: { ...adminOnly, analyst: 'FORBIDDEN' } },
    'node(Claim)': {
      query: `query($id: ID!) { node(id: $id) { id } }`,
      vars: async () => ({ id: (await influencerClaim()).id }),
      expect: { anon: 'NOT_FOUND', influencer: 'ok', analyst: 'NOT_FOUND', brand: 'ok', otherBrand: 'NOT_FOUND', admin: 'ok' },
    },
    'User.availablePerks': { query: `{ me { availablePerks { id } claims { totalCount } } }`, expect: { ...all('ok'), anon: 'ok' } },
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    w = await campaignWorld(server, 'cm', 8, 1);
    expect(TEST_ADMIN_EMAIL).toBeTruthy();
  }, 120_000);
  afterAll(() => server?.close());

  it('has a row for every query and mutation of the schema, and the policy has a rule for each', async () => {
    const schema = ok(await server.gql<any>(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`)).__schema;
    const operations = [
      ...schema.queryType.fields.map((f: { name: string }) => `Query.${f.name}`),
      ...schema.mutationType.fields.map((f: { name: string }) => `Mutation.${f.name}`),
    ].sort();
    expect(Object.keys(ROWS).sort()).toEqual(operations);
    for (const op of operations) expect(FIELD_ACCESS[op], op).toBeDefined();
  });

  for (const [table, rows] of [['operation', () => ROWS], ['edge', () => EDGES]] as const) {
    it(`answers every ${table} for every role as designed`, async () => {
      const got: Record<string, Record<Who, Verdict>> = {};
      const want: Record<string, Record<Who, Verdict>> = {};
      for (const [name, row] of Object.entries(rows())) {
        got[name] = {} as Record<Who, Verdict>;
        want[name] = row.expect;
        for (const who of ROLES) {
          const res = await gqlAs(server, row.as ? await row.as(who) : token(who), row.query, row.vars ? await row.vars(who) : undefined);
          got[name][who] = res.errors ? (res.errors[0].extensions?.code as Verdict) : 'ok';
        }
      }
      expect(got).toEqual(want);
    }, 180_000);
  }
});
