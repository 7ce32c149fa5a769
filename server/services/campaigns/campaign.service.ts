import { CAMPAIGN_TRANSITIONS, CampaignStatus } from '#shared/campaigns';
import type { Network } from '#shared/networks';
import { Role } from '#shared/roles';
import { Brand, Campaign, Claim } from '../../entities';
import { authorize, requireViewer } from '../auth/access';
import { NotFoundError, ValidationError, type FieldError } from '../errors';
import { loadByIds } from '../load-by-ids';
import type { Page, PageRequest } from '../pagination/page';
import { queryPage } from '../pagination/query-page';
import type { RequestContext } from '../request-context';
import { audiencesOf, describeAudience, normalizeCampaignCode, resolveCriteria, type AudienceBreakdown, type AudienceCriteria, type AudienceInput } from './audience';
import { brandIdsOf, managesBrand, readsBrand } from './brand.service';

/** A campaign as a client writes it; every field optional on update. */
export interface CampaignInput {
  name?: string | null;
  description?: string | null;
  perk?: string | null;
  /** Cost of one unit to the brand, in `currency` (two decimals kept). */
  unitValue?: number | null;
  currency?: string | null;
  inventory?: number | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  code?: string | null;
  target?: AudienceInput | null;
}

export interface CampaignFilter {
  brandId?: number | null;
  status?: CampaignStatus | null;
}

const MAX_INVENTORY = 1_000_000;

/** Targeting of a stored campaign. */
export function criteriaOf(c: Campaign): AudienceCriteria {
  return {
    minScore: c.minScore,
    maxScore: c.maxScore,
    minAuthenticity: c.minAuthenticity,
    topicIds: JSON.parse(c.targetTopics) as string[],
    networks: JSON.parse(c.targetNetworks) as Network[],
    regions: JSON.parse(c.targetRegions) as string[],
  };
}

/**
 * Perk campaigns: creation, editing, status, audience. Managers act on their brands' campaigns
 * only; any other campaign answers NOT_FOUND, as if it did not exist.
 */
export class CampaignService {
  constructor(private readonly clock: () => number = Date.now) {}

  async create(ctx: RequestContext, brandId: number, input: CampaignInput): Promise<Campaign> {
    authorize(ctx, 'manageCampaigns');
    if (!(await managesBrand(ctx, brandId)) || !(await ctx.db.reader.getRepository(Brand).existsBy({ id: brandId }))) throw new NotFoundError('Brand', 'brandId');
    const errors: FieldError[] = [];
    for (const field of ['name', 'perk', 'unitValue', 'inventory', 'startsAt', 'endsAt', 'code'] as const) {
      if (input[field] == null) errors.push({ field: `input.${field}`, message: 'is required' });
    }
    if (errors.length) throw new ValidationError(errors);
    const now = this.clock();
    const values = await this.validate(ctx, input, null);
    const campaign = ctx.db.reader.getRepository(Campaign).create({
      brandId,
      description: '',
      currency: 'USD',
      ...values,
      remaining: values.inventory,
      status: CampaignStatus.DRAFT,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    });
    return ctx.db.transaction(async (m) => {
      await this.refuseTakenCode(m.getRepository(Campaign), campaign.code, null);
      return m.getRepository(Campaign).save(campaign);
    });
  }

  /**
   * Changes a DRAFT or PAUSED campaign. The code is fixed once the campaign left DRAFT (content
   * already carries it); inventory may not fall below the units already claimed.
   */
  async update(ctx: RequestContext, id: number, input: CampaignInput): Promise<Campaign> {
    const current = await this.manageable(ctx, id, 'id');
    if (current.status !== CampaignStatus.DRAFT && current.status !== CampaignStatus.PAUSED) {
      throw new ValidationError([{ field: 'id', message: `a ${current.status} campaign cannot be edited; pause it first` }]);
    }
    const values = await this.validate(ctx, input, current);
    if (values.code !== undefined && values.code !== current.code && current.status !== CampaignStatus.DRAFT) {
      throw new ValidationError([{ field: 'input.code', message: 'cannot change once the campaign has been active' }]);
    }
    return ctx.db.transaction(async (m) => {
      const repo = m.getRepository(Campaign);
      const row = await repo.findOneByOrFail({ id });
      if (values.code !== undefined) await this.refuseTakenCode(repo, values.code, id);
      if (values.inventory !== undefined) {
        const claimed = row.inventory - row.remaining;
        if (values.inventory < claimed) throw new ValidationError([{ field: 'input.inventory', message: `must be at least the ${claimed} units already claimed` }]);
        row.remaining = values.inventory - claimed;
      }
      Object.assign(row, values, { updatedAt: new Date(this.clock()) });
      return repo.save(row);
    });
  }

  /** Moves a campaign along DRAFT → ACTIVE ⇄ PAUSED → ENDED; any other move is BAD_USER_INPUT on `status`. */
  async setStatus(ctx: RequestContext, id: number, status: CampaignStatus): Promise<Campaign> {
    await this.manageable(ctx, id, 'id');
    const now = this.clock();
    return ctx.db.transaction(async (m) => {
      const repo = m.getRepository(Campaign);
      const row = await repo.findOneByOrFail({ id });
      if (!CAMPAIGN_TRANSITIONS[row.status].includes(status)) {
        const allowed = CAMPAIGN_TRANSITIONS[row.status];
        throw new ValidationError([{ field: 'status', message: `a ${row.status} campaign can move to ${allowed.length ? allowed.join(' or ') : 'nothing: ENDED is final'}, not ${status}` }]);
      }
      if (status === CampaignStatus.ACTIVE && row.endsAt.getTime() <= now) throw new ValidationError([{ field: 'status', message: 'the campaign has already ended (endsAt is past)' }]);
      row.status = status;
      row.updatedAt = new Date(now);
      return repo.save(row);
    });
  }

  /** The audience of criteria not saved yet: size, breakdowns and the first page. */
  async preview(ctx: RequestContext, target: AudienceInput, first: number): Promise<AudienceBreakdown> {
    authorize(ctx, 'manageCampaigns');
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError([{ field: 'first', message: 'must be from 1 to 100' }]);
    return describeAudience(ctx, await resolveCriteria(ctx, target, 'target.'), first);
  }

  /** A saved campaign's audience summary (managers and ADMINs: see `manageable`). */
  async audienceSummary(ctx: RequestContext, campaign: Campaign, first: number): Promise<AudienceBreakdown> {
    await this.manageable(ctx, campaign.id, 'id');
    return describeAudience(ctx, criteriaOf(campaign), first);
  }

  /** Campaigns by id, undefined where missing or invisible to the viewer (see `canSee`). */
  async byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Campaign | undefined)[]> {
    const rows = await loadByIds(ctx.db.reader.getRepository(Campaign), ids);
    const visible = await this.visibility(ctx, rows.filter((r): r is Campaign => !!r));
    return rows.map((r) => (r && visible.has(r.id) ? r : undefined));
  }

  /** A campaign the viewer reads (ADMIN, ANALYST, its brand's managers), or NOT_FOUND on `field`. */
  async readable(ctx: RequestContext, id: number, field: string): Promise<Campaign> {
    const row = await ctx.db.reader.getRepository(Campaign).findOneBy({ id });
    if (!row || !(await readsBrand(ctx, row.brandId))) throw new NotFoundError('Campaign', field);
    return row;
  }

  /** A campaign the viewer manages (ADMIN or its brand's managers), or NOT_FOUND on `field`. */
  async manageable(ctx: RequestContext, id: number, field: string): Promise<Campaign> {
    authorize(ctx, 'manageCampaigns');
    const row = await ctx.db.reader.getRepository(Campaign).findOneBy({ id });
    if (!row || !(await managesBrand(ctx, row.brandId))) throw new NotFoundError('Campaign', field);
    return row;
  }

  /** Campaigns the viewer reads, newest first. */
  async list(ctx: RequestContext, filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>> {
    authorize(ctx, 'readCampaigns');
    const qb = ctx.db.reader.getRepository(Campaign).createQueryBuilder('c');
    if (ctx.viewer?.role === Role.BRAND_MANAGER) {
      const mine = [...(await brandIdsOf(ctx))];
      if (!mine.length) qb.andWhere('1 = 0');
      else qb.andWhere('c.brandId IN (:...mine)', { mine });
    }
    if (filter.brandId != null) qb.andWhere('c.brandId = :brandId', { brandId: filter.brandId });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    return queryPage(qb, { expr: 'c.id', direction: 'DESC', value: (c) => c.id }, page);
  }

  /**
   * The perks the viewer's person may claim now: ACTIVE campaigns within their window, with units
   * left, whose audience they are in, soonest ending first. Nobody else's perks are ever listed.
   */
  async availablePerks(ctx: RequestContext, personId: number): Promise<Campaign[]> {
    const now = this.clock();
    const active = await ctx.db.reader
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .where('c.status = :status AND c.startsAt <= :now AND c.endsAt > :now AND c.remaining > 0', { status: CampaignStatus.ACTIVE, now })
      .orderBy('c.endsAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(500)
      .getMany();
    const claimed = new Set(
      (await ctx.db.reader.getRepository(Claim).findBy({ personId })).map((c) => c.campaignId),
    );
    const open = active.filter((c) => !claimed.has(c.id));
    const eligible = await audiencesOf(ctx, personId, open.map((c) => ({ key: c.id, criteria: criteriaOf(c) })));
    return open.filter((c) => eligible.has(c.id));
  }

  /**
   * Who may see each campaign's public face (name, perk, code, window): ADMINs and ANALYSTs all;
   * managers their brands'; an influencer those they claimed or may claim now.
   */
  private async visibility(ctx: RequestContext, rows: Campaign[]): Promise<Set<number>> {
    const out = new Set<number>();
    const viewer = ctx.viewer;
    for (const r of rows) if (await readsBrand(ctx, r.brandId)) out.add(r.id);
    const rest = rows.filter((r) => !out.has(r.id));
    if (rest.length && viewer?.personId != null) {
      const claimed = await ctx.db.reader.getRepository(Claim).findBy(rest.map((r) => ({ campaignId: r.id, personId: viewer.personId! })));
      for (const c of claimed) out.add(c.campaignId);
      const perks = await this.availablePerks(ctx, viewer.personId);
      for (const p of perks) if (rest.some((r) => r.id === p.id)) out.add(p.id);
    }
    return out;
  }

  private async refuseTakenCode(repo: { existsBy(where: object): Promise<boolean>; findOneBy(where: object): Promise<Campaign | null> }, code: string, exceptId: number | null): Promise<void> {
    const holder = await repo.findOneBy({ code });
    if (holder && holder.id !== exceptId) throw new ValidationError([{ field: 'input.code', message: 'is already the code of another campaign' }]);
  }

  /** Checks every given field (BAD_USER_INPUT naming each bad one) and returns the column values to write. */
  private async validate(ctx: RequestContext, input: CampaignInput, current: Campaign | null): Promise<Partial<Campaign>> {
    requireViewer(ctx);
    const errors: FieldError[] = [];
    const out: Partial<Campaign> = {};
    const text = (field: 'name' | 'description' | 'perk', min: number, max: number) => {
      const value = input[field];
      if (value == null) return;
      const clean = value.trim();
      if (clean.length < min || clean.length > max) errors.push({ field: `input.${field}`, message: `must be ${min} to ${max} characters` });
      else out[field] = clean;
    };
    text('name', 1, 200);
    text('description', 0, 5000);
    text('perk', 1, 500);
    if (input.unitValue != null) {
      if (!Number.isFinite(input.unitValue) || input.unitValue < 0 || input.unitValue > 1_000_000) errors.push({ field: 'input.unitValue', message: 'must be from 0 to 1,000,000' });
      else out.unitValueCents = Math.round(input.unitValue * 100);
    }
    if (input.currency != null) {
      if (!/^[A-Za-z]{3}$/.test(input.currency)) errors.push({ field: 'input.currency', message: 'must be a 3-letter ISO 4217 code such as "USD"' });
      else out.currency = input.currency.toUpperCase();
    }
    if (input.inventory != null) {
      if (!Number.isInteger(input.inventory) || input.inventory < 1 || input.inventory > MAX_INVENTORY) errors.push({ field: 'input.inventory', message: `must be a whole number from 1 to ${MAX_INVENTORY.toLocaleString('en')}` });
      else out.inventory = input.inventory;
    }
    for (const field of ['startsAt', 'endsAt'] as const) {
      const value = input[field];
      if (value != null) {
        if (Number.isNaN(value.getTime())) errors.push({ field: `input.${field}`, message: 'must be an instant' });
        else out[field] = value;
      }
    }
    const starts = out.startsAt ?? current?.startsAt;
    const ends = out.endsAt ?? current?.endsAt;
    if (starts && ends && ends.getTime() <= starts.getTime()) errors.push({ field: 'input.endsAt', message: 'must be after startsAt' });
    if (input.code != null) {
      try {
        out.code = normalizeCampaignCode(input.code, 'input.code');
      } catch (e) {
        if (e instanceof ValidationError) errors.push(...e.errors);
        else throw e;
      }
    }
    if (input.target != null) {
      try {
        const c = await resolveCriteria(ctx, input.target, 'input.target.');
        Object.assign(out, {
          minScore: c.minScore,
          maxScore: c.maxScore,
          minAuthenticity: c.minAuthenticity,
          targetTopics: JSON.stringify(c.topicIds),
          targetNetworks: JSON.stringify(c.networks),
          targetRegions: JSON.stringify(c.regions),
        });
      } catch (e) {
        if (e instanceof ValidationError) errors.push(...e.errors);
        else throw e;
      }
    } else if (!current) {
      Object.assign(out, { minScore: 1, maxScore: 100, minAuthenticity: 0, targetTopics: '[]', targetNetworks: '[]', targetRegions: '[]' });
    }
    if (errors.length) throw new ValidationError(errors);
    return out;
  }
}
