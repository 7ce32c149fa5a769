import type { Network } from '#shared/networks';

/**
 * Inauthentic behaviour planted in the demo world at known places. The labels are the answer
 * key for the authenticity detector's tests and are never written to the database: the
 * detector must find these from the data alone.
 */
export type PlantedKind =
  /** ~20 accounts that like, share and comment on each other's posts on a fixed schedule. */
  | 'ENGAGEMENT_RING'
  /** One person's several accounts on one network reacting to each other's content. */
  | 'SELF_ENGAGEMENT'
  /** Thousands of likes within one hour from fresh accounts with no audience and no content. */
  | 'BURST'
  /** Accounts with no audience and no content whose every action targets one account. */
  | 'SOCK_PUPPET'
  /** An account that follows thousands and is followed by few. */
  | 'MASS_FOLLOW'
  /** One account posting the same text over and over. */
  | 'DUPLICATE_CONTENT'
  /** One account leaving the same comment two or three times under the same posts. */
  | 'DUPLICATE_COMMENT'
  /** People giving each other +K: reciprocal pairs and a circle of three. */
  | 'K_TRADING';

export const PLANTED_KINDS: readonly PlantedKind[] = [
  'ENGAGEMENT_RING',
  'SELF_ENGAGEMENT',
  'BURST',
  'SOCK_PUPPET',
  'MASS_FOLLOW',
  'DUPLICATE_CONTENT',
  'DUPLICATE_COMMENT',
  'K_TRADING',
];

/** A +K in the demo world, by external ids (written by the seed after the ingest batches). */
export interface DemoKGrant {
  giverExternalId: string;
  receiverExternalId: string;
  /** Ontology slug. */
  topicSlug: string;
  givenAt: number;
}

/** A time range in epoch milliseconds, from included, to excluded. */
export interface TimeWindow {
  from: number;
  to: number;
}

export interface PlantedLabel {
  kind: PlantedKind;
  /** What was planted, in words, for test failure messages and the demo guide. */
  description: string;
  network: Network;
  /** The people who perform the inauthentic activity. */
  personExternalIds: string[];
  /** Their accounts that perform it (all on `network`). */
  accountExternalIds: string[];
  /**
   * Whose numbers the activity inflates. The same people as above for rings, self-engagement,
   * mass follows and duplicates; someone else for bought likes and sock puppets.
   */
  beneficiaryPersonExternalIds: string[];
  beneficiaryAccountExternalIds: string[];
  /** When the activity happened. */
  window: TimeWindow;
  /** The content concerned, where that is the point: the posts liked in a burst, the duplicates. */
  contentExternalIds?: string[];
}

/**
 * Genuine people with a notable pattern, for scoring tests: they must rank the way their
 * pattern says, and none of them is inauthentic.
 */
export interface DemoWorldCast {
  /** Content travels far and draws reactions from many people, other influencers among them. */
  influencers: string[];
  /** Post many times more than anyone else and get little engagement. */
  prolificPosters: string[];
  /** Huge follower counts, little engagement. */
  hollowAudiences: string[];
  /** Reply back to those who reply to them: long threads. */
  conversationalists: string[];
  /** Write blog posts that readers comment on. */
  bloggers: string[];
}
