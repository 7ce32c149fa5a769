import { Role } from '#shared/roles';
import { systemContext } from '../../server/services/request-context';
import { createTestUser, loginAs } from './auth';
import { asGraphQLInput, smallWorld } from './factories';
import type { TestServer } from './server';

export const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { content { created } interactions { created } } }`;
export const CREATE_BRAND = `mutation($name: String!) { createBrand(name: $name) { id name } }`;
export const ADD_MANAGER = `mutation($brandId: ID!, $userId: ID!) { addBrandManager(brandId: $brandId, userId: $userId) { id } }`;
export const CREATE_CAMPAIGN = `mutation($brandId: ID!, $input: CampaignInput!) { createCampaign(brandId: $brandId, input: $input) {
  id name code status inventory remaining unitValue currency startsAt endsAt target { minScore maxScore networks regions minAuthenticity topics { slug } } } }`;
export const SET_STATUS = `mutation($id: ID!, $status: CampaignStatus!) { setCampaignStatus(id: $id, status: $status) { id status } }`;
export const CLAIM = `mutation($campaignId: ID!) { claimPerk(campaignId: $campaignId) { id status promoCode claimedAt campaign { id } person { externalId } } }`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Throws with the GraphQL errors when a response has any: setup steps must succeed. */
export function ok<T>(res: { data?: T; errors?: unknown[] }): T {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** A campaign input that passes validation, open now for a week; override what a test is about. */
export function campaignInput(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `Campaign ${code}`,
    description: 'Free sneakers for people who post about basketball',
    perk: 'A pair of sneakers',
    unitValue: 40,
    inventory: 10,
    startsAt: new Date(Date.now() - HOUR).toISOString(),
    endsAt: new Date(Date.now() + 7 * DAY).toISOString(),
    code,
    ...overrides,
  };
}

export interface CampaignWorld {
  /** Global ids of people by external id. */
  personId: Map<string, string>;
  brands: { acme: string; globex: string };
  /** Tokens by login name: admin, analyst, acme (manager of Acme), globex (manager of Globex), inf0…infN (influencers, person `${prefix}-p${i}`). */
  tokens: Record<string, string>;
}

/**
 * A small world scored and ready for campaigns: `people` people (see smallWorld; even ones in FR,
 * odd ones in US), two brands with a manager each, an analyst, and an influencer login for each of
 * the first `influencers` people. People 0 and 1 are active experts in basketball.
 */
export async function campaignWorld(server: TestServer, prefix: string, people = 8, influencers = 4): Promise<CampaignWorld> {
  ok(await server.gql(INGEST, { input: asGraphQLInput(smallWorld(prefix, people, 2, Date.now() - HOUR)) }));
  await server.app.services.scoring.rescoreAll(systemContext(server.app.db, 'test'));
  // A few days of posts are too little evidence for expertise to pass its threshold, so the first
  // two people are made basketball experts directly: targeting by topic reads this table.
  const db = server.app.db;
  await db.transaction((m) =>
    m.query(
      `UPDATE topic_expertise SET active = TRUE, expertise = 60 WHERE topic_id = (SELECT id FROM topic WHERE slug = 'basketball') ` +
        `AND person_id IN (SELECT id FROM person WHERE external_id IN (${db.placeholder(0)}, ${db.placeholder(1)}))`,
      [`${prefix}-p0`, `${prefix}-p1`],
    ),
  );
  const personId = new Map<string, string>();
  const list = ok(await server.gql<any>(`{ people(first: 100) { nodes { id externalId } } }`));
  for (const p of list.people.nodes) personId.set(p.externalId, p.id);
  const acme = ok(await server.gql<any>(CREATE_BRAND, { name: `Acme ${prefix}` })).createBrand.id;
  const globex = ok(await server.gql<any>(CREATE_BRAND, { name: `Globex ${prefix}` })).createBrand.id;
  const tokens: Record<string, string> = { admin: server.adminToken };
  const users: [string, Role, string?][] = [['analyst', Role.ANALYST], ['acme', Role.BRAND_MANAGER], ['globex', Role.BRAND_MANAGER]];
  for (let i = 0; i < influencers; i++) users.push([`inf${i}`, Role.INFLUENCER, `${prefix}-p${i}`]);
  for (const [name, role, person] of users) {
    const user = await createTestUser(server, { email: `${name}.${prefix}@test.sway`, role, personExternalId: person });
    tokens[name] = await loginAs(server, `${name}.${prefix}@test.sway`);
    if (name === 'acme' || name === 'globex') {
      ok(await server.gql(ADD_MANAGER, { brandId: name === 'acme' ? acme : globex, userId: Buffer.from(`User:${user.id}`).toString('base64url') }));
    }
  }
  return { personId, brands: { acme, globex }, tokens };
}
