/** What kind of manipulation an authenticity flag reports. */
export enum FlagKind {
  /** A person's accounts reacting to each other's content. */
  SELF_ENGAGEMENT = 'SELF_ENGAGEMENT',
  /** A group that mostly reacts to one another, on schedule, with little reach outside. */
  ENGAGEMENT_RING = 'ENGAGEMENT_RING',
  /** Many reactions within an hour from accounts with no audience and no content (bought likes). */
  BURST = 'BURST',
  /** Accounts with no audience and no content whose activity is almost all for one person. */
  SOCK_PUPPET = 'SOCK_PUPPET',
  /** An account following far more accounts than follow it. */
  MASS_FOLLOW = 'MASS_FOLLOW',
  /** The same text posted again and again, or the same comment left twice. */
  DUPLICATE_CONTENT = 'DUPLICATE_CONTENT',
  /** +K given back and forth, in pairs or circles. */
  K_TRADING = 'K_TRADING',
}

export const FLAG_KINDS: readonly FlagKind[] = Object.values(FlagKind);

/** Whether the flagged person did it, or gained from it (bought likes, puppets aimed at them). */
export enum FlagRole {
  ACTOR = 'ACTOR',
  BENEFICIARY = 'BENEFICIARY',
}

/** An analyst's decision on a flag. */
export enum FlagDecision {
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}

/** A flag's review state: its latest decision, or PENDING. */
export enum FlagStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}
