import type { ContentKind, InteractionKind } from '#shared/interactions';
import type { Network } from '#shared/networks';

/** An instant as a Date, an ISO 8601 string or epoch milliseconds. */
export type Instant = Date | string | number;

/** A person, keyed by the importer's own id for them. */
export interface PersonRecord {
  externalId: string;
  displayName: string;
  region?: string | null;
  language?: string | null;
  createdAt?: Instant | null;
}

/** An account on one network, owned by a person given by externalId. */
export interface AccountRecord {
  network: Network;
  externalId: string;
  personExternalId: string;
  handle: string;
  followersCount?: number | null;
  followingCount?: number | null;
  createdAt?: Instant | null;
}

/** A piece of content; the author is an account on the same network. */
export interface ContentRecord {
  network: Network;
  externalId: string;
  kind: ContentKind;
  authorExternalId: string;
  text?: string | null;
  url?: string | null;
  /** Topic slugs or ids of the Klout ontology. */
  topics?: string[] | null;
  postedAt: Instant;
  campaignCode?: string | null;
  /** The content this one replies to or comments on (same network). */
  parentExternalId?: string | null;
}

/** One account acting on a piece of content or on another account. */
export interface InteractionRecord {
  network: Network;
  externalId: string;
  kind: InteractionKind;
  actorExternalId: string;
  /** For LIKE, SHARE, REPLY, COMMENT and CLICK. */
  targetContentExternalId?: string | null;
  /** For MENTION and FOLLOW. */
  targetAccountExternalId?: string | null;
  occurredAt: Instant;
}

export interface IngestBatch {
  people?: PersonRecord[];
  accounts?: AccountRecord[];
  content?: ContentRecord[];
  interactions?: InteractionRecord[];
}

export type IngestSection = keyof IngestBatch;
export const INGEST_SECTIONS: readonly IngestSection[] = ['people', 'accounts', 'content', 'interactions'];

/** What a batch did, per section. Re-sending a batch gives created = updated = 0. */
export interface SectionResult {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
}

export type IngestResult = Record<IngestSection, SectionResult>;
