import { scorePeople, type ExpertiseSnapshot, type NetworkImpact, type ScoringConfigOverrides } from '../../scoring';
import type { Database } from '../../db/database';
import { readEverything, readExpertise } from './scoring-data';
import { dayOf, endOfDay, storeScores } from './score-store';

export interface RescoreOptions {
  /** The instant to score at; now by default. */
  asOf: number;
  /** Also rebuild the daily history of this many days before asOf (oldest first). */
  backfillDays?: number;
  config?: ScoringConfigOverrides;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface RescoreSummary {
  asOf: number;
  people: number;
  interactions: number;
  days: number;
  readMs: number;
  scoreMs: number;
  writeMs: number;
  networkImpact: NetworkImpact;
}

/**
 * The full recompute, network impact included: reads everything once, scores every person at
 * asOf (and at the end of each backfilled day, oldest first so topic hysteresis carries forward),
 * and stores current scores, daily snapshots and expertise. Runs in a worker thread in production.
 */
export async function runFullRescore(db: Database, options: RescoreOptions): Promise<RescoreSummary> {
  const t0 = performance.now();
  let data: Awaited<ReturnType<typeof readEverything>> | undefined = await readEverything(db, options.asOf);
  const t1 = performance.now();
  const days: { asOf: number; day: string }[] = [];
  for (let back = options.backfillDays ?? 0; back >= 1; back--) {
    const day = dayOf(options.asOf - back * 86_400_000);
    days.push({ asOf: endOfDay(day), day });
  }
  days.push({ asOf: options.asOf, day: dayOf(options.asOf) });

  let previous: ExpertiseSnapshot | undefined = days.length > 1 ? undefined : await readExpertise(db, options.asOf);
  let interactionCount = 0;
  let scoreMs = 0;
  let writeMs = 0;
  let last: ReturnType<typeof scorePeople> | undefined;
  for (const [index, { asOf, day }] of days.entries()) {
    const s0 = performance.now();
    const current = index === days.length - 1;
    const content = asOf >= options.asOf ? data!.content : data!.content.filter((c) => c.postedAt <= asOf);
    const result = scorePeople({ ...data!, content, asOf, previousExpertise: previous, config: options.config });
    if (current) {
      interactionCount = data!.interactions.count;
      data = undefined; // hundreds of MB on a large world: let them go before writing
    }
    const s1 = performance.now();
    await db.transaction((m) =>
      storeScores(db, m, result.people, asOf, { current, snapshotDay: day, expertise: current ? result.expertise : undefined, everyone: true }),
    );
    scoreMs += s1 - s0;
    writeMs += performance.now() - s1;
    previous = { asOf, expertise: result.expertise };
    last = result;
    options.onProgress?.(index + 1, days.length, day);
  }
  return {
    asOf: options.asOf,
    people: last!.people.length,
    interactions: interactionCount,
    days: days.length,
    readMs: t1 - t0,
    scoreMs,
    writeMs,
    networkImpact: last!.networkImpact,
  };
}
