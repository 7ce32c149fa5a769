import { CampaignStatus, ClaimStatus } from '#shared/campaigns';
import { ContentKind, InteractionKind } from '#shared/interactions';
import type { Network } from '#shared/networks';
import { Brand, BrandMember, Campaign, Claim, User } from '../../entities';
import type { Services } from '../../services';
import type { ContentRecord, InteractionRecord } from '../../services/ingest.records';
import type { RequestContext } from '../../services/request-context';
import { Random } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoCampaign {
  brand: string;
  name: string;
  description: string;
  perk: string;
  unitValue: number;
  inventory: number;
  /** Days from the anchor (negative: in the past). */
  startDay: number;
  endDay: number;
  code: string;
  status: CampaignStatus;
  target: { minScore?: number; maxScore?: number; networks?: Network[]; regions?: string[]; minAuthenticity?: number };
  /** Claims to seed, each with a few posts carrying the code and a conversion or two. */
  claims: number;
}

/** The demo brands: brand@demo.sway manages the first. */
export const DEMO_BRANDS = ['Northwind Athletics', 'Lumen Coffee'] as const;

const CAMPAIGNS: DemoCampaign[] = [
  {
    brand: DEMO_BRANDS[0], name: 'Courtside Kicks', description: 'Our new court shoe, for people whose posts travel.', perk: 'A pair of Courtside sneakers',
    unitValue: 90, inventory: 120, startDay: -20, endDay: 10, code: 'CourtsideKicks', status: CampaignStatus.ACTIVE, target: { minScore: 1, maxScore: 100 }, claims: 14,
  },
  {
    brand: DEMO_BRANDS[0], name: 'Trail Mix Tasting', description: 'Snacks for the trail, tasted and shared.', perk: 'A box of twelve trail-mix bars',
    unitValue: 18, inventory: 40, startDay: -75, endDay: -45, code: 'TrailTaste', status: CampaignStatus.ENDED, target: { minScore: 20, maxScore: 100 }, claims: 10,
  },
  {
    brand: DEMO_BRANDS[0], name: 'Weekend Gear Drop', description: 'A duffel for the weekend, for anyone Sway scores.', perk: 'A Northwind weekend duffel',
    unitValue: 35, inventory: 60, startDay: -2, endDay: 20, code: 'WeekendDrop', status: CampaignStatus.ACTIVE, target: {}, claims: 0,
  },
  {
    brand: DEMO_BRANDS[0], name: 'Spring Preview', description: 'Next season, before anyone else.', perk: 'Early access to the spring line',
    unitValue: 120, inventory: 25, startDay: 30, endDay: 60, code: 'SpringPreview', status: CampaignStatus.DRAFT, target: { minScore: 40, networks: ['INSTAGRAM' as Network, 'TIKTOK' as Network] }, claims: 0,
  },
  {
    brand: DEMO_BRANDS[1], name: 'Fresh Roast', description: 'A bag of this month’s roast.', perk: '250 g of single-origin coffee',
    unitValue: 14, inventory: 80, startDay: -30, endDay: 15, code: 'FreshRoast', status: CampaignStatus.PAUSED, target: { minScore: 10, regions: ['US', 'GB', 'CA'] }, claims: 6,
  },
];

export interface DemoCampaignsResult {
  campaigns: number;
  claims: number;
  posts: number;
  conversions: number;
}

/**
 * Brands, campaigns in every status, claims, posts carrying the codes (with reactions) and
 * conversions, so the console and the README's examples show real figures. Deterministic: the
 * same world and anchor give the same rows. Claimers are genuine people (never planted bad
 * actors, never `spare`: the influencer demo login, who must still see perks to claim).
 * Runs once, on the empty database the demo world was just written to.
 */
export async function seedDemoCampaigns(
  ctx: RequestContext,
  services: Pick<Services, 'ingest' | 'claims'>,
  options: { anchor: number; spare: readonly string[]; exclude: readonly string[]; managerEmail?: string },
): Promise<DemoCampaignsResult> {
  const rng = new Random(20121);
  const db = ctx.db;
  const skip = new Set([...options.spare, ...options.exclude]);
  const candidates: { id: number | string; external_id: string; account: string; network: Network }[] = await db.reader.query(
    `SELECT p.id AS id, p.external_id AS external_id, a.external_id AS account, a.network AS network FROM person p JOIN network_account a ON a.person_id = p.id ` +
      `WHERE a.id = (SELECT MIN(a2.id) FROM network_account a2 WHERE a2.person_id = p.id) ORDER BY p.id`,
  );
  const people = candidates.filter((c) => !skip.has(c.external_id));
  const byNetwork = new Map<Network, string[]>();
  for (const c of candidates) byNetwork.set(c.network, [...(byNetwork.get(c.network) ?? []), c.account]);

  const result: DemoCampaignsResult = { campaigns: 0, claims: 0, posts: 0, conversions: 0 };
  const content: ContentRecord[] = [];
  const interactions: InteractionRecord[] = [];
  const conversions: { code: string; value: number; occurredAt: Date; externalId: string }[] = [];
  await db.transaction(async (m) => {
    const brands = new Map<string, Brand>();
    for (const name of DEMO_BRANDS) brands.set(name, await m.getRepository(Brand).save(m.getRepository(Brand).create({ name, createdAt: new Date(options.anchor - 90 * DAY) })));
    const manager = options.managerEmail ? await m.getRepository(User).findOneBy({ email: options.managerEmail }) : null;
    if (manager) await m.getRepository(BrandMember).save({ brandId: brands.get(DEMO_BRANDS[0])!.id, userId: manager.id });

    let next = 0;
    for (const spec of CAMPAIGNS) {
      const startsAt = options.anchor + spec.startDay * DAY;
      const endsAt = options.anchor + spec.endDay * DAY;
      const campaign = await m.getRepository(Campaign).save(
        m.getRepository(Campaign).create({
          brandId: brands.get(spec.brand)!.id, name: spec.name, description: spec.description, perk: spec.perk,
          unitValueCents: spec.unitValue * 100, currency: 'USD', inventory: spec.inventory, remaining: spec.inventory - spec.claims,
          startsAt: new Date(startsAt), endsAt: new Date(endsAt), code: spec.code.toLowerCase(), status: spec.status,
          minScore: spec.target.minScore ?? 1, maxScore: spec.target.maxScore ?? 100, minAuthenticity: spec.target.minAuthenticity ?? 0,
          targetTopics: '[]', targetNetworks: JSON.stringify(spec.target.networks ?? []), targetRegions: JSON.stringify(spec.target.regions ?? []),
          createdAt: new Date(startsAt - 3 * DAY), updatedAt: new Date(startsAt),
        }),
      );
      result.campaigns++;
      const claimWindowEnd = Math.min(endsAt, options.anchor) - DAY;
      for (let i = 0; i < spec.claims; i++) {
        const who = people[(next++ * 37) % people.length];
        const claimedAt = startsAt + Math.floor(rng.next() * Math.max(DAY, claimWindowEnd - startsAt));
        const status = i % 5 === 4 ? ClaimStatus.CANCELLED : claimedAt < options.anchor - 10 * DAY ? ClaimStatus.DELIVERED : i % 2 ? ClaimStatus.SHIPPED : ClaimStatus.CLAIMED;
        const promoCode = `${campaign.code.slice(0, 12).toUpperCase()}-DEMO${String(i).padStart(2, '0')}`;
        await m.getRepository(Claim).save(m.getRepository(Claim).create({ campaignId: campaign.id, personId: Number(who.id), status, promoCode, claimedAt: new Date(claimedAt), updatedAt: new Date(claimedAt + DAY) }));
        if (status === ClaimStatus.CANCELLED) await m.query(`UPDATE campaign SET remaining = remaining + 1 WHERE id = ${db.placeholder(0)}`, [campaign.id]);
        result.claims++;
        // Posts with the code after the claim (the last one may fall after the end: attribution runs 30 days on), reactions from the same network.
        const posts = 1 + (i % 3);
        for (let k = 0; k < posts && status !== ClaimStatus.CANCELLED; k++) {
          const postedAt = Math.min(options.anchor - HOUR, claimedAt + (k + 1) * 2 * DAY + Math.floor(rng.next() * DAY));
          const externalId = `demo-campaign-${spec.code}-${i}-${k}`;
          content.push({ network: who.network, externalId, kind: ContentKind.POST, authorExternalId: who.account, postedAt,
            text: `Trying the ${spec.perk.toLowerCase()} from ${spec.brand}: #${spec.code}`, campaignCode: `#${spec.code}` });
          result.posts++;
          const audience = byNetwork.get(who.network)!.filter((a) => a !== who.account);
          const reactions = 3 + Math.floor(rng.next() * 12);
          for (let r = 0; r < reactions; r++) {
            const kind = r % 4 === 3 ? InteractionKind.SHARE : r % 4 === 2 ? InteractionKind.REPLY : InteractionKind.LIKE;
            interactions.push({ network: who.network, externalId: `${externalId}-r${r}`, kind, actorExternalId: audience[Math.floor(rng.next() * audience.length)],
              targetContentExternalId: externalId, occurredAt: Math.min(options.anchor - 1, postedAt + (r + 1) * HOUR) });
          }
        }
        if (status !== ClaimStatus.CANCELLED && i % 2 === 0) {
          for (let k = 0; k < 1 + (i % 3); k++) {
            conversions.push({ code: promoCode, value: Math.round(spec.unitValue * (1.5 + rng.next() * 2.5) * 100) / 100,
              occurredAt: new Date(Math.min(options.anchor - 1, claimedAt + (k + 2) * DAY)), externalId: `demo-order-${spec.code}-${i}-${k}` });
          }
        }
      }
    }
  });
  if (content.length) await services.ingest.ingest(ctx, { content, interactions });
  if (conversions.length) result.conversions = (await services.claims.recordConversions(ctx, conversions)).created;
  return result;
}
