import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import { CLAIM_TRANSITIONS, CampaignStatus, ClaimStatus } from '#shared/campaigns';
import { Role } from '#shared/roles';
import { Campaign, Claim, Conversion } from '../../entities';
import { authorize, requireViewer } from '../auth/access';
import { AlreadyClaimedError, CampaignNotActiveError, ForbiddenError, NotEligibleError, NotFoundError, SoldOutError, ValidationError, type FieldError } from '../errors';
import { loadByIds } from '../load-by-ids';
import type { Page, PageRequest } from '../pagination/page';
import { queryPage } from '../pagination/query-page';
import type { RequestContext } from '../request-context';
import { audiencesOf } from './audience';
import { managesBrand } from './brand.service';
import { criteriaOf, type CampaignService } from './campaign.service';

/** One promo-code redemption, as a shop reports it. */
export interface ConversionInput {
  code: string;
  /** Amount of the purchase in the campaign's currency. */
  value: number;
  occurredAt: Date;
  externalId: string;
}

export interface RecordConversionsResult {
  created: number;
  unchanged: number;
}

export interface ClaimServiceOptions {
  campaigns: CampaignService;
  /** Brings the person's published score up to date before eligibility is checked. */
  refreshScore: (ctx: RequestContext, personId: number) => Promise<void>;
  clock?: () => number;
}

/** Failures of a unique index, on SQLite and PostgreSQL. */
function uniqueViolation(error: unknown, constraint: string, columns: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; driverError?: { code?: string; constraint?: string; message?: string } };
  const d = e.driverError ?? e;
  if (d.code === '23505') return d.constraint === constraint;
  return /UNIQUE constraint failed/.test(d.message ?? '') && (d.message ?? '').includes(columns);
}

const MAX_CONVERSIONS = 1000;

/**
 * Claims and conversions. A claim takes one unit with a conditional decrement
 * (`remaining = remaining - 1 WHERE remaining > 0`, the window and status re-checked in the same
 * statement) and inserts the claim under a unique (campaign, person) index, in one transaction:
 * the decrement is the first statement, so on SQLite the write lock is taken before anything is
 * read (no stale snapshot to upgrade), and on PostgreSQL the row lock serializes claimers while
 * the WHERE is re-evaluated on the latest row. Any number of processes cannot oversell.
 */
export class ClaimService {
  private readonly clock: () => number;

  constructor(private readonly options: ClaimServiceOptions) {
    this.clock = options.clock ?? Date.now;
  }

  async claim(ctx: RequestContext, campaignId: number): Promise<Claim> {
    authorize(ctx, 'claimPerk');
    const personId = requireViewer(ctx).personId;
    if (personId == null) throw new ForbiddenError('only a user linked to a person can claim perks');
    const campaign = await ctx.db.reader.getRepository(Campaign).findOneBy({ id: campaignId });
    if (!campaign) throw new NotFoundError('Campaign', 'campaignId');
    this.refuseIfClosed(campaign, this.clock());
    if (await ctx.db.reader.getRepository(Claim).existsBy({ campaignId, personId })) throw new AlreadyClaimedError();
    await this.options.refreshScore(ctx, personId);
    const eligible = await audiencesOf(ctx, personId, [{ key: campaign.id, criteria: criteriaOf(campaign) }]);
    if (!eligible.has(campaign.id)) throw new NotEligibleError();

    const promoCode = `${campaign.code.slice(0, 12).toUpperCase()}-${randomBytes(5).toString('hex').toUpperCase()}`;
    try {
      return await ctx.db.transaction(async (m) => {
        const now = this.clock();
        const taken = await m
          .createQueryBuilder()
          .update(Campaign)
          .set({ remaining: () => 'remaining - 1' })
          .where('id = :id AND remaining > 0 AND status = :active AND starts_at <= :now AND ends_at > :now', { id: campaignId, active: CampaignStatus.ACTIVE, now })
          .execute();
        if (!taken.affected) {
          const latest = await m.getRepository(Campaign).findOneByOrFail({ id: campaignId });
          this.refuseIfClosed(latest, now);
          throw new SoldOutError();
        }
        // ON CONFLICT DO NOTHING: a concurrent claim by the same person waits for the other and then
        // inserts nothing; finding no row with our promo code means it was already claimed.
        const repo = m.getRepository(Claim);
        await m.createQueryBuilder().insert().into(Claim)
          .values({ campaignId, personId, status: ClaimStatus.CLAIMED, promoCode, claimedAt: new Date(now), updatedAt: new Date(now) })
          .orIgnore()
          .execute();
        const claim = await repo.findOneBy({ campaignId, personId });
        if (!claim || claim.promoCode !== promoCode) throw new AlreadyClaimedError(); // rolls the decrement back
        return claim;
      });
    } catch (error) {
      if (uniqueViolation(error, 'uq_claim_campaign_person', 'claim.campaign_id')) throw new AlreadyClaimedError();
      throw error;
    }
  }

  /**
   * Moves a claim along CLAIMED → SHIPPED → DELIVERED, or to CANCELLED (which gives its unit back).
   * The brand's managers and ADMINs may make any valid move; the claimer may only cancel a claim
   * not shipped yet. Claims the viewer may not see answer NOT_FOUND.
   */
  async setStatus(ctx: RequestContext, claimId: number, status: ClaimStatus): Promise<Claim> {
    const viewer = requireViewer(ctx, 'change a claim');
    const claim = await ctx.db.reader.getRepository(Claim).findOneBy({ id: claimId });
    if (!claim) throw new NotFoundError('Claim', 'id');
    const campaign = await ctx.db.reader.getRepository(Campaign).findOneByOrFail({ id: claim.campaignId });
    const manager = (viewer.role === Role.ADMIN || viewer.role === Role.BRAND_MANAGER) && (await managesBrand(ctx, campaign.brandId));
    const own = viewer.personId != null && viewer.personId === claim.personId;
    if (!manager && !own) throw new NotFoundError('Claim', 'id');
    if (!manager && !(status === ClaimStatus.CANCELLED && claim.status === ClaimStatus.CLAIMED)) {
      throw new ForbiddenError('a claimer may only cancel a claim that has not shipped');
    }
    return ctx.db.transaction(async (m) => {
      const repo = m.getRepository(Claim);
      const row = await repo.findOneByOrFail({ id: claimId });
      if (!CLAIM_TRANSITIONS[row.status].includes(status)) {
        const allowed = CLAIM_TRANSITIONS[row.status];
        throw new ValidationError([{ field: 'status', message: `a ${row.status} claim can move to ${allowed.length ? allowed.join(' or ') : 'nothing: it is final'}, not ${status}` }]);
      }
      if (status === ClaimStatus.CANCELLED) {
        await m.createQueryBuilder().update(Campaign).set({ remaining: () => 'remaining + 1' }).where('id = :id', { id: row.campaignId }).execute();
      }
      row.status = status;
      row.updatedAt = new Date(this.clock());
      return repo.save(row);
    });
  }

  /**
   * Records promo-code redemptions. Idempotent on (campaign, externalId): a batch sent again
   * changes nothing. Every code must be a claim of a campaign the viewer manages; any bad item
   * rejects the whole batch (BAD_USER_INPUT naming `conversions[i].field`).
   */
  async recordConversions(ctx: RequestContext, items: readonly ConversionInput[]): Promise<RecordConversionsResult> {
    authorize(ctx, 'manageCampaigns');
    if (items.length < 1 || items.length > MAX_CONVERSIONS) throw new ValidationError([{ field: 'conversions', message: `give 1 to ${MAX_CONVERSIONS} conversions` }]);
    const codes = [...new Set(items.map((i) => i.code.trim().toUpperCase()))];
    const claims = codes.length ? await ctx.db.reader.getRepository(Claim).findBy({ promoCode: In(codes) }) : [];
    const campaigns = new Map((await loadByIds(ctx.db.reader.getRepository(Campaign), [...new Set(claims.map((c) => c.campaignId))])).filter((c): c is Campaign => !!c).map((c) => [c.id, c]));
    const managed = new Set<number>();
    for (const c of campaigns.values()) if (await managesBrand(ctx, c.brandId)) managed.add(c.id);
    const byCode = new Map(claims.filter((c) => managed.has(c.campaignId)).map((c) => [c.promoCode, c]));
    const errors: FieldError[] = [];
    const rows: Omit<Conversion, 'id'>[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const at = (f: string) => `conversions[${i}].${f}`;
      const claim = byCode.get(item.code.trim().toUpperCase());
      if (!claim) errors.push({ field: at('code'), message: 'is not a promo code of a campaign you manage' });
      if (!Number.isFinite(item.value) || item.value < 0 || item.value > 100_000_000) errors.push({ field: at('value'), message: 'must be from 0 to 100,000,000' });
      if (Number.isNaN(item.occurredAt.getTime())) errors.push({ field: at('occurredAt'), message: 'must be an instant' });
      const externalId = item.externalId.trim();
      if (externalId.length < 1 || externalId.length > 200) errors.push({ field: at('externalId'), message: 'must be 1 to 200 characters' });
      if (claim && claim.claimedAt.getTime() > item.occurredAt.getTime()) errors.push({ field: at('occurredAt'), message: 'is before the code was claimed' });
      const key = `${claim?.campaignId}|${externalId}`;
      if (claim && seen.has(key)) errors.push({ field: at('externalId'), message: 'appears twice in the batch' });
      seen.add(key);
      if (claim) rows.push({ campaignId: claim.campaignId, claimId: claim.id, externalId, valueCents: Math.round(item.value * 100), occurredAt: item.occurredAt });
    });
    if (errors.length) throw new ValidationError(errors);
    return ctx.db.transaction(async (m) => {
      const repo = m.getRepository(Conversion);
      const existing = new Set<string>();
      for (const campaignId of new Set(rows.map((r) => r.campaignId))) {
        const ids = rows.filter((r) => r.campaignId === campaignId).map((r) => r.externalId);
        for (const c of await repo.find({ select: { externalId: true }, where: { campaignId, externalId: In(ids) } })) existing.add(`${campaignId}|${c.externalId}`);
      }
      const fresh = rows.filter((r) => !existing.has(`${r.campaignId}|${r.externalId}`));
      for (let i = 0; i < fresh.length; i += 200) await m.createQueryBuilder().insert().into(Conversion).values(fresh.slice(i, i + 200)).orIgnore().execute();
      return { created: fresh.length, unchanged: rows.length - fresh.length };
    });
  }

  /** Claims by id, undefined where missing or not visible: ADMINs all, managers their brands', claimers their own. */
  async byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Claim | undefined)[]> {
    const rows = await loadByIds(ctx.db.reader.getRepository(Claim), ids);
    const campaigns = new Map((await loadByIds(ctx.db.reader.getRepository(Campaign), [...new Set(rows.flatMap((r) => (r ? [r.campaignId] : [])))])).filter((c): c is Campaign => !!c).map((c) => [c.id, c]));
    return Promise.all(rows.map(async (r) => (r && (await this.canSee(ctx, r, campaigns.get(r.campaignId))) ? r : undefined)));
  }

  /** A campaign's claims, newest first (the campaign's managers and ADMINs; checked by the caller). */
  campaignClaims(ctx: RequestContext, campaignId: number, status: ClaimStatus | null, page: PageRequest): Promise<Page<Claim>> {
    const qb = ctx.db.reader.getRepository(Claim).createQueryBuilder('cl').where('cl.campaignId = :campaignId', { campaignId });
    if (status) qb.andWhere('cl.status = :status', { status });
    return queryPage(qb, { expr: 'cl.id', direction: 'DESC', value: (c) => c.id }, page);
  }

  /** A person's own claims, newest first. */
  personClaims(ctx: RequestContext, personId: number, page: PageRequest): Promise<Page<Claim>> {
    const qb = ctx.db.reader.getRepository(Claim).createQueryBuilder('cl').where('cl.personId = :personId', { personId });
    return queryPage(qb, { expr: 'cl.id', direction: 'DESC', value: (c) => c.id }, page);
  }

  private async canSee(ctx: RequestContext, claim: Claim, campaign: Campaign | undefined): Promise<boolean> {
    if (ctx.system) return true;
    const viewer = ctx.viewer;
    if (!viewer || !campaign) return false;
    if (viewer.personId != null && viewer.personId === claim.personId) return true;
    return (viewer.role === Role.ADMIN || viewer.role === Role.BRAND_MANAGER) && managesBrand(ctx, campaign.brandId);
  }

  private refuseIfClosed(c: Campaign, now: number): void {
    if (c.status !== CampaignStatus.ACTIVE) throw new CampaignNotActiveError(`it is ${c.status}`);
    if (now < c.startsAt.getTime()) throw new CampaignNotActiveError(`it starts at ${c.startsAt.toISOString()}`);
    if (now >= c.endsAt.getTime()) throw new CampaignNotActiveError(`it ended at ${c.endsAt.toISOString()}`);
  }
}
