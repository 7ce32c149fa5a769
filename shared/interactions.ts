/** What one account did to a piece of content or to another account. */
export enum InteractionKind {
  LIKE = 'LIKE',
  SHARE = 'SHARE',
  REPLY = 'REPLY',
  COMMENT = 'COMMENT',
  MENTION = 'MENTION',
  FOLLOW = 'FOLLOW',
  CLICK = 'CLICK',
}

export const INTERACTION_KINDS: readonly InteractionKind[] = Object.values(InteractionKind);

/** Kinds that act on a piece of content; the rest (MENTION, FOLLOW) act on an account. */
export const CONTENT_INTERACTION_KINDS: ReadonlySet<InteractionKind> = new Set([
  InteractionKind.LIKE,
  InteractionKind.SHARE,
  InteractionKind.REPLY,
  InteractionKind.COMMENT,
  InteractionKind.CLICK,
]);

/** Kinds that are a conversation: they count for both sides. */
export const CONVERSATION_KINDS: ReadonlySet<InteractionKind> = new Set([
  InteractionKind.REPLY,
  InteractionKind.COMMENT,
]);

/** What a piece of content is. A COMMENT is content too, so blog comments are first-class. */
export enum ContentKind {
  POST = 'POST',
  ARTICLE = 'ARTICLE',
  VIDEO = 'VIDEO',
  BLOG_POST = 'BLOG_POST',
  COMMENT = 'COMMENT',
}

export const CONTENT_KINDS: readonly ContentKind[] = Object.values(ContentKind);
