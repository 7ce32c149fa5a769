import type { ContentKind, InteractionKind } from '#shared/interactions';
import type { Network } from '#shared/networks';
import type { ScoringConfig } from './config';
import type { AuthenticityDiscounts } from './authenticity/types';

// ---------------------------------------------------------------------------------------------
// Input records. Instants are epoch milliseconds, like everywhere else in Sway.
// ---------------------------------------------------------------------------------------------

/** A person's account on one network, with the follower counts the network reports. */
export interface ScoringAccount {
  id: number;
  personId: number;
  network: Network;
  followers: number;
  following: number;
}

/** Something an account published. Content of kind COMMENT is conversation, not a post: it never counts as a post. */
export interface ScoringContent {
  id: number;
  authorAccountId: number;
  network: Network;
  kind: ContentKind;
  postedAt: number;
  /** Ontology topic ids (strings: Klout ids exceed 64 bits). Order does not matter. */
  topicIds: string[];
}

/**
 * One account acting on a piece of content (targetContentId set) or on another account
 * (targetContentId null: mentions, follows). targetAccountId is always the account acted upon,
 * for content its author. The network is the target account's.
 */
export interface ScoringInteraction {
  actorAccountId: number;
  targetAccountId: number;
  targetContentId: number | null;
  kind: InteractionKind;
  occurredAt: number;
}

/**
 * Many interactions as parallel columns: entry i of each column is interaction i. Equivalent to an
 * array of ScoringInteraction, without an object per interaction: what a full rescore reads (a
 * million records as objects cost hundreds of MB and seconds of garbage collection).
 */
export interface InteractionColumns {
  readonly count: number;
  readonly actorAccountId: Float64Array;
  readonly targetAccountId: Float64Array;
  /** NaN for an interaction on an account (targetContentId null). */
  readonly targetContentId: Float64Array;
  /** Position in INTERACTION_KINDS (shared/interactions); any other value is an unknown kind, left out. */
  readonly kind: Uint8Array;
  readonly occurredAt: Float64Array;
}

/** Interactions as records or as columns; the engine gives the same results for both. */
export type ScoringInteractions = readonly ScoringInteraction[] | InteractionColumns;

/** A +K: one person vouching for another's expertise in a topic. */
export interface KGrant {
  giverPersonId: number;
  receiverPersonId: number;
  topicId: string;
  givenAt: number;
}

/** A parent → child edge of the topic ontology, e.g. { parentId: 'basketball', childId: 'nba' }. */
export interface TopicEdge {
  parentId: string;
  childId: string;
}

// ---------------------------------------------------------------------------------------------
// Network impact: the global part, meant to be computed once and cached.
// ---------------------------------------------------------------------------------------------

/**
 * Each person's onward audience over the reactor → author graph (network-impact.ts), plus each
 * person's decayed count of reactions given (the selectivity input). Plain typed arrays in the
 * order of `personIds` (found by binary search: no Map, so the full rescore's worker thread hands
 * it to the server as a copy of a few arrays), which a service can cache or serialise and pass
 * back to `scorePeople` when rescoring a subset of people.
 */
export interface NetworkImpact {
  /** The instant the decayed edge weights and reaction counts refer to. */
  readonly asOf: number;
  readonly halfLifeDays: number;
  /** The onward rule it was computed with. */
  readonly onward: { readonly thresholdMultiple: number; readonly maxWeight: number; readonly depth: number };
  /** People in the reaction graph (at least one reaction given or received), ascending. */
  readonly personIds: Float64Array;
  /**
   * How far what reaches the person travels on: the ties of the people who react to them, plus λ
   * (`transmissibility`) × those people's own onward audience, `onward.depth` hops out. 0 for
   * someone nobody reacts to.
   */
  readonly onwardAudience: Float64Array;
  /** The same one hop less (depth − 1 hops; all 0 at depth 1): what the walk straight back is taken out with. */
  readonly onwardBefore: Float64Array;
  /** The onward weight λ of the person's community (its epidemic threshold, see network-impact.ts). */
  readonly transmissibility: Float64Array;
  /** Reactions the person gave to others, each weighted by its decay, at asOf. */
  readonly reactionsGiven: Float64Array;
  /** Reaction pairs (reactor → author) in the graph. */
  readonly edgeCount: number;
}

// ---------------------------------------------------------------------------------------------
// Output.
// ---------------------------------------------------------------------------------------------

export interface ScoreBand {
  low: number;
  high: number;
}

/** One component of the score: its value in its own unit, its weight, and its share of the score in points. */
export interface ScoreComponent {
  /** Reach: reactor-persons; amplification: weighted reactions per post; network impact: reactors × influence; conversation: partners. */
  value: number;
  weight: number;
  /** Points above the floor of 1 this component accounts for; the four add up to score − 1. */
  contribution: number;
}

export interface ScoreComponents {
  reach: ScoreComponent;
  amplification: ScoreComponent;
  networkImpact: ScoreComponent;
  conversation: ScoreComponent;
}

/** A network's own sub-score, computed with the same formula on that network's data alone. */
export interface NetworkSubScore {
  network: Network;
  raw: number;
  /** raw / (sum of the person's network raws); the shares add up to 1 (or are all 0). */
  share: number;
  score: number;
}

/**
 * The amount of evidence behind a score. "Effective" counts: each event counts 2^(−age/halfLife),
 * so a reaction today counts 1 and one a half-life ago counts 0.5.
 */
export interface ScoreEvidence {
  /** Reactor-persons, each counted by their most recent reaction (so at most 1 each). */
  distinctReactors: number;
  reactions: number;
  /** Posts (all content except comments). */
  contentCount: number;
  /** Replies and comments received, and replies given back to one's audience. */
  conversations: number;
}

/** The figures explanations quote. */
export interface ScoreFigures {
  /** Effective reactions per post, by kind (per post = divided by max(1, effective posts)). */
  reactionsPerPost: Record<InteractionKind, number>;
  /** Effective posts. */
  posts: number;
  /** Engagement-weighted mean of the reactors' influence factor (1 = reactors nobody reacts to). */
  reactorInfluence: number;
  /** Engagement-weighted mean selectivity of the reactors (1 = reacts to almost nothing else). */
  reactorSelectivity: number;
  /** Distinct conversation partners (replies/comments either way), effective. */
  conversationPartners: number;
  /** Followers summed over the person's accounts (they only enter reach, capped). */
  followers: number;
}

export interface ContentContribution {
  contentId: number;
  /** Score points this content's reactions and comments account for. */
  contribution: number;
}

export interface EngagerContribution {
  personId: number;
  /** Score points this person's reactions and conversation account for. */
  contribution: number;
}

export interface PersonScore {
  personId: number;
  /** 1..100, one decimal. */
  score: number;
  /** Where the score plausibly lies given how little or much evidence there is. */
  band: ScoreBand;
  /** The untransformed value; score = toScale(raw). */
  raw: number;
  components: ScoreComponents;
  perNetwork: NetworkSubScore[];
  evidence: ScoreEvidence;
  figures: ScoreFigures;
  /** Top 5 pieces of content by contribution. */
  topContent: ContentContribution[];
  /** Top 5 reactors and conversation partners by contribution. */
  topEngagers: EngagerContribution[];
}

export interface TopicExpertise {
  topicId: string;
  /** 0..100, one decimal. */
  expertise: number;
  /** Whether the person counts as an expert in the topic now (hysteresis: see ScoringConfig.topics). */
  active: boolean;
}

/** What the previous run returned, to carry hysteresis and gradual fading forward. */
export interface ExpertiseSnapshot {
  asOf: number;
  expertise: ReadonlyMap<number, readonly TopicExpertise[]>;
}

export interface ScoringInput {
  asOf: number;
  /** Accounts of everyone to score AND of everyone appearing in the interactions (reactors included). */
  accounts: readonly ScoringAccount[];
  content: readonly ScoringContent[];
  /** Records, or the same as columns (see InteractionColumns). */
  interactions: ScoringInteractions;
  kGrants?: readonly KGrant[];
  topicEdges?: readonly TopicEdge[];
  /** The previous result (any object with asOf and expertise), for topic hysteresis and fading. */
  previousExpertise?: ExpertiseSnapshot;
  /** A cached network impact; computed from the given accounts and interactions when absent. */
  networkImpact?: NetworkImpact;
  /**
   * personId → effective reactions given (as NetworkImpact.reactionsGiven, at this asOf). Overrides
   * the network impact's figures; for people found in neither, they are counted from the given
   * interactions.
   */
  reactorActivity?: ReadonlyMap<number, number>;
  /**
   * Authenticity discounts (detectAuthenticity's result.discounts): suspicious interactions count
   * less or not at all, duplicate posts once, traded +K not at all. Nothing is removed from the input.
   */
  discounts?: AuthenticityDiscounts;
  /** Score only these people (default: every person with an account in `accounts`). */
  personIds?: readonly number[];
  config?: ScoringConfigOverrides;
}

export interface ScoringStats {
  people: number;
  accounts: number;
  content: number;
  /** Interactions used. */
  interactions: number;
  /** Interactions left out: unknown account, self-interaction, or after asOf. */
  ignoredInteractions: number;
}

export interface ScoringResult {
  asOf: number;
  config: ScoringConfig;
  /** Ascending personId. */
  people: PersonScore[];
  byPerson: Map<number, PersonScore>;
  /** Every scored person, topics sorted by expertise (descending) then topic id. */
  expertise: Map<number, TopicExpertise[]>;
  /** The network impact used: the one given, or the one computed (cache it). */
  networkImpact: NetworkImpact;
  stats: ScoringStats;
}

/** A partial configuration: top-level fields and nested groups may each be given in part. */
export type ScoringConfigOverrides = {
  [K in keyof ScoringConfig]?: ScoringConfig[K] extends number ? number : Partial<ScoringConfig[K]>;
};
