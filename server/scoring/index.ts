/**
 * Sway's scoring engine: pure functions from accounts, content, interactions and +K to
 * explainable 1..100 scores and topic expertise. Imports nothing but the repository's shared/ (`#shared/…`) and Node
 * built-ins; the ScoringService wraps it with storage, caching and scheduling.
 * The model is described in ./README.md.
 */
export type {
  ContentContribution,
  EngagerContribution,
  ExpertiseSnapshot,
  InteractionColumns,
  KGrant,
  NetworkImpact,
  NetworkSubScore,
  PersonScore,
  ScoreBand,
  ScoreComponent,
  ScoreComponents,
  ScoreEvidence,
  ScoreFigures,
  ScoringAccount,
  ScoringConfigOverrides,
  ScoringContent,
  ScoringInput,
  ScoringInteraction,
  ScoringInteractions,
  ScoringResult,
  ScoringStats,
  TopicEdge,
  TopicExpertise,
} from './types';
export { DEFAULT_SCORING_CONFIG, resolveScoringConfig, type ScoringConfig } from './config';
export { computeNetworkImpact, onwardAudienceOf, reactionsGivenAt } from './network-impact';
export { prepareScoring, scorePeople, type PreparedScoring } from './score-people';
export {
  allocateInteractionColumns,
  interactionAt,
  interactionCount,
  isInteractionColumns,
  toInteractionColumns,
  toInteractionRecords,
  UNKNOWN_KIND,
} from './interaction-columns';
export { toScale } from './scale';
export { compareScores, explainChange, type ScoreChange, type ScoreComparison } from './explain';
export { nextTopicActive } from './expertise';
export { checkKGrant, type KGrantCheck, type KGrantRule } from './k-grants';
export {
  detectAuthenticity,
  DEFAULT_AUTHENTICITY_CONFIG,
  emptyDiscounts,
  flagKey,
  measureScoreEffects,
  textHash,
  type AuthenticityConfig,
  type AuthenticityDiscounts,
  type AuthenticityFlag,
  type AuthenticityInput,
  type AuthenticityResult,
  type ContentText,
  type FlagEffect,
  type FlagEvidence,
  type FlagWindow,
} from './authenticity';
