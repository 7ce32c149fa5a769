import {
  compareScores,
  explainChange,
  type AuthenticityDiscounts,
  scorePeople,
  type NetworkImpact,
  type PersonScore,
  type ScoreChange,
  type ScoreComparison,
  type ScoringConfigOverrides,
  type TopicExpertise,
} from '../../scoring';
import { NotFoundError, ValidationError } from '../errors';
import { notOptedOut } from '../privacy/opt-out';
import type { RequestContext } from '../request-context';
import type { RescoreGuardBounds } from '../../config';
import type { ScoringCluster } from '../../cluster/scoring-cluster';
import { publishedStats, type HeldRescore } from './rescore-guard';
import { runRescoreOffThread, type DatabaseLocation } from './rescore-runner';
import type { RescoreOptions, RescoreSummary } from './rescore-job';
import type { ScoreCache } from './score-cache';
import { readAround, readExpertise } from './scoring-data';
import { dayOf, storeScores, unpackScore } from './score-store';
import { scoreRanks, type ScoreRank } from './score-rank';

/** One day of a person's score history. */
export interface ScorePoint {
  day: string;
  score: number;
  bandLow: number;
  bandHigh: number;
}

export interface ScoringServiceOptions {
  cache: ScoreCache;
  database: DatabaseLocation;
  config?: ScoringConfigOverrides;
  clock?: () => number;
  log?: (line: string) => void;
  /** Bounds of the rescore guard; no guard when absent. */
  guard?: RescoreGuardBounds;
  /** The engine of full rescores (tests inject a broken one; in-process only). */
  engine?: RescoreOptions['engine'];
  /** Tells the other instances of a cluster about full rescores. */
  cluster?: ScoringCluster;
  /** Each full rescore's outcome, for metrics and logs. */
  onFullRescore?: (outcome: { outcome: 'published' | 'held' | 'failed'; seconds: number; summary?: RescoreSummary; error?: unknown }) => void;
  /** Where the held rescore is kept so every instance's admin API shows it. */
  heldStore?: { get(): Promise<HeldRescore | undefined>; set(held: HeldRescore | undefined): Promise<void> };
}

/**
 * The scoring engine behind a cache. Reads come from the cache, then from stored scores; people
 * an ingest touched are marked stale and rescored on their next read, from their own data and the
 * network impact of the last full rescore. The full rescore runs off the request path.
 */
export class ScoringService {
  private impact: NetworkImpact | undefined;
  /** The authenticity discounts of the last full rescore: incremental rescores apply them too. */
  private discounts: AuthenticityDiscounts | undefined;
  private fullRescore: Promise<RescoreSummary> | undefined;
  private readonly inFlight = new Map<number, Promise<PersonScore | undefined>>();
  private readonly clock: () => number;
  private readonly log: (line: string) => void;

  constructor(private readonly options: ScoringServiceOptions) {
    this.clock = options.clock ?? Date.now;
    this.log = options.log ?? (() => undefined);
    options.cluster?.onRescored((impact) => {
      this.impact = impact;
    });
  }

  /** Current scores of these people; fresh for anyone an ingest touched since they were computed. */
  async scores(ctx: RequestContext, personIds: readonly number[]): Promise<Map<number, PersonScore>> {
    const ids = [...new Set(personIds)];
    const { cache } = this.options;
    const stale = await cache.staleAmong(ids);
    const found = await cache.getMany(ids.filter((id) => !stale.has(id)));
    const missing = ids.filter((id) => !found.has(id) && !stale.has(id));
    if (missing.length) {
      const stored = await this.readStored(ctx, missing);
      await cache.setMany([...stored.values()]);
      for (const [id, s] of stored) found.set(id, s);
    }
    const toCompute = ids.filter((id) => !found.has(id));
    if (toCompute.length) for (const [id, s] of await this.recompute(ctx, toCompute)) found.set(id, s);
    return found;
  }

  /**
   * Where these people's published scores stand among everyone's: rank and percentile by the stored
   * raw value at full precision (see score-rank.ts). Read after their scores (a stale person's
   * score is recomputed and stored on its read), so they describe the score served.
   */
  async ranks(ctx: RequestContext, personIds: readonly number[]): Promise<Map<number, ScoreRank>> {
    return scoreRanks(ctx.db, [...new Set(personIds)]);
  }

  /** Drops every cached trace of these people (scores and stale marks): after an opt-out or an erasure. */
  async forget(personIds: readonly number[]): Promise<void> {
    if (personIds.length) await this.options.cache.forget(personIds);
  }

  /** Marks people whose data changed; their next read recomputes them. */
  async invalidate(personIds: readonly number[]): Promise<void> {
    if (personIds.length) await this.options.cache.invalidate(personIds);
  }

  /** Topic expertise of these people, strongest first; only topics they are active in unless `all`. */
  async expertise(ctx: RequestContext, personIds: readonly number[], all = false): Promise<Map<number, TopicExpertise[]>> {
    await this.scores(ctx, personIds); // recomputes stale people, expertise included
    const snapshot = await readExpertise(ctx.db, this.clock(), personIds);
    const out = new Map<number, TopicExpertise[]>();
    for (const id of personIds) {
      const list = (snapshot.expertise.get(id) ?? []).filter((t) => all || t.active);
      out.set(id, list.sort((a, b) => b.expertise - a.expertise || (a.topicId < b.topicId ? -1 : 1)));
    }
    return out;
  }

  /** Daily scores of several people between two UTC days, inclusive, oldest first. */
  async history(ctx: RequestContext, personIds: readonly number[], from: string, to: string): Promise<Map<number, ScorePoint[]>> {
    validateRange(from, to);
    const sql = ctx.db.binder();
    const rows: { person_id: number; day: string; score: number; band_low: number; band_high: number }[] = await ctx.db.reader.query(
      `SELECT person_id, day, score, band_low, band_high FROM score_snapshot WHERE person_id IN (${sql.list(personIds)}) AND day >= ${sql.bind(from)} AND day <= ${sql.bind(to)} ORDER BY person_id, day`,
      sql.params,
    );
    const out = new Map<number, ScorePoint[]>(personIds.map((id) => [id, []]));
    for (const r of rows) out.get(Number(r.person_id))?.push({ day: r.day, score: Number(r.score), bandLow: Number(r.band_low), bandHigh: Number(r.band_high) });
    return out;
  }

  /** What changed between the snapshots of two days, and which components moved it. */
  async change(ctx: RequestContext, personId: number, from: string, to: string): Promise<ScoreChange> {
    validateRange(from, to, true);
    const p = (i: number) => ctx.db.placeholder(i);
    const rows: { day: string; details: string }[] = await ctx.db.reader.query(
      `SELECT day, details FROM score_snapshot WHERE person_id = ${p(0)} AND day IN (${p(1)}, ${p(2)})`,
      [personId, from, to],
    );
    const byDay = new Map(rows.map((r) => [r.day, unpackScore(r.details)]));
    const before = byDay.get(from);
    const after = byDay.get(to);
    if (!before) throw new NotFoundError(`Score snapshot of ${from}`, 'from');
    if (!after) throw new NotFoundError(`Score snapshot of ${to}`, 'to');
    return explainChange(before, after);
  }

  async compare(ctx: RequestContext, a: number, b: number): Promise<ScoreComparison> {
    const scores = await this.scores(ctx, [a, b]);
    const [sa, sb] = [scores.get(a), scores.get(b)];
    if (!sa) throw new NotFoundError('Person', 'a');
    if (!sb) throw new NotFoundError('Person', 'b');
    return compareScores(sa, sb);
  }

  /**
   * The full recompute (network impact included), off the request path. A concurrent plain call
   * shares the run under way. Afterwards every cached score is dropped: the stored ones are newer.
   */
  rescoreAll(
    ctx: RequestContext,
    options: { backfillDays?: number; onProgress?: (done: number, total: number, label: string) => void; /** Publish even if the guard would hold it. */ force?: boolean } = {},
  ): Promise<RescoreSummary> {
    // A plain rescore joins one under way; one that rebuilds history or is forced waits for it and runs its own.
    if (this.fullRescore && !options.backfillDays && !options.force) return this.fullRescore;
    const previous = this.fullRescore?.catch(() => undefined);
    // Declared first: the closure compares the current run with itself when it finishes.
    let run: Promise<RescoreSummary> | undefined;
    run = (async () => {
      await previous;
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const guard = this.options.guard && !options.force ? { bounds: this.options.guard, baseline: await publishedStats(ctx.db) } : undefined;
        const summary = await runRescoreOffThread(ctx.db, this.options.database, {
          asOf: this.clock(),
          backfillDays: options.backfillDays,
          config: this.options.config,
          onProgress: options.onProgress,
          guard,
          engine: this.options.engine,
        });
        if (summary.held) {
          // The last good scores stay: no new impact, no cache flush.
          const held: HeldRescore = { heldAt: this.clock(), asOf: summary.asOf, reasons: summary.held.reasons, candidate: summary.held.candidate, baseline: summary.held.baseline };
          await this.options.heldStore?.set(held);
          this.log(`Rescore held, not published: ${held.reasons.join('; ')}`);
          this.options.onFullRescore?.({ outcome: 'held', seconds: seconds(), summary });
          return summary;
        }
        this.impact = summary.networkImpact;
        this.discounts = summary.discounts;
        await this.options.cache.clear();
        await this.options.heldStore?.set(undefined);
        await this.options.cluster?.announceRescore(this.impact);
        this.log(`Rescored ${summary.people.toLocaleString('en')} people over ${summary.days} day(s) (read ${ms(summary.readMs)}, authenticity ${ms(summary.detectMs)}: ${summary.flags} flags, score ${ms(summary.scoreMs)}, write ${ms(summary.writeMs)})`);
        this.options.onFullRescore?.({ outcome: 'published', seconds: seconds(), summary });
        return summary;
      } catch (error) {
        this.options.onFullRescore?.({ outcome: 'failed', seconds: seconds(), error });
        throw error;
      } finally {
        if (this.fullRescore === run) this.fullRescore = undefined;
      }
    })();
    this.fullRescore = run;
    return run;
  }

  /** The full rescore the guard held, if any (shared by the cluster when it has a held store). */
  async heldRescore(): Promise<HeldRescore | undefined> {
    return this.options.heldStore?.get();
  }

  /** Resolves once no full rescore is running (shutdown waits for it rather than cut it off). */
  async whenIdle(): Promise<void> {
    await this.fullRescore?.catch(() => undefined);
  }

  /** Waits for a running rescore, then lets go of the cache. */
  async close(): Promise<void> {
    await this.whenIdle();
    await this.options.cache.close();
  }

  /** Whether a full rescore is running now. */
  get rescoring(): boolean {
    return this.fullRescore !== undefined;
  }

  private async readStored(ctx: RequestContext, personIds: readonly number[]): Promise<Map<number, PersonScore>> {
    const out = new Map<number, PersonScore>();
    for (let at = 0; at < personIds.length; at += 5000) {
      const chunk = personIds.slice(at, at + 5000);
      const rows: { person_id: number; details: string; breakdown: string; raw: number | string }[] = await ctx.db.reader.query(
        `SELECT person_id, details, breakdown, raw FROM person_score WHERE person_id IN (${chunk.map((_, i) => ctx.db.placeholder(i)).join(',')})`,
        chunk,
      );
      // The packed details keep raw to four decimals; the column keeps it whole.
      for (const r of rows) out.set(Number(r.person_id), { ...unpackScore(r.details, r.breakdown), raw: Number(r.raw) });
    }
    return out;
  }

  /** Rescores a few people from their own data; concurrent reads of the same person share the work. */
  private async recompute(ctx: RequestContext, personIds: number[]): Promise<Map<number, PersonScore>> {
    // Taken now, not after an await: the run that owns them forgets them when it finishes.
    const waiting = personIds.flatMap((id) => {
      const pending = this.inFlight.get(id);
      return pending ? [[id, pending] as const] : [];
    });
    const todo = personIds.filter((id) => !this.inFlight.has(id));
    const work = todo.length ? this.computeSubset(ctx, todo) : Promise.resolve(new Map<number, PersonScore>());
    for (const id of todo) this.inFlight.set(id, work.then((m) => m.get(id)));
    try {
      const out = await work;
      for (const [id, pending] of waiting) {
        const score = await pending;
        if (score) out.set(id, score);
      }
      return out;
    } finally {
      for (const id of todo) this.inFlight.delete(id);
    }
  }

  private async computeSubset(ctx: RequestContext, personIds: number[]): Promise<Map<number, PersonScore>> {
    const asOf = this.clock();
    const [known, impact] = await Promise.all([this.existingPeople(ctx, personIds), this.networkImpact(ctx)]);
    const ids = personIds.filter((id) => known.has(id));
    const out = new Map<number, PersonScore>();
    if (ids.length) {
      const [data, previous] = await Promise.all([readAround(ctx.db, ids, asOf), readExpertise(ctx.db, asOf, ids)]);
      const result = scorePeople({ ...data, asOf, networkImpact: impact, previousExpertise: previous, personIds: ids, config: this.options.config, discounts: this.discounts });
      const scored = result.people.filter((s) => known.has(s.personId));
      const expertise = new Map(ids.map((id) => [id, result.expertise.get(id) ?? []]));
      await ctx.db.transaction((m) => storeScores(ctx.db, m, scored, asOf, { current: true, snapshotDay: dayOf(asOf), expertise }));
      for (const s of scored) out.set(s.personId, s);
      await this.options.cache.setMany(scored);
    }
    await this.options.cache.markFresh(personIds);
    return out;
  }

  private async existingPeople(ctx: RequestContext, personIds: readonly number[]): Promise<Set<number>> {
    const rows: { id: number }[] = await ctx.db.reader.query(
      // Privacy: an opted-out person is never scored (server/services/privacy).
      `SELECT id FROM person WHERE id IN (${personIds.map((_, i) => ctx.db.placeholder(i)).join(',')}) AND ${notOptedOut('person.id')}`,
      [...personIds],
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** The network impact of the last full rescore; runs one if this process has none yet. */
  private async networkImpact(ctx: RequestContext): Promise<NetworkImpact> {
    // Another instance of the cluster may have published one already: cheaper than rescoring everyone.
    if (!this.impact && this.options.cluster) this.impact = await this.options.cluster.loadImpact();
    if (!this.impact) await this.rescoreAll(ctx);
    if (!this.impact) throw new Error('No network impact is published: the first full rescore is held by the guard until an admin publishes it');
    return this.impact;
  }
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function validateRange(from: string, to: string, allowEqual = true): void {
  if (!DAY_PATTERN.test(from) || Number.isNaN(Date.parse(from))) throw new ValidationError([{ field: 'from', message: 'must be a day, YYYY-MM-DD' }]);
  if (!DAY_PATTERN.test(to) || Number.isNaN(Date.parse(to))) throw new ValidationError([{ field: 'to', message: 'must be a day, YYYY-MM-DD' }]);
  if (to < from || (!allowEqual && to === from)) throw new ValidationError([{ field: 'to', message: 'must not be before from' }]);
}

function ms(v: number): string {
  return `${(v / 1000).toFixed(1)} s`;
}
