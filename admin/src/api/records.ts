import type { ContentKind, InteractionKind, Network } from '@sway/shared';

/**
 * Records as the console selects them from the GraphQL API (see resourceQueries.ts). Every
 * record's `id` is the API's global id, so it round-trips through node(id:) and nodes(ids:).
 */

/** A count-only view of a connection: `accounts(first: 1) { totalCount }`. */
export interface ConnectionCount {
  totalCount: number;
}

/** A connection whose first page the show page selects inline. */
export interface InlinePage<T> {
  totalCount: number;
  nodes: T[];
}

export interface InteractionCounts {
  total: number;
  likes: number;
  shares: number;
  replies: number;
  comments: number;
  clicks: number;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface AccountRef {
  id: string;
  network: Network;
  handle: string;
}

export interface TopicRef {
  id: string;
  slug: string;
  displayName: string;
}

export interface PersonRecord extends PersonRef {
  databaseId: number;
  externalId: string;
  region: string | null;
  language: string | null;
  createdAt: string;
  accounts: ConnectionCount;
  score: { value: number; band: { low: number; high: number } };
  /** Selected on the show page only. */
  content?: ConnectionCount;
}

export interface AccountRecord extends AccountRef {
  databaseId: number;
  externalId: string;
  followersCount: number;
  followingCount: number;
  createdAt: string;
  person: PersonRef;
  /** Selected on the show page only. */
  content?: ConnectionCount;
}

export interface ContentRef {
  id: string;
  kind: ContentKind;
  text: string;
}

export interface CommentRecord extends ContentRef {
  postedAt: string;
  author: AccountRef;
  interactionCounts: Pick<InteractionCounts, 'total'>;
}

export interface ContentRecord extends ContentRef {
  databaseId: number;
  network: Network;
  url: string | null;
  postedAt: string;
  campaignCode: string | null;
  author: AccountRef;
  person: PersonRef;
  interactionCounts: InteractionCounts;
  /** Selected on the show page only. */
  externalId?: string;
  parent?: (ContentRef & { author: AccountRef }) | null;
  topics?: InlinePage<TopicRef>;
  comments?: InlinePage<CommentRecord>;
}

export interface InteractionRecord {
  id: string;
  databaseId: number;
  network: Network;
  externalId: string;
  kind: InteractionKind;
  occurredAt: string;
  actor: AccountRef;
  targetAccount: AccountRef;
  targetContent: ContentRef | null;
}

export interface TopicRecord extends TopicRef {
  topicId: string;
  wikiItemId: string | null;
  /** Selected on the show page only. */
  parents?: InlinePage<TopicRef>;
  children?: InlinePage<TopicRef>;
}

export type CampaignStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED';
export type ClaimStatus = 'CLAIMED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';

/** Targeting criteria as the form edits them and AudienceTargetInput takes them (topics by slug). */
export interface CampaignTarget {
  minScore: number;
  maxScore: number;
  topics: string[];
  networks: Network[];
  regions: string[];
  minAuthenticity: number;
}

export interface CampaignRecord {
  id: string;
  name: string;
  status: CampaignStatus;
  code: string;
  startsAt: string;
  endsAt: string;
  inventory: number;
  remaining: number;
  unitValue: number;
  currency: string;
  brand: { id: string; name: string };
  brandId: string;
  // Show pages only.
  description?: string;
  perk?: string;
  createdAt?: string;
  updatedAt?: string;
  target?: CampaignTarget;
}
