import { ContentKind, INTERACTION_KINDS, InteractionKind } from '#shared/interactions';
import type { Network } from '#shared/networks';
import { IdIndex, searchSorted } from '../id-index';
import { interactionCount, isInteractionColumns, UNKNOWN_KIND } from '../interaction-columns';
import { orderByKeys } from '../ledger';
import type { ScoringInteraction } from '../types';
import type { AuthenticityInput } from './types';

export const KIND_INDEX = new Map<string, number>(INTERACTION_KINDS.map((k, i) => [k, i]));
export const FOLLOW = KIND_INDEX.get(InteractionKind.FOLLOW)!;
export const COMMENT = KIND_INDEX.get(InteractionKind.COMMENT)!;
export const REPLY = KIND_INDEX.get(InteractionKind.REPLY)!;
export const MENTION = KIND_INDEX.get(InteractionKind.MENTION)!;

/** Pair keys fit a double exactly while account ids stay below 2^26 × 2^26 / 2^26 = 2^26 (67 million) on the target side. */
const PAIR_SHIFT = 2 ** 26;
export function pairKey(actorAccountId: number, targetAccountId: number): number {
  return actorAccountId * PAIR_SHIFT + targetAccountId;
}
export function interactionKey(actorAccountId: number, targetAccountId: number, targetContentId: number | null, kind: string, occurredAt: number): string {
  return `${actorAccountId}:${targetAccountId}:${targetContentId ?? ''}:${kind}:${occurredAt}`;
}
export function kGrantKey(giverPersonId: number, receiverPersonId: number, topicId: string, givenAt: number): string {
  return `${giverPersonId}:${receiverPersonId}:${topicId}:${givenAt}`;
}

/**
 * The account-level view the detectors share, built in one pass: per-account counts, and the
 * interactions grouped by (actor account, target account) in canonical order. Accounts, not
 * people: manipulation is done with accounts (a person's alts, bought accounts).
 */
export class AccountWorld {
  readonly n: number;
  readonly accountIds: Float64Array;
  readonly index: IdIndex;
  readonly personId: Float64Array;
  readonly network: Network[];
  readonly followers: Float64Array;
  readonly following: Float64Array;
  /** Posts (content that is not a comment) authored. */
  readonly posts: Int32Array;
  /** Interactions given, of every kind; FOLLOWs given and received. */
  readonly given: Int32Array;
  readonly followsGiven: Int32Array;
  readonly followsReceived: Int32Array;
  /** Reactions received (everything but FOLLOW). */
  readonly received: Int32Array;
  readonly firstAt: Float64Array;
  readonly lastAt: Float64Array;

  /** Interactions kept (known accounts, not after asOf), in input order. */
  readonly m: number;
  readonly source: Int32Array;
  readonly actor: Int32Array;
  readonly target: Int32Array;
  readonly kind: Uint8Array;
  readonly time: Float64Array;

  /** Interactions grouped by actor, then target: order[pairStart[k] .. pairStart[k+1]) for pair k. */
  readonly order: Int32Array;
  readonly pairCount: number;
  readonly pairStart: Int32Array;
  readonly pairActor: Int32Array;
  readonly pairTarget: Int32Array;
  /** Non-FOLLOW interactions in the pair. */
  readonly pairReactions: Int32Array;
  /** Pairs of actor a: actorPairStart[a] .. actorPairStart[a+1], targets ascending. */
  readonly actorPairStart: Int32Array;
  private postedAtById: Map<number, number> | undefined;

  constructor(readonly input: AuthenticityInput) {
    const accounts = input.accounts;
    const n = accounts.length;
    this.n = n;
    const sorted = [...accounts].sort((a, b) => a.id - b.id);
    this.accountIds = Float64Array.from(sorted, (a) => a.id);
    this.index = new IdIndex(this.accountIds);
    this.personId = Float64Array.from(sorted, (a) => a.personId);
    this.network = sorted.map((a) => a.network);
    this.followers = Float64Array.from(sorted, (a) => (Number.isFinite(a.followers) ? a.followers : 0));
    this.following = Float64Array.from(sorted, (a) => (Number.isFinite(a.following) ? a.following : 0));
    this.posts = new Int32Array(n);
    for (const c of input.content) {
      if (c.kind === ContentKind.COMMENT) continue;
      const a = this.index.get(c.authorAccountId);
      if (a >= 0) this.posts[a]++;
    }

    const all = input.interactions;
    const total = interactionCount(all);
    const source = new Int32Array(total);
    const actor = new Int32Array(total);
    const target = new Int32Array(total);
    const kind = new Uint8Array(total);
    const time = new Float64Array(total);
    // Locals, not fields, in the loops below: a million iterations each.
    const given = (this.given = new Int32Array(n));
    const followsGiven = (this.followsGiven = new Int32Array(n));
    const followsReceived = (this.followsReceived = new Int32Array(n));
    const received = (this.received = new Int32Array(n));
    const firstAt = (this.firstAt = new Float64Array(n).fill(Infinity));
    const lastAt = (this.lastAt = new Float64Array(n).fill(-Infinity));
    const index = this.index;
    const asOf = input.asOf;
    const kindCount = INTERACTION_KINDS.length;
    let m = 0;
    // Columns are read as they are (a full rescore's million interactions): no record is built.
    const columns = isInteractionColumns(all) ? all : undefined;
    const records = columns ? undefined : (all as readonly ScoringInteraction[]);
    for (let i = 0; i < total; i++) {
      let occurredAt: number, actorAccountId: number, targetAccountId: number, k: number;
      if (columns) {
        occurredAt = columns.occurredAt[i];
        actorAccountId = columns.actorAccountId[i];
        targetAccountId = columns.targetAccountId[i];
        k = columns.kind[i];
      } else {
        const x = records![i];
        occurredAt = x.occurredAt;
        actorAccountId = x.actorAccountId;
        targetAccountId = x.targetAccountId;
        k = KIND_INDEX.get(x.kind) ?? UNKNOWN_KIND;
      }
      // Kept: known accounts, not one account to itself, a known kind, not after asOf.
      if (!(occurredAt <= asOf)) continue;
      const a = index.get(actorAccountId);
      const t = index.get(targetAccountId);
      if (a < 0 || t < 0 || a === t || !(k < kindCount)) continue;
      source[m] = i;
      actor[m] = a;
      target[m] = t;
      kind[m] = k;
      time[m] = occurredAt;
      m++;
      given[a]++;
      if (k === FOLLOW) {
        followsGiven[a]++;
        followsReceived[t]++;
      } else received[t]++;
      if (occurredAt < firstAt[a]) firstAt[a] = occurredAt;
      if (occurredAt > lastAt[a]) lastAt[a] = occurredAt;
    }
    this.m = m;
    this.source = source.subarray(0, m);
    this.actor = actor.subarray(0, m);
    this.target = target.subarray(0, m);
    this.kind = kind.subarray(0, m);
    this.time = time.subarray(0, m);

    const order = orderByKeys(this.actor, this.target, n);
    this.order = order;
    // Actor and target in pair order, gathered once (the passes below then read them in sequence).
    const sortedActor = new Int32Array(m);
    const sortedTarget = new Int32Array(m);
    let pairs = 0;
    for (let j = 0; j < m; j++) {
      const i = order[j];
      sortedActor[j] = actor[i];
      sortedTarget[j] = target[i];
      if (j === 0 || sortedActor[j] !== sortedActor[j - 1] || sortedTarget[j] !== sortedTarget[j - 1]) pairs++;
    }
    this.pairCount = pairs;
    const pairStart = (this.pairStart = new Int32Array(pairs + 1));
    const pairActor = (this.pairActor = new Int32Array(pairs));
    const pairTarget = (this.pairTarget = new Int32Array(pairs));
    const pairReactions = (this.pairReactions = new Int32Array(pairs));
    const actorPairStart = (this.actorPairStart = new Int32Array(n + 1));
    let k = -1;
    for (let j = 0; j < m; j++) {
      if (j === 0 || sortedActor[j] !== sortedActor[j - 1] || sortedTarget[j] !== sortedTarget[j - 1]) {
        k++;
        pairStart[k] = j;
        pairActor[k] = sortedActor[j];
        pairTarget[k] = sortedTarget[j];
        actorPairStart[sortedActor[j] + 1]++;
      }
      if (kind[order[j]] !== FOLLOW) pairReactions[k]++;
    }
    pairStart[pairs] = m;
    for (let a = 0; a < n; a++) actorPairStart[a + 1] += actorPairStart[a];
  }

  /** The pair actor → target, or -1. */
  findPair(actor: number, target: number): number {
    return searchSorted(this.pairTarget, target, this.actorPairStart[actor], this.actorPairStart[actor + 1]);
  }

  /** When a piece of content was posted (for reaction delays); built on first use. */
  postedAt(contentId: number): number | undefined {
    if (!this.postedAtById) {
      this.postedAtById = new Map();
      for (const c of this.input.content) this.postedAtById.set(c.id, c.postedAt);
    }
    return this.postedAtById.get(contentId);
  }

  /** Reactions (not FOLLOWs) actor gave target. */
  reactions(actor: number, target: number): number {
    const k = this.findPair(actor, target);
    return k < 0 ? 0 : this.pairReactions[k];
  }

  /** A thin account: next to no audience and no content of its own. */
  isThin(a: number, maxFollowers: number): boolean {
    return this.followers[a] <= maxFollowers && this.posts[a] === 0 && this.followsReceived[a] <= maxFollowers;
  }

  /** The content the interaction at kept position i is on, or null (read from the input, records or columns). */
  contentOf(i: number): number | null {
    const all = this.input.interactions;
    if (isInteractionColumns(all)) {
      const content = all.targetContentId[this.source[i]];
      return content === content ? content : null;
    }
    return all[this.source[i]].targetContentId;
  }

  /** The discount key (interactionKey) of the interaction at kept position i. */
  keyOf(i: number): string {
    return interactionKey(this.accountIds[this.actor[i]], this.accountIds[this.target[i]], this.contentOf(i), INTERACTION_KINDS[this.kind[i]], this.time[i]);
  }
}

export function sortedUnique(values: Iterable<number>, limit = 200): number[] {
  return [...new Set(values)].sort((a, b) => a - b).slice(0, limit);
}

export function round(v: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
