import {
  measureScoreEffects,
  prepareScoring,
  resolveScoringConfig,
  type AuthenticityDiscounts,
  type ExpertiseSnapshot,
  type NetworkImpact,
  type PreparedScoring,
  type ScoringConfigOverrides,
  type ScoringInput,
  type scorePeople,
} from '../../scoring';
import type { Database } from '../../db/database';
import { detectForRescore, storeAuthenticity } from '../authenticity/authenticity-rescore';
import { checkRescore, scoreStats, type GuardVerdict, type RescoreGuardInput } from './rescore-guard';
import { readEverything, readExpertise, type Everything } from './scoring-data';
import { dayOf, endOfDay, storeScores } from './score-store';

/** Page cache of the rescore's own reader connections (see DatabaseOptions.readerCacheKib). */
export const RESCORE_READER_CACHE_KIB = 4096;

export interface RescoreOptions {
  /** The instant to score at; now by default. */
  asOf: number;
  /** Also rebuild the daily history of this many days before asOf (oldest first). */
  backfillDays?: number;
  config?: ScoringConfigOverrides;
  onProgress?: (done: number, total: number, label: string) => void;
  /** Checks the current scores as they are written; a broken-looking result is rolled back and held. */
  guard?: RescoreGuardInput;
  /** The engine; tests inject a broken one (in-process runs only: a function does not cross to a worker). */
  engine?: typeof scorePeople;
}

/** Thrown inside the current day's transaction so that nothing of a held rescore is written. */
class HeldByGuard extends Error {
  constructor(readonly verdict: GuardVerdict) {
    super('rescore held by the guard');
  }
}

/** An injected whole-result engine, seen through the streaming interface the job uses. */
function prepareWith(engine: RescoreOptions['engine'], input: ScoringInput): PreparedScoring {
  if (!engine) return prepareScoring(input);
  const result = engine(input);
  return { config: resolveScoringConfig(input.config), networkImpact: result.networkImpact, stats: result.stats, count: result.people.length, score: (i) => result.people[i], expertise: () => result.expertise };
}

export interface RescoreSummary {
  asOf: number;
  people: number;
  interactions: number;
  days: number;
  readMs: number;
  /** Preparing (ledger, network impact) and scoring people, on the job's thread. */
  scoreMs: number;
  /** The rest of the writing: packing, and waiting for the database beyond what overlapped with scoring. */
  writeMs: number;
  networkImpact: NetworkImpact;
  /** Authenticity: the discounts applied (incremental rescores reuse them), flags found, time detecting and measuring flags' score effects. */
  discounts: AuthenticityDiscounts;
  flags: number;
  detectMs: number;
  /** Set when the guard held the current scores: nothing of the current day was written. */
  held?: GuardVerdict;
}

/**
 * The full recompute, network impact included: reads everything once, scores every person at
 * asOf (and at the end of each backfilled day, oldest first so topic hysteresis carries forward),
 * and stores current scores, daily snapshots and expertise. People are scored as their chunk is
 * written, so no more than a chunk of scores is ever held, and scoring the next chunk overlaps
 * with the database writing the last. Runs in a worker thread in production.
 */
export async function runFullRescore(db: Database, options: RescoreOptions): Promise<RescoreSummary> {
  const t0 = performance.now();
  let data: Everything | undefined = await readEverything(db, options.asOf);
  const t1 = performance.now();
  // Authenticity (a separate step): detect once at asOf; its discounts apply to every day scored.
  const authenticity = await detectForRescore(db, data, options.asOf);
  let detectMs = performance.now() - t1;
  const days: { asOf: number; day: string }[] = [];
  for (let back = options.backfillDays ?? 0; back >= 1; back--) {
    const day = dayOf(options.asOf - back * 86_400_000);
    days.push({ asOf: endOfDay(day), day });
  }
  days.push({ asOf: options.asOf, day: dayOf(options.asOf) });

  let previous: ExpertiseSnapshot | undefined = days.length > 1 ? undefined : await readExpertise(db, options.asOf);
  const interactionCount = data.interactions.count;
  let scoreMs = 0;
  let writeMs = 0;
  let people = 0;
  let networkImpact: NetworkImpact | undefined;
  for (const [index, { asOf, day }] of days.entries()) {
    const s0 = performance.now();
    const current = index === days.length - 1;
    const content = asOf >= options.asOf ? data!.content : data!.content.filter((c) => c.postedAt <= asOf);
    const scoring = prepareWith(options.engine, { ...data!, content, asOf, previousExpertise: previous, config: options.config, discounts: authenticity.discounts });
    let effectMs = 0;
    if (current) {
      const e0 = performance.now();
      measureScoreEffects({ ...data!, asOf }, authenticity, scoring.networkImpact); // authenticity: points each discount took
      effectMs = performance.now() - e0;
      detectMs += effectMs;
      data = undefined; // the engine keeps what it needs: let the records go before writing
    }
    const expertise = scoring.expertise();
    let scoringMs = performance.now() - s0 - effectMs;
    // The guard sees every current score as it is written and rolls the day back if the whole looks broken.
    const guarded = current && options.guard ? new Float64Array(scoring.count) : undefined;
    const timed = {
      count: scoring.count,
      score: (i: number) => {
        const s = performance.now();
        const score = scoring.score(i);
        scoringMs += performance.now() - s;
        if (guarded) {
          guarded[i] = score.score;
          // Written as a placeholder so the write goes on and every broken score is counted; the day is rolled back below.
          if (!Number.isFinite(score.score)) return { ...score, score: 1, band: { low: 1, high: 1 } };
        }
        return score;
      },
    };
    try {
      await db.transaction(async (m) => {
        await storeScores(db, m, timed, asOf, { current, snapshotDay: day, expertise: current ? expertise : undefined, everyone: true });
        if (guarded) {
          const verdict = checkRescore(scoreStats(guarded), options.guard!.baseline, options.guard!.bounds);
          if (!verdict.ok) throw new HeldByGuard(verdict);
        }
      });
    } catch (err) {
      if (!(err instanceof HeldByGuard)) throw err;
      return {
        asOf: options.asOf, people: scoring.count, interactions: interactionCount, days: days.length, readMs: t1 - t0, scoreMs: scoreMs + scoringMs, writeMs,
        networkImpact: scoring.networkImpact, discounts: authenticity.discounts, flags: authenticity.flags.length, detectMs,
        held: err.verdict,
      };
    }
    scoreMs += scoringMs;
    writeMs += performance.now() - s0 - effectMs - scoringMs;
    previous = { asOf, expertise };
    people = scoring.count;
    networkImpact = scoring.networkImpact;
    options.onProgress?.(index + 1, days.length, day);
  }
  const w0 = performance.now();
  await storeAuthenticity(db, authenticity);
  writeMs += performance.now() - w0;
  return {
    asOf: options.asOf,
    people,
    interactions: interactionCount,
    days: days.length,
    readMs: t1 - t0,
    scoreMs,
    writeMs,
    networkImpact: networkImpact!,
    discounts: authenticity.discounts,
    flags: authenticity.flags.length,
    detectMs,
  };
}
