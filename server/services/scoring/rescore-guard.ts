import type { RescoreGuardBounds } from '../../config';
import type { Database } from '../../db/database';

/**
 * The rescore guard. Klout once published a rescore that dropped every score to 1; ours checks a
 * full rescore's result against the last good one before publishing it, and holds it when it looks
 * broken: NaN or out-of-range scores, people who had a score and have none, or a median or share
 * of people at the floor (a score of 1) that moved beyond the configured bounds. The last good
 * scores stay; an admin can publish the held rescore anyway.
 */

/** The figures of a set of scores the guard compares. */
export interface ScoreStats {
  /** People with a score. */
  people: number;
  /** Scores that are NaN, infinite or outside 1..100. */
  invalid: number;
  median: number;
  /** Share of people at the floor score of 1 (0..1). */
  floorShare: number;
}

export interface GuardVerdict {
  ok: boolean;
  /** Why the candidate is held, one sentence per failed check; empty when ok. */
  reasons: string[];
  candidate: ScoreStats;
  /** The last good scores' figures; undefined on the first rescore (nothing to compare with). */
  baseline: ScoreStats | undefined;
}

/** What the guard needs to travel to the rescore's worker thread: plain data. */
export interface RescoreGuardInput {
  bounds: RescoreGuardBounds;
  baseline: ScoreStats | undefined;
}

const FLOOR = 1;

export function scoreStats(scores: Iterable<number>): ScoreStats {
  const valid: number[] = [];
  let invalid = 0;
  for (const s of scores) {
    if (typeof s === 'number' && Number.isFinite(s) && s >= 1 && s <= 100) valid.push(s);
    else invalid++;
  }
  valid.sort((a, b) => a - b);
  const mid = valid.length >> 1;
  const median = valid.length === 0 ? 0 : valid.length % 2 ? valid[mid] : (valid[mid - 1] + valid[mid]) / 2;
  const atFloor = valid.filter((s) => s <= FLOOR).length;
  return { people: valid.length + invalid, invalid, median, floorShare: valid.length ? atFloor / valid.length : 0 };
}

/** Pure: whether a candidate rescore may be published over the last good one. */
export function checkRescore(candidate: ScoreStats, baseline: ScoreStats | undefined, bounds: RescoreGuardBounds): GuardVerdict {
  const reasons: string[] = [];
  if (candidate.invalid > 0) reasons.push(`${candidate.invalid} score(s) are NaN or outside 1..100`);
  if (baseline && candidate.people < baseline.people) reasons.push(`${baseline.people - candidate.people} people who had a score have none`);
  if (baseline && baseline.people >= bounds.minPeople && candidate.people > 0) {
    const medianShift = Math.abs(candidate.median - baseline.median);
    if (medianShift > bounds.maxMedianShift) {
      reasons.push(`the median score moved by ${round(medianShift)} points (${round(baseline.median)} → ${round(candidate.median)}), more than the bound of ${bounds.maxMedianShift}`);
    }
    const floorShift = Math.abs(candidate.floorShare - baseline.floorShare);
    if (floorShift > bounds.maxFloorShareShift) {
      reasons.push(
        `the share of people at the floor score of 1 moved from ${pct(baseline.floorShare)} to ${pct(candidate.floorShare)}, more than the bound of ${pct(bounds.maxFloorShareShift)}`,
      );
    }
  }
  return { ok: reasons.length === 0, reasons, candidate, baseline };
}

/** The published scores' figures: the baseline a new full rescore is checked against. */
export async function publishedStats(db: Database): Promise<ScoreStats | undefined> {
  // Only people a full rescore scores (those with an account): someone scored on read without one is no loss.
  const rows: { score: number }[] = await db.reader.query(
    'SELECT s.score FROM person_score s WHERE EXISTS (SELECT 1 FROM network_account a WHERE a.person_id = s.person_id)',
  );
  return rows.length ? scoreStats(rows.map((r) => Number(r.score))) : undefined;
}

/** A rescore the guard held: what an admin sees before deciding to publish it anyway. */
export interface HeldRescore {
  /** When it was held (epoch ms). */
  heldAt: number;
  /** The instant it scored at. */
  asOf: number;
  reasons: string[];
  candidate: ScoreStats;
  baseline: ScoreStats | undefined;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

function pct(v: number): string {
  return `${Math.round(v * 1000) / 10}%`;
}
