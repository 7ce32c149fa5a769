import { checkKGrant, DEFAULT_SCORING_CONFIG, type KGrant, type KGrantRule, type ScoringConfig } from '../scoring';
import { KGrantRow, Person, Topic } from '../entities';
import { requireViewer } from './auth/access';
import { ForbiddenError, ValidationError } from './errors';
import { notOptedOut } from './privacy/opt-out';
import type { RequestContext } from './request-context';

const DAY_MS = 86_400_000;
/** First key of the PostgreSQL advisory locks taken per giver ('K'); the second is the giver's id. */
const K_LOCK_SPACE = 0x4b;

export interface KServiceOptions {
  /** Told who received +K once the grant is committed: the scoring service marks them stale. */
  onGranted: (personIds: readonly number[]) => Promise<void>;
  limits?: ScoringConfig['kGrantLimits'];
  clock?: () => number;
}

/** A +K just given. */
export interface GivenK {
  id: number;
  giverPersonId: number;
  receiverPersonId: number;
  topicId: string;
  givenAt: Date;
  /** How many more the giver may give in the next 24 hours. */
  remainingToday: number;
}

/** +K received by one person in one topic. */
export interface KCount {
  topicId: string;
  count: number;
}

/** Field each refusal is about, in the words of the giveK mutation's arguments. */
const RULE_FIELD: Record<KGrantRule, 'personId' | 'topicId'> = {
  SELF: 'personId',
  NOT_YET: 'topicId',
  NO_TOPIC: 'topicId',
  DAILY_LIMIT: 'personId',
  PAIR_TOPIC_COOLDOWN: 'topicId',
};

/**
 * +K: one person vouching for another's expertise in a topic. The giver is the viewer's person.
 * The limits (checkKGrant: none to oneself, at most 5 in 24 hours, one per receiver and topic
 * every 30 days) are checked inside the write transaction, under a lock per giver, so concurrent
 * requests by one giver cannot together pass a limit.
 */
export class KService {
  private readonly limits: ScoringConfig['kGrantLimits'];
  private readonly clock: () => number;

  constructor(private readonly options: KServiceOptions) {
    this.limits = options.limits ?? DEFAULT_SCORING_CONFIG.kGrantLimits;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * Gives +K from the viewer's person to `receiverPersonId` in `topicId`.
   * Anonymous → UNAUTHENTICATED; a user with no person → FORBIDDEN; unknown person or topic and
   * every refusal by the rules → BAD_USER_INPUT on `personId` or `topicId`, with extensions.rule.
   */
  async give(ctx: RequestContext, receiverPersonId: number, topicId: string): Promise<GivenK> {
    const viewer = requireViewer(ctx, 'give +K');
    const giverPersonId = viewer.personId;
    if (giverPersonId == null) throw new ForbiddenError('only a user linked to a person can give +K');
    const grant: KGrant = { giverPersonId, receiverPersonId, topicId, givenAt: this.clock() };
    this.refuseIfBroken(checkKGrant([], grant, grant.givenAt, this.limits), []); // self, before anything is read

    const [receiverExists, topicExists] = await Promise.all([
      // Someone opted out of scoring has no public profile: as if unknown (privacy).
      ctx.db.reader.getRepository(Person).createQueryBuilder('p').where('p.id = :id', { id: receiverPersonId }).andWhere(notOptedOut('p.id')).getExists(),
      ctx.db.reader.getRepository(Topic).existsBy({ id: topicId }),
    ]);
    const unknown = [
      ...(receiverExists ? [] : [{ field: 'personId', message: 'names no person' }]),
      ...(topicExists ? [] : [{ field: 'topicId', message: 'names no topic' }]),
    ];
    if (unknown.length) throw new ValidationError(unknown);

    const given = await ctx.db.transaction(async (m) => {
      // SQLite runs one write transaction at a time (Database.transaction); PostgreSQL needs a lock.
      if (ctx.db.dialect === 'postgres') await m.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [K_LOCK_SPACE, giverPersonId]);
      const now = this.clock(); // after the wait: the grant is dated when it is checked
      const history = await this.recentGrantsBy(ctx, m.query.bind(m), giverPersonId, now);
      const dated = { ...grant, givenAt: now };
      this.refuseIfBroken(checkKGrant(history, dated, now, this.limits), history, dated);
      const repo = m.getRepository(KGrantRow);
      const row = await repo.save(repo.create({ giverPersonId, receiverPersonId, topicId, givenAt: new Date(now) }));
      const today = history.filter((g) => g.givenAt > now - DAY_MS).length + 1;
      return { id: row.id, giverPersonId, receiverPersonId, topicId, givenAt: new Date(now), remainingToday: Math.max(0, this.limits.perDay - today) };
    });
    await this.options.onGranted([receiverPersonId]);
    return given;
  }

  /** +K each person received, counted per topic, most first. */
  async receivedCounts(ctx: RequestContext, personIds: readonly number[]): Promise<Map<number, KCount[]>> {
    const out = new Map<number, KCount[]>(personIds.map((id) => [id, []]));
    if (!personIds.length) return out;
    const b = ctx.db.binder();
    const rows: { receiver_person_id: number | string; topic_id: string; n: number | string }[] = await ctx.db.reader.query(
      `SELECT receiver_person_id, topic_id, COUNT(*) AS n FROM k_grant WHERE receiver_person_id IN (${b.list(personIds)}) GROUP BY receiver_person_id, topic_id`,
      b.params,
    );
    for (const r of rows) out.get(Number(r.receiver_person_id))?.push({ topicId: r.topic_id, count: Number(r.n) });
    for (const list of out.values()) list.sort((a, b) => b.count - a.count || (a.topicId < b.topicId ? -1 : 1));
    return out;
  }

  /** The giver's grants recent enough to matter to any limit. */
  private async recentGrantsBy(ctx: RequestContext, query: (sql: string, params: unknown[]) => Promise<unknown[]>, giverPersonId: number, now: number): Promise<KGrant[]> {
    const since = now - Math.max(1, this.limits.pairTopicCooldownDays) * DAY_MS;
    const p = (i: number) => ctx.db.placeholder(i);
    const rows = (await query(
      `SELECT giver_person_id, receiver_person_id, topic_id, given_at FROM k_grant WHERE giver_person_id = ${p(0)} AND given_at > ${p(1)}`,
      [giverPersonId, since],
    )) as { giver_person_id: number | string; receiver_person_id: number | string; topic_id: string; given_at: number | string }[];
    return rows.map((r) => ({ giverPersonId: Number(r.giver_person_id), receiverPersonId: Number(r.receiver_person_id), topicId: r.topic_id, givenAt: Number(r.given_at) }));
  }

  /** BAD_USER_INPUT for a refused grant: the field, checkKGrant's reason, the rule and when it may be given. */
  private refuseIfBroken(check: ReturnType<typeof checkKGrant>, history: readonly KGrant[], grant?: KGrant): void {
    if (check.ok) return;
    const retryAt = grant ? this.retryAt(check.rule, history, grant) : undefined;
    const when = retryAt ? `; possible again from ${new Date(retryAt).toISOString()}` : '';
    throw new ValidationError(
      [{ field: RULE_FIELD[check.rule], message: `${check.reason}${when}` }],
      { rule: check.rule, ...(retryAt ? { retryAt: new Date(retryAt).toISOString() } : {}) },
    );
  }

  /** When the grant refused by `rule` would pass: the earliest grant that holds it back leaves its window. */
  private retryAt(rule: KGrantRule, history: readonly KGrant[], grant: KGrant): number | undefined {
    const mine = history.filter((g) => g.giverPersonId === grant.giverPersonId && g.givenAt <= grant.givenAt);
    if (rule === 'DAILY_LIMIT') {
      const today = mine.filter((g) => g.givenAt > grant.givenAt - DAY_MS).map((g) => g.givenAt).sort((a, b) => a - b);
      const leaving = today[today.length - this.limits.perDay];
      return leaving === undefined ? undefined : leaving + DAY_MS;
    }
    if (rule === 'PAIR_TOPIC_COOLDOWN') {
      const last = Math.max(...mine.filter((g) => g.receiverPersonId === grant.receiverPersonId && g.topicId === grant.topicId).map((g) => g.givenAt));
      return Number.isFinite(last) ? last + this.limits.pairTopicCooldownDays * DAY_MS : undefined;
    }
    return undefined;
  }
}
