/** Bands of the 1–100 score scale, for audience breakdowns and charts: [min, max) except the last, which includes 100. */
export interface ScoreBand {
  /** Stable key, e.g. "40-59". */
  key: string;
  min: number;
  /** Exclusive upper bound (the last band's is 101, so 100 falls in it). */
  below: number;
}

export const SCORE_BANDS: readonly ScoreBand[] = [
  { key: '1-19', min: 1, below: 20 },
  { key: '20-39', min: 20, below: 40 },
  { key: '40-59', min: 40, below: 60 },
  { key: '60-79', min: 60, below: 80 },
  { key: '80-100', min: 80, below: 101 },
];

/** The band a score falls in. */
export function scoreBandOf(score: number): ScoreBand {
  return SCORE_BANDS.find((b) => score < b.below) ?? SCORE_BANDS[SCORE_BANDS.length - 1];
}
