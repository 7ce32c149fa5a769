import type { AuthenticityConfig } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The detectors' thresholds; see server/scoring/README.md ("Authenticity") for why each has its value. */
export const DEFAULT_AUTHENTICITY_CONFIG: AuthenticityConfig = Object.freeze({
  selfMinInteractions: 3,
  massFollowMin: 300,
  massFollowRatio: 10,
  thinMaxFollowers: 10,
  burstMin: 30,
  burstWindowMs: HOUR,
  burstMinRatio: 10,
  burstBaselineMinMs: DAY,
  burstMinPeakRatio: 3,
  burstMinPerAccount: 2,
  burstRepeatShare: 0.5,
  puppetMinActions: 8,
  puppetTopShare: 0.8,
  puppetMinSpanMs: 2 * DAY,
  puppetMinArmy: 3,
  puppetMinArmyShare: 0.25,
  ringMutualMin: 3,
  ringMinMutuals: 4,
  ringMinClosure: 0.5,
  ringMinInsideShare: 0.5,
  ringMaxOutsideShare: 0.5,
  ringScheduleMs: HOUR,
  ringMinScheduleShare: 0.5,
  ringSealedOutsideShare: 0.1,
  duplicateMinCopies: 3,
  duplicateCommentMin: 1,
  kTradeWindowMs: 14 * DAY,
});
