import { InteractionKind } from '#shared/interactions';
import type { ScoringConfigOverrides } from './types';

/**
 * Every constant of the model. The defaults are the product; overrides exist for experiments
 * and tests. See server/scoring/README.md for what each one does and why it has its value.
 */
export interface ScoringConfig {
  /** An event counts in full for its first fullWeightDays... */
  fullWeightDays: number;
  /** ...then its weight halves every halfLifeDays. No window, no cliff. */
  halfLifeDays: number;
  /** What one reaction of each kind is worth before decay and diminishing returns. */
  kindWeights: Record<InteractionKind, number>;
  reach: {
    /** A reactor counts 1 − exp(−s / saturation) reactors, s their weighted decayed reactions: one fresh like ≈ 0.86. */
    saturation: number;
    /** Followers are worth at most this many reactors (log scale, capped). */
    followerWeight: number;
    /** The follower count (summed over accounts) at which the follower term reaches its cap. */
    followersAtCap: number;
  };
  /**
   * A reaction counts 1 / log2(2 + max(0, G − freeReactions) / normalReactions), G = effective
   * reactions the reactor gave to others: 1 for anyone who reacts a normal amount, 0.5 at
   * free + normal, 0.15 at free + 100 × normal (someone liking everything).
   */
  selectivity: {
    /** Reactions given to others that cost nothing (per half-life): an ordinary audience member's activity. */
    freeReactions: number;
    /** Past the free ones, this many more halve a reaction's worth. */
    normalReactions: number;
  };
  amplification: {
    /** Amplification divides by max(minPosts, effective posts), so one lucky post is not a rate. */
    minPosts: number;
  };
  /**
   * Weights of the components in the raw value (raw = Σ weight × value). Conversation is measured and
   * shown but weighs 0: the replies and comments a person receives already count as reactions (reach,
   * impact), and the ones they give spread nothing of theirs; so talking never lowers a score and
   * chattiness alone never raises it.
   */
  weights: {
    reach: number;
    amplification: number;
    networkImpact: number;
    conversation: number;
  };
  /**
   * A reactor's influence factor is 1 + λ × their onward audience (network-impact.ts): the people who
   * react to them, and to those, `depth` hops out, each further hop counted at λ = thresholdMultiple ×
   * the epidemic threshold ⟨k⟩/⟨k²⟩ of their community, at most maxWeight.
   */
  onward: {
    thresholdMultiple: number;
    maxWeight: number;
    depth: number;
  };
  /** score = 1 + 99 · raw^steepness / (raw^steepness + rawAtMidpoint^steepness). */
  scale: {
    rawAtMidpoint: number;
    steepness: number;
  };
  /** Band half-width = maxHalfWidth / √(1 + evidence), evidence = Σ weight × effective count. */
  band: {
    maxHalfWidth: number;
    reactorWeight: number;
    reactionWeight: number;
    contentWeight: number;
    conversationWeight: number;
  };
  topics: {
    /** Share of a topic's credit that flows to its parents (split evenly among them). */
    upwardShare: number;
    /** Credit at which expertise reaches 50: expertise = 100 · credit / (credit + creditAtHalf). */
    creditAtHalf: number;
    /** A topic becomes active at or above this expertise... */
    enterThreshold: number;
    /** ...and stops being active only below this one. */
    leaveThreshold: number;
    /** Topics below this expertise (and not active) are not listed. */
    minReported: number;
    /** Expertise never falls faster than halving every fadeHalfLifeDays from the previous snapshot. */
    fadeHalfLifeDays: number;
    /** Credit of one fresh +K from a giver without expertise in the topic. */
    kGrantCredit: number;
    /** A giver with expertise E in the topic multiplies that by (1 + kGiverExpertiseBoost · E / 100). */
    kGiverExpertiseBoost: number;
  };
  /** Limits on giving +K, enforced by checkKGrant. */
  kGrantLimits: {
    perDay: number;
    pairTopicCooldownDays: number;
  };
}

export const DEFAULT_SCORING_CONFIG: ScoringConfig = Object.freeze({
  fullWeightDays: 28,
  halfLifeDays: 30,
  kindWeights: Object.freeze({
    [InteractionKind.SHARE]: 3,
    [InteractionKind.REPLY]: 2,
    [InteractionKind.COMMENT]: 2,
    [InteractionKind.MENTION]: 1.5,
    [InteractionKind.LIKE]: 1,
    [InteractionKind.FOLLOW]: 0.5,
    [InteractionKind.CLICK]: 0.25,
  }),
  reach: Object.freeze({ saturation: 0.5, followerWeight: 1, followersAtCap: 1_000_000 }),
  selectivity: Object.freeze({ freeReactions: 300, normalReactions: 300 }),
  amplification: Object.freeze({ minPosts: 1 }),
  weights: Object.freeze({ reach: 0.5, amplification: 0.25, networkImpact: 1, conversation: 0 }),
  onward: Object.freeze({ thresholdMultiple: 2, maxWeight: 0.25, depth: 2 }),
  scale: Object.freeze({ rawAtMidpoint: 40, steepness: 1 }),
  band: Object.freeze({ maxHalfWidth: 30, reactorWeight: 1, reactionWeight: 0.1, contentWeight: 0.2, conversationWeight: 0.2 }),
  topics: Object.freeze({
    upwardShare: 0.6,
    creditAtHalf: 30,
    enterThreshold: 40,
    leaveThreshold: 25,
    minReported: 1,
    fadeHalfLifeDays: 30,
    kGrantCredit: 2,
    kGiverExpertiseBoost: 2,
  }),
  kGrantLimits: Object.freeze({ perDay: 5, pairTopicCooldownDays: 30 }),
}) as ScoringConfig;

/** Merges overrides onto the defaults (group by group) and checks the result. */
export function resolveScoringConfig(overrides?: ScoringConfigOverrides | ScoringConfig): ScoringConfig {
  const d = DEFAULT_SCORING_CONFIG;
  const o = (overrides ?? {}) as ScoringConfigOverrides;
  const config: ScoringConfig = {
    fullWeightDays: o.fullWeightDays ?? d.fullWeightDays,
    halfLifeDays: o.halfLifeDays ?? d.halfLifeDays,
    kindWeights: { ...d.kindWeights, ...o.kindWeights },
    reach: { ...d.reach, ...o.reach },
    selectivity: { ...d.selectivity, ...o.selectivity },
    amplification: { ...d.amplification, ...o.amplification },
    weights: { ...d.weights, ...o.weights },
    onward: { ...d.onward, ...o.onward },
    scale: { ...d.scale, ...o.scale },
    band: { ...d.band, ...o.band },
    topics: { ...d.topics, ...o.topics },
    kGrantLimits: { ...d.kGrantLimits, ...o.kGrantLimits },
  };
  checkConfig(config);
  return config;
}

function checkConfig(c: ScoringConfig): void {
  const positive = (name: string, value: number) => {
    if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`scoring config: ${name} must be a positive number, got ${value}`);
  };
  const nonNegative = (name: string, value: number) => {
    if (!(Number.isFinite(value) && value >= 0)) throw new RangeError(`scoring config: ${name} must be a non-negative number, got ${value}`);
  };
  nonNegative('fullWeightDays', c.fullWeightDays);
  positive('halfLifeDays', c.halfLifeDays);
  for (const [kind, weight] of Object.entries(c.kindWeights)) nonNegative(`kindWeights.${kind}`, weight);
  positive('reach.saturation', c.reach.saturation);
  nonNegative('reach.followerWeight', c.reach.followerWeight);
  positive('reach.followersAtCap', c.reach.followersAtCap);
  nonNegative('selectivity.freeReactions', c.selectivity.freeReactions);
  positive('selectivity.normalReactions', c.selectivity.normalReactions);
  positive('amplification.minPosts', c.amplification.minPosts);
  for (const [name, weight] of Object.entries(c.weights)) nonNegative(`weights.${name}`, weight);
  nonNegative('onward.thresholdMultiple', c.onward.thresholdMultiple);
  nonNegative('onward.maxWeight', c.onward.maxWeight);
  if (!(Number.isInteger(c.onward.depth) && c.onward.depth >= 1 && c.onward.depth <= 3)) throw new RangeError('scoring config: onward.depth must be 1, 2 or 3');
  positive('scale.rawAtMidpoint', c.scale.rawAtMidpoint);
  positive('scale.steepness', c.scale.steepness);
  nonNegative('band.maxHalfWidth', c.band.maxHalfWidth);
  for (const name of ['reactorWeight', 'reactionWeight', 'contentWeight', 'conversationWeight'] as const) nonNegative(`band.${name}`, c.band[name]);
  const t = c.topics;
  if (!(t.upwardShare >= 0 && t.upwardShare <= 1)) throw new RangeError('scoring config: topics.upwardShare must be in [0, 1]');
  positive('topics.creditAtHalf', t.creditAtHalf);
  if (!(t.leaveThreshold >= 0 && t.leaveThreshold <= t.enterThreshold && t.enterThreshold <= 100)) {
    throw new RangeError('scoring config: topics thresholds must satisfy 0 ≤ leaveThreshold ≤ enterThreshold ≤ 100');
  }
  nonNegative('topics.minReported', t.minReported);
  positive('topics.fadeHalfLifeDays', t.fadeHalfLifeDays);
  nonNegative('topics.kGrantCredit', t.kGrantCredit);
  nonNegative('topics.kGiverExpertiseBoost', t.kGiverExpertiseBoost);
  positive('kGrantLimits.perDay', c.kGrantLimits.perDay);
  nonNegative('kGrantLimits.pairTopicCooldownDays', c.kGrantLimits.pairTopicCooldownDays);
}

export const DAY_MS = 86_400_000;
