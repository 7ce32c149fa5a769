import type { FlagKind, FlagRole } from '#shared/authenticity';
import type { Network } from '#shared/networks';
import type { KGrant, ScoringAccount, ScoringContent, ScoringInteractions } from '../types';

/** What the detectors read: the scoring input, plus a few facts the score itself does not need. */
export interface AuthenticityInput {
  asOf: number;
  accounts: readonly ScoringAccount[];
  content: readonly ScoringContent[];
  /** Records, or the same as columns (a full rescore's): the detectors read either as they are. */
  interactions: ScoringInteractions;
  kGrants?: readonly KGrant[];
  /** Content id → a hash of its normalised text and its parent (comments), for duplicates. */
  contentText?: ReadonlyMap<number, ContentText>;
  /** Flag keys an analyst dismissed: they neither discount anything nor lower authenticity. */
  dismissed?: ReadonlySet<string>;
  config?: Partial<AuthenticityConfig>;
}

export interface ContentText {
  /** textHash() of the text; 0 for empty text (never a duplicate). */
  hash: number;
  parentId: number | null;
}

/** The time an activity took place: from included, to excluded, epoch ms. */
export interface FlagWindow {
  from: number;
  to: number;
}

/** What a flag rests on: the accounts, people, content and interactions involved, when, and the figures. */
export interface FlagEvidence {
  /** One sentence a person can read. */
  summary: string;
  /** Accounts doing it (actors), ascending. */
  accountIds: number[];
  /** The other people involved: the ring's other members, the target of puppets, the burst's buyers… ascending, at most 200. */
  personIds: number[];
  /** Content concerned (burst targets, duplicates), ascending, at most 200. */
  contentIds: number[];
  /** Interactions the flag is about. */
  interactionCount: number;
  window: FlagWindow;
  /** The measurements the detector decided on, by name (e.g. reciprocity 0.97, density 0.88). */
  figures: Record<string, number>;
}

/** What the flag does to the score. */
export interface FlagEffect {
  /** In words: "likes between ring members do not count". */
  description: string;
  /** Interactions (or +K) this flag discounts. */
  discountedInteractions: number;
  /** The weight they keep: 0 = not counted, 0.25 = a quarter. */
  weight: number;
  /** Points this flag takes off the person's authenticity (0..100). */
  authenticityPoints: number;
  /**
   * Points the person's score is lower because of the discounts (all their flags together), as
   * measured by the last full rescore (measureScoreEffects); absent when not measured.
   */
  scorePoints?: number;
}

export interface AuthenticityFlag {
  /**
   * Stable identity: kind, role, person and network. The same manipulation found again by a later
   * rescore has the same key, so an analyst's decision on it holds.
   */
  key: string;
  kind: FlagKind;
  role: FlagRole;
  personId: number;
  network: Network | null;
  /** 0..1: the share of authenticity this flag takes away. */
  severity: number;
  evidence: FlagEvidence;
  effect: FlagEffect;
  /** Whether an analyst dismissed it (then it discounts nothing and costs no authenticity). */
  dismissed: boolean;
}

/**
 * How much suspicious interactions still count, as rules keyed by stable facts (accounts,
 * content, instants) rather than by positions, so they apply to any subset of the data: the
 * incremental rescore of a few people uses the rules of the last full run.
 */
export interface AuthenticityDiscounts {
  /** Actor account → weight of everything it does. */
  actors: Map<number, number>;
  /** Actor account → weight of its FOLLOWs (mass followers). */
  follows: Map<number, number>;
  /** pairKey(actor account, target account) → weight (rings). */
  pairs: Map<number, number>;
  /** interactionKey(...) → weight (bursts, duplicate comments). */
  interactions: Map<string, number>;
  /** Actor accounts with an entry in `interactions` (so other interactions skip building a key). */
  interactionActors: Set<number>;
  /** Content id → weight: copies of one text share one post's worth (1/k each). */
  content: Map<number, number>;
  /** kGrantKey(...) of +K that does not count. */
  kGrants: Set<string>;
}

export interface AuthenticityResult {
  asOf: number;
  /** Every flag, dismissed ones included, by person then key. */
  flags: AuthenticityFlag[];
  /** 0..100 for every person with a flag (dismissed flags included, at 100 if all are); everyone else is 100. */
  authenticity: Map<number, number>;
  discounts: AuthenticityDiscounts;
  /** Milliseconds each detector took, by kind. */
  timings: Record<string, number>;
}

export interface AuthenticityConfig {
  /** Self-engagement: interactions between a person's own accounts before it is flagged. */
  selfMinInteractions: number;
  /** Mass follow: FOLLOWs given, and given per follower (reported or received), at least. */
  massFollowMin: number;
  massFollowRatio: number;
  /** A "thin" account: at most this many followers and no content of its own. */
  thinMaxFollowers: number;
  /** Burst: at least this many reactions from thin accounts the target never reacted to, on one account within burstWindowMs… */
  burstMin: number;
  burstWindowMs: number;
  /** …at least this many times what an ordinary window of the target's brings (its reactions outside the window over its history, at least burstBaselineMinMs)… */
  burstMinRatio: number;
  burstBaselineMinMs: number;
  /** …and at least this many times its usual busiest window of a day (the median of its other days' busiest)… */
  burstMinPeakRatio: number;
  /** …and at least burstRepeatShare of those accounts gave burstMinPerAccount or more within the window. */
  burstMinPerAccount: number;
  burstRepeatShare: number;
  /** Sock puppet: a thin account with at least this many actions, this share on one person, over at least this long. */
  puppetMinActions: number;
  puppetTopShare: number;
  puppetMinSpanMs: number;
  /** …and at least this many such accounts serving one person, giving together at least this share of what that person receives on the network. */
  puppetMinArmy: number;
  puppetMinArmyShare: number;
  /** Ring: reactions each way for a tie to be mutual; mutual ties; share of pairs among them mutual; share of reactions kept inside. */
  ringMutualMin: number;
  ringMinMutuals: number;
  ringMinClosure: number;
  ringMinInsideShare: number;
  /** Ring: a group getting more than this share of its reactions from outside is not a ring. */
  ringMaxOutsideShare: number;
  /**
   * Ring: and it must act in concert — at least ringMinScheduleShare of the reactions inside (on content,
   * at least half of them) within ringScheduleMs of the post — or be all but sealed, at most
   * ringSealedOutsideShare of its reactions from outside.
   */
  ringScheduleMs: number;
  ringMinScheduleShare: number;
  ringSealedOutsideShare: number;
  /** Duplicates: copies of one text by one account before it is flagged; minimum text length. */
  duplicateMinCopies: number;
  duplicateCommentMin: number;
  /** +K trading: a +K answered by the receiver (or closing a circle) within this long. */
  kTradeWindowMs: number;
}
