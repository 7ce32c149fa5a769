import { FlagDecision, FlagStatus, type FlagKind } from '#shared/authenticity';
import { Role } from '#shared/roles';
import { AuthenticityFlagRow, AuthenticityReviewRow } from '../../entities';
import type { FlagEffect, FlagEvidence } from '../../scoring';
import { ACCESS, authorize } from '../auth/access';
import { NotFoundError, ValidationError } from '../errors';
import type { Page, PageRequest, SortKey } from '../pagination/page';
import { queryPage } from '../pagination/query-page';
import type { RequestContext } from '../request-context';
import { latestDecisions } from './authenticity-data';

/** A stored flag with its review status. */
export interface FlagView {
  id: number;
  key: string;
  personId: number;
  kind: FlagKind;
  role: string;
  network: string | null;
  severity: number;
  evidence: FlagEvidence;
  effect: FlagEffect;
  detectedAt: Date;
  lastSeenAt: Date;
  status: FlagStatus;
}

/** A person's authenticity as the viewer may see it: the figure, and the flags for those allowed. */
export interface AuthenticityView {
  personId: number;
  score: number;
  /** null when the viewer may see the figure only (the person themself). */
  flags: FlagView[] | null;
}

export interface FlagFilter {
  status?: FlagStatus | null;
  kind?: FlagKind | null;
}

export const MAX_REASON_LENGTH = 2000;

const FLAG_SORT: SortKey<AuthenticityFlagRow> = { expr: 'f.detectedAt', direction: 'DESC', value: (f) => f.detectedAt.getTime() };

/**
 * Authenticity as stored by the last full rescore: each person's figure (on person_score), their
 * flags with evidence, and analysts' decisions, which outlive every rescore (keyed by flag key).
 * Flags are for ADMIN and ANALYST; a person may see their own figure.
 */
export class AuthenticityService {
  constructor(private readonly options: { clock?: () => number } = {}) {}

  /** Whether the viewer may see these people's flags (true) or only their own figure (personId). */
  private canSeeFlags(ctx: RequestContext): boolean {
    if (ctx.system) return true;
    const role = ctx.viewer?.role;
    return !!role && (ACCESS.authenticityFlags as readonly Role[]).includes(role);
  }

  /** Authenticity of each person, or null where the viewer may not see it. */
  async ofPeople(ctx: RequestContext, personIds: readonly number[]): Promise<(AuthenticityView | null)[]> {
    const seeFlags = this.canSeeFlags(ctx);
    const allowed = personIds.filter((id) => seeFlags || (ctx.viewer?.personId != null && ctx.viewer.personId === id));
    const out = new Map<number, AuthenticityView>();
    if (allowed.length) {
      const b = ctx.db.binder();
      const rows: { person_id: number | string; authenticity: number | string }[] = await ctx.db.reader.query(
        `SELECT person_id, authenticity FROM person_score WHERE person_id IN (${b.list(allowed)})`,
        b.params,
      );
      const scores = new Map(rows.map((r) => [Number(r.person_id), Number(r.authenticity)]));
      const flags = seeFlags ? await this.flagsOf(ctx, allowed) : new Map<number, FlagView[]>();
      for (const id of allowed) out.set(id, { personId: id, score: scores.get(id) ?? 100, flags: seeFlags ? (flags.get(id) ?? []) : null });
    }
    return personIds.map((id) => out.get(id) ?? null);
  }

  /** Flags of these people, most severe first. */
  private async flagsOf(ctx: RequestContext, personIds: readonly number[]): Promise<Map<number, FlagView[]>> {
    const rows = await ctx.db.reader.getRepository(AuthenticityFlagRow).createQueryBuilder('f').where('f.personId IN (:...ids)', { ids: [...personIds] }).getMany();
    const views = await this.withStatus(ctx, rows);
    const out = new Map<number, FlagView[]>();
    for (const v of views.sort((a, b) => b.severity - a.severity || (a.key < b.key ? -1 : 1))) {
      const list = out.get(v.personId) ?? [];
      list.push(v);
      out.set(v.personId, list);
    }
    return out;
  }

  /** Flags, newest first: the analysts' list of flagged people. ADMIN and ANALYST. */
  async list(ctx: RequestContext, filter: FlagFilter, page: PageRequest): Promise<Page<FlagView>> {
    authorize(ctx, 'authenticityFlags');
    const qb = ctx.db.reader.getRepository(AuthenticityFlagRow).createQueryBuilder('f');
    if (filter.kind) qb.andWhere('f.kind = :kind', { kind: filter.kind });
    if (filter.status) {
      // The latest decision per flag key is its status.
      const latest = `(SELECT r.decision FROM authenticity_review r WHERE r.flag_key = f.flag_key ORDER BY r.decided_at DESC, r.id DESC LIMIT 1)`;
      if (filter.status === FlagStatus.PENDING) qb.andWhere(`${latest} IS NULL`);
      else qb.andWhere(`${latest} = :status`, { status: filter.status });
    }
    const rows = await queryPage(qb, FLAG_SORT, page);
    const nodes = await this.withStatus(ctx, rows.nodes);
    return { ...rows, nodes };
  }

  /** One flag by row id. */
  async byId(ctx: RequestContext, id: number): Promise<FlagView | undefined> {
    authorize(ctx, 'authenticityFlags');
    const row = await ctx.db.reader.getRepository(AuthenticityFlagRow).findOneBy({ id });
    return row ? (await this.withStatus(ctx, [row]))[0] : undefined;
  }

  /** Decisions on these flag keys, oldest first. */
  async reviews(ctx: RequestContext, flagKeys: readonly string[]): Promise<Map<string, AuthenticityReviewRow[]>> {
    const out = new Map<string, AuthenticityReviewRow[]>(flagKeys.map((k) => [k, []]));
    if (!flagKeys.length) return out;
    const rows = await ctx.db.reader
      .getRepository(AuthenticityReviewRow)
      .createQueryBuilder('r')
      .where('r.flagKey IN (:...keys)', { keys: [...flagKeys] })
      .orderBy('r.decidedAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    for (const r of rows) out.get(r.flagKey)?.push(r);
    return out;
  }

  /**
   * An analyst confirms or dismisses a flag, with a reason. The decision is added to the flag's
   * history (never overwritten) and the person's authenticity is recomputed at once from their
   * flags that are not dismissed; the score follows at the next full rescore, which applies no
   * discount for a dismissed flag. ADMIN and ANALYST.
   */
  async review(ctx: RequestContext, flagId: number, decision: FlagDecision, reason: string): Promise<{ flag: FlagView; review: AuthenticityReviewRow; authenticity: number }> {
    authorize(ctx, 'reviewFlag');
    const trimmed = reason.trim();
    if (!trimmed) throw new ValidationError([{ field: 'reason', message: 'must not be empty: say why' }]);
    if (trimmed.length > MAX_REASON_LENGTH) throw new ValidationError([{ field: 'reason', message: `must be at most ${MAX_REASON_LENGTH} characters` }]);
    if (!Object.values(FlagDecision).includes(decision)) throw new ValidationError([{ field: 'decision', message: 'must be CONFIRMED or DISMISSED' }]);
    const flag = await ctx.db.reader.getRepository(AuthenticityFlagRow).findOneBy({ id: flagId });
    if (!flag) throw new NotFoundError('Flag', 'flagId');
    const now = (this.options.clock ?? Date.now)();
    const { review, authenticity } = await ctx.db.transaction(async (m) => {
      const repo = m.getRepository(AuthenticityReviewRow);
      const review = await repo.save(
        repo.create({ flagKey: flag.flagKey, personId: flag.personId, decision, reason: trimmed, reviewerUserId: ctx.viewer?.userId ?? null, decidedAt: new Date(now) }),
      );
      const flags = await m.getRepository(AuthenticityFlagRow).findBy({ personId: flag.personId });
      const decisions = new Map<string, string>();
      const history = await m.getRepository(AuthenticityReviewRow).find({ where: { personId: flag.personId }, order: { decidedAt: 'ASC', id: 'ASC' } });
      for (const r of history) decisions.set(r.flagKey, r.decision);
      let value = 100;
      for (const f of flags) if (decisions.get(f.flagKey) !== FlagDecision.DISMISSED) value -= (JSON.parse(f.effect) as FlagEffect).authenticityPoints;
      const authenticity = Math.max(0, Math.round(value * 10) / 10);
      await m.query(`UPDATE person_score SET authenticity = ${ctx.db.placeholder(0)} WHERE person_id = ${ctx.db.placeholder(1)}`, [authenticity, flag.personId]);
      return { review, authenticity };
    });
    const [view] = await this.withStatus(ctx, [flag]);
    return { flag: view, review, authenticity };
  }

  private async withStatus(ctx: RequestContext, rows: AuthenticityFlagRow[]): Promise<FlagView[]> {
    const decisions = await latestDecisions(ctx.db, [...new Set(rows.map((r) => r.flagKey))]);
    return rows.map((r) => ({
      id: r.id,
      key: r.flagKey,
      personId: r.personId,
      kind: r.kind,
      role: r.role,
      network: r.network,
      severity: Number(r.severity),
      evidence: JSON.parse(r.evidence) as FlagEvidence,
      effect: JSON.parse(r.effect) as FlagEffect,
      detectedAt: r.detectedAt,
      lastSeenAt: r.asOf,
      status: (decisions.get(r.flagKey) as FlagStatus | undefined) ?? FlagStatus.PENDING,
    }));
  }
}
