import { DEFAULT_SCORING_CONFIG, type ScoringConfig } from './config';
import type { ScoreBand } from './types';

/**
 * The fixed map from raw value to the 1..100 scale:
 *
 *   score = 1 + 99 · raw^k / (raw^k + M^k)      (k = steepness = 1, M = rawAtMidpoint = 40)
 *
 * i.e. a logistic in log(raw): 1 at raw 0, 50 at raw M, 80 at raw ≈ 4M, 90 at ≈ 9M, 99 at ≈ 97M.
 * It depends on nothing but raw, so a score never moves because somebody else's did, and it is
 * strictly increasing, so it keeps the order of raw values. Heavy-tailed raw values (most people
 * have a handful of reactors, a few have thousands) come out mostly low with very few above 80.
 */
export function toScale(raw: number, scale: ScoringConfig['scale'] = DEFAULT_SCORING_CONFIG.scale): number {
  if (!(raw > 0)) return 1;
  if (raw === Infinity) return 100;
  // raw^k / (raw^k + M^k) written as 1 / (1 + (M/raw)^k) so huge raws do not overflow.
  return 1 + 99 / (1 + Math.pow(scale.rawAtMidpoint / raw, scale.steepness));
}

/** Scores are shown with one decimal. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}

/**
 * Evidence → band. The half-width shrinks as 1/√(1 + evidence) — the way a standard error does —
 * from maxHalfWidth points with no evidence at all, and the band is clipped to 1..100.
 */
export function scoreBand(score: number, evidence: number, band: ScoringConfig['band']): ScoreBand {
  const halfWidth = band.maxHalfWidth / Math.sqrt(1 + Math.max(0, evidence));
  return {
    low: roundScore(Math.max(1, score - halfWidth)),
    high: roundScore(Math.min(100, score + halfWidth)),
  };
}
