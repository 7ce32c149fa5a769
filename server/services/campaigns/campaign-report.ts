import { ATTRIBUTION_DAYS_AFTER_END, ClaimStatus } from '#shared/campaigns';
import type { Campaign } from '../../entities';
import type { RequestContext } from '../request-context';

const DAY_MS = 86_400_000;

/** One influencer's part in a campaign. */
export interface InfluencerLine {
  personId: number;
  claimStatus: ClaimStatus;
  promoCode: string;
  posts: number;
  engagements: number;
  uniqueEngagers: number;
  conversions: number;
  revenue: number;
}

/** One UTC day of a campaign. */
export interface DailyPoint {
  day: string;
  claims: number;
  posts: number;
  engagements: number;
  conversions: number;
  revenue: number;
}

export interface CampaignReport {
  claimsByStatus: { status: ClaimStatus; count: number }[];
  attributedPosts: number;
  engagements: number;
  uniqueEngagers: number;
  estimatedReach: number;
  conversions: number;
  revenue: number;
  cost: number;
  costPerEngagement: number | null;
  roi: number | null;
  influencers: InfluencerLine[];
  daily: DailyPoint[];
  /** The end of attribution: content posted after this does not count. */
  attributionEndsAt: Date;
}

type Num = number | string;

/**
 * The outcome of a campaign, computed when asked from claims, content, interactions and
 * conversions. Attribution: content by a claimer (claim not cancelled) that carries the campaign
 * code as its campaignCode (any case, with or without '#'), posted from the claim instant to 30
 * days after the campaign ends. The read is bounded by the claimers: their content in that window
 * comes through the (author_person_id, posted_at) index, and interactions on it through
 * (target_content_id); no table is scanned.
 * Cost: one unit value per claim not cancelled. Reach: followers of the accounts that posted
 * attributed content, plus the unique engagers. ROI: (revenue − cost) / cost.
 */
export async function campaignReport(ctx: RequestContext, campaign: Campaign, now: number): Promise<CampaignReport> {
  const db = ctx.db;
  const reader = db.reader;
  const attributionEnd = campaign.endsAt.getTime() + ATTRIBUTION_DAYS_AFTER_END * DAY_MS;
  const b = db.binder();
  const claimsSql = `SELECT id, person_id, status, promo_code, claimed_at FROM claim WHERE campaign_id = ${b.bind(campaign.id)}`;
  const claims: { id: Num; person_id: Num; status: ClaimStatus; promo_code: string; claimed_at: Num }[] = await reader.query(claimsSql, b.params);

  const p = db.binder();
  const postsSql =
    `SELECT c.id AS id, c.author_person_id AS person_id, c.author_account_id AS account_id, c.posted_at AS posted_at ` +
    `FROM claim cl JOIN content c ON c.author_person_id = cl.person_id AND c.posted_at >= cl.claimed_at AND c.posted_at <= ${p.bind(attributionEnd)} ` +
    `WHERE cl.campaign_id = ${p.bind(campaign.id)} AND cl.status <> ${p.bind(ClaimStatus.CANCELLED)} ` +
    `AND LOWER(c.campaign_code) IN (${p.bind(campaign.code)}, ${p.bind(`#${campaign.code}`)})`;
  const posts: { id: Num; person_id: Num; account_id: Num; posted_at: Num }[] = await reader.query(postsSql, p.params);

  const authorOf = new Map(posts.map((r) => [Number(r.id), Number(r.person_id)]));
  const engagementRows: { content_id: Num; actor: Num; d: Num; n: Num }[] = [];
  const ids = [...authorOf.keys()];
  for (let i = 0; i < ids.length; i += 1000) {
    const e = db.binder();
    const list = e.list(ids.slice(i, i + 1000));
    engagementRows.push(
      ...(await reader.query(
        `SELECT i.target_content_id AS content_id, a.person_id AS actor, i.occurred_at / ${DAY_MS} AS d, COUNT(*) AS n ` +
          `FROM interaction i JOIN network_account a ON a.id = i.actor_account_id WHERE i.target_content_id IN (${list}) ` +
          `GROUP BY i.target_content_id, a.person_id, i.occurred_at / ${DAY_MS}`,
        e.params,
      )),
    );
  }
  const accountIds = [...new Set(posts.map((r) => Number(r.account_id)))];
  let followers = 0;
  for (let i = 0; i < accountIds.length; i += 1000) {
    const f = db.binder();
    const [row]: { n: Num | null }[] = await reader.query(`SELECT SUM(followers_count) AS n FROM network_account WHERE id IN (${f.list(accountIds.slice(i, i + 1000))})`, f.params);
    followers += Number(row?.n ?? 0);
  }
  const c = db.binder();
  const conversions: { claim_id: Num; value_cents: Num; occurred_at: Num }[] = await reader.query(
    `SELECT claim_id, value_cents, occurred_at FROM conversion WHERE campaign_id = ${c.bind(campaign.id)}`,
    c.params,
  );

  // Lines per influencer and the daily series.
  const lines = new Map<number, InfluencerLine & { engagers: Set<number> }>();
  const claimPerson = new Map<number, number>();
  for (const cl of claims) {
    if (cl.person_id == null) continue; // an erased claimer: counted in the totals, no line of their own
    const personId = Number(cl.person_id);
    claimPerson.set(Number(cl.id), personId);
    lines.set(personId, { personId, claimStatus: cl.status, promoCode: cl.promo_code, posts: 0, engagements: 0, uniqueEngagers: 0, conversions: 0, revenue: 0, engagers: new Set() });
  }
  const days = new Map<number, DailyPoint>();
  const dayOf = (ms: number) => Math.floor(ms / DAY_MS);
  const point = (d: number) => {
    let pt = days.get(d);
    if (!pt) days.set(d, (pt = { day: new Date(d * DAY_MS).toISOString().slice(0, 10), claims: 0, posts: 0, engagements: 0, conversions: 0, revenue: 0 }));
    return pt;
  };
  for (const cl of claims) point(dayOf(Number(cl.claimed_at))).claims++;
  for (const post of posts) {
    lines.get(Number(post.person_id))!.posts++;
    point(dayOf(Number(post.posted_at))).posts++;
  }
  const allEngagers = new Set<number>();
  let engagements = 0;
  for (const r of engagementRows) {
    const n = Number(r.n);
    const line = lines.get(authorOf.get(Number(r.content_id))!)!;
    line.engagements += n;
    line.engagers.add(Number(r.actor));
    allEngagers.add(Number(r.actor));
    engagements += n;
    point(Number(r.d)).engagements += n;
  }
  let revenueCents = 0;
  for (const conv of conversions) {
    const cents = Number(conv.value_cents);
    revenueCents += cents;
    const line = lines.get(claimPerson.get(Number(conv.claim_id))!);
    if (line) {
      line.conversions++;
      line.revenue += cents / 100;
    }
    const pt = point(dayOf(Number(conv.occurred_at)));
    pt.conversions++;
    pt.revenue += cents / 100;
  }
  // Every day from the start (or the first event) to the last, so charts have no gaps.
  const first = Math.min(dayOf(campaign.startsAt.getTime()), ...days.keys());
  const last = Math.max(first, Math.min(dayOf(Math.max(now, campaign.startsAt.getTime())), dayOf(attributionEnd)), ...days.keys());
  const daily: DailyPoint[] = [];
  for (let d = first; d <= last; d++) daily.push(point(d));
  for (const pt of daily) pt.revenue = Math.round(pt.revenue * 100) / 100;

  const counted = claims.filter((cl) => cl.status !== ClaimStatus.CANCELLED).length;
  const costCents = counted * campaign.unitValueCents;
  const statusCounts = new Map<ClaimStatus, number>();
  for (const cl of claims) statusCounts.set(cl.status, (statusCounts.get(cl.status) ?? 0) + 1);
  return {
    claimsByStatus: Object.values(ClaimStatus).map((status) => ({ status, count: statusCounts.get(status) ?? 0 })),
    attributedPosts: posts.length,
    engagements,
    uniqueEngagers: allEngagers.size,
    estimatedReach: followers + allEngagers.size,
    conversions: conversions.length,
    revenue: revenueCents / 100,
    cost: costCents / 100,
    costPerEngagement: engagements ? Math.round(costCents / engagements) / 100 : null,
    roi: costCents ? Math.round(((revenueCents - costCents) / costCents) * 10_000) / 10_000 : null,
    influencers: [...lines.values()]
      .map(({ engagers, ...line }) => ({ ...line, uniqueEngagers: engagers.size, revenue: Math.round(line.revenue * 100) / 100 }))
      .sort((a, b) => b.engagements - a.engagements || b.revenue - a.revenue || a.personId - b.personId),
    daily,
    attributionEndsAt: new Date(attributionEnd),
  };
}
