import { CONVERSATION_KINDS, ContentKind, INTERACTION_KINDS, type InteractionKind } from '#shared/interactions';
import { NETWORKS, type Network } from '#shared/networks';
import { DAY_MS, type ScoringConfig } from './config';
import { IdIndex, searchSorted, sortedDistinct } from './id-index';
import { interactionCount, isInteractionColumns, UNKNOWN_KIND } from './interaction-columns';
import type { ScoringAccount, ScoringContent, ScoringInteractions } from './types';

/**
 * The ledger turns input records into typed arrays in ONE canonical order, so every later sum
 * runs in an order that depends on the data only, never on the order it arrived in:
 *
 * - people, accounts and content by id;
 * - interactions by (target person, actor person, time, kind, network, content): records equal on
 *   all of these are interchangeable for every figure the engine computes.
 *
 * It also classifies conversation: a reply or comment by A to B is a "reply-back" when B had
 * already REACTED to A (at the same instant or before; a reaction is any interaction that is not
 * itself a reply-back). A reply-back is conversation with one's own audience: it earns
 * conversation credit on both sides and counts for B like any reaction (B's words reached A), but
 * it costs A nothing: it is not among the reactions A gave (selectivity), and (not being a
 * reaction) it does not turn B's later replies into reply-backs. That is what makes "answering your
 * audience never lowers anyone's score" hold.
 */

export const KIND_COUNT = INTERACTION_KINDS.length;
export const NETWORK_COUNT = NETWORKS.length;

const KIND_INDEX = new Map<string, number>(INTERACTION_KINDS.map((kind, i) => [kind, i]));
const NETWORK_INDEX = new Map<string, number>(NETWORKS.map((network, i) => [network, i]));
/** 1 for REPLY and COMMENT, by kind index. */
export const IS_CONVERSATION_KIND = Uint8Array.from(INTERACTION_KINDS, (kind) => (CONVERSATION_KINDS.has(kind) ? 1 : 0));

export function kindAt(index: number): InteractionKind {
  return INTERACTION_KINDS[index];
}
export function networkAt(index: number): Network {
  return NETWORKS[index];
}

/** 2^(−age / halfLife), the weight of something that happened at `at`, seen from `asOf`. */
export function decayFactor(asOf: number, at: number, halfLifeDays: number): number {
  return Math.exp(((at - asOf) * Math.LN2) / (halfLifeDays * DAY_MS));
}

/**
 * What an event at `at` weighs at `asOf`: 1 for the first `fullWeightDays`, then halving every
 * `halfLifeDays`. Within the recent period the moment of a reaction does not matter, only who
 * reacted; after it the weight fades smoothly (no cliff: it is continuous in the age).
 */
export function eventWeight(asOf: number, at: number, config: Pick<ScoringConfig, 'halfLifeDays' | 'fullWeightDays'>): number {
  const age = asOf - at;
  const full = config.fullWeightDays * DAY_MS;
  return age <= full ? 1 : decayFactor(asOf - full, at, config.halfLifeDays);
}

export interface LedgerInput {
  asOf: number;
  accounts: readonly ScoringAccount[];
  content?: readonly ScoringContent[];
  interactions: ScoringInteractions;
  /** Authenticity discounts: the weight each interaction keeps (aligned with `interactions`); 0 leaves it out. */
  interactionWeights?: ArrayLike<number>;
  /** Authenticity discounts on content: duplicate copies count 1/k of a post each. */
  contentWeights?: ReadonlyMap<number, number>;
}

export interface Ledger {
  asOf: number;
  halfLifeDays: number;

  personCount: number;
  /** Ascending. */
  personIds: Float64Array;
  personIndex: IdIndex;
  /** Followers summed over the person's accounts on each network: [person * NETWORK_COUNT + network]. */
  followersByNetwork: Float64Array;
  /** Bit n set when the person has an account on network n. */
  networkMask: Uint8Array;
  accountCount: number;

  /** Content by id (content whose author is unknown is left out). */
  contentCount: number;
  contentIds: Float64Array;
  contentPerson: Int32Array;
  contentNetwork: Uint8Array;
  /** 0 for COMMENT content: comments are conversation, not posts. */
  contentIsPost: Uint8Array;
  /** 2^(−age/halfLife); 0 for content posted after asOf. */
  contentDecay: Float64Array;
  /** Sorted distinct topic ids. */
  contentTopics: (readonly string[])[];
  contentIndex: IdIndex;
  /** A person's content, in id order: personContent[personContentStart[p] .. personContentStart[p+1]). */
  personContentStart: Int32Array;
  personContent: Int32Array;

  /** Interactions used, canonical order. */
  interactionCount: number;
  actor: Int32Array;
  target: Int32Array;
  /** Content position, or -1 (account-level interaction, or content not among the input). */
  contentOf: Int32Array;
  kind: Uint8Array;
  network: Uint8Array;
  time: Float64Array;
  decay: Float64Array;
  replyBack: Uint8Array;
  ignoredInteractions: number;

  /** Runs of interactions with the same (target, actor): pair k is positions pairStart[k] .. pairStart[k+1]. */
  pairCount: number;
  pairStart: Int32Array;
  pairActor: Int32Array;
  pairTarget: Int32Array;
  /** Pairs received by person p: targetPairStart[p] .. targetPairStart[p+1], actors ascending. */
  targetPairStart: Int32Array;
  /** Σ kindWeight × decay over the pair's interactions, reply-backs included (they reach the person answered). */
  pairReaction: Float64Array;
  /** Σ decay over the pair's reactions, reply-backs excluded: what the actor gave this target, in reactionsGiven's unit. */
  pairReactionCount: Float64Array;
  /** Σ decay over reactions the person gave (reply-backs excluded): the selectivity input. */
  reactionsGiven: Float64Array;
}

export function buildLedger(input: LedgerInput, config: ScoringConfig): Ledger {
  const { asOf } = input;
  if (!Number.isFinite(asOf)) throw new RangeError(`scoring: asOf must be a finite epoch-ms instant, got ${asOf}`);
  const halfLifeDays = config.halfLifeDays;

  // People and accounts.
  const accounts = sortById(input.accounts, 'account');
  const accountCount = accounts.length;
  const personIdsRaw = new Float64Array(accountCount);
  for (let i = 0; i < accountCount; i++) personIdsRaw[i] = accounts[i].personId;
  const personIds = sortedDistinct(personIdsRaw);
  const personIndex = new IdIndex(personIds);
  const personCount = personIds.length;
  const accountPerson = new Int32Array(accountCount);
  const accountNetwork = new Uint8Array(accountCount);
  const accountKnownNetwork = new Uint8Array(accountCount);
  const followersByNetwork = new Float64Array(personCount * NETWORK_COUNT);
  const networkMask = new Uint8Array(personCount);
  for (let i = 0; i < accountCount; i++) {
    const account = accounts[i];
    const p = personIndex.get(account.personId);
    accountPerson[i] = p;
    const n = NETWORK_INDEX.get(account.network);
    if (n === undefined) continue;
    accountNetwork[i] = n;
    accountKnownNetwork[i] = 1;
    networkMask[p] |= 1 << n;
    const followers = account.followers;
    if (Number.isFinite(followers) && followers > 0) followersByNetwork[p * NETWORK_COUNT + n] += followers;
  }
  const accountIndex = new IdIndex(Float64Array.from(accounts, (a) => a.id));

  // Content.
  const contentIn = sortById(input.content ?? [], 'content');
  const keptContent: ScoringContent[] = [];
  const keptAuthor: number[] = [];
  for (const item of contentIn) {
    const a = accountIndex.get(item.authorAccountId);
    if (a < 0 || accountKnownNetwork[a] === 0) continue;
    keptContent.push(item);
    keptAuthor.push(a);
  }
  const contentCount = keptContent.length;
  const contentIds = new Float64Array(contentCount);
  const contentPerson = new Int32Array(contentCount);
  const contentNetwork = new Uint8Array(contentCount);
  const contentIsPost = new Uint8Array(contentCount);
  const contentDecay = new Float64Array(contentCount);
  const contentTopics: (readonly string[])[] = new Array<readonly string[]>(contentCount);
  for (let c = 0; c < contentCount; c++) {
    const item = keptContent[c];
    const a = keptAuthor[c];
    contentIds[c] = item.id;
    contentPerson[c] = accountPerson[a];
    contentNetwork[c] = accountNetwork[a];
    contentIsPost[c] = item.kind === ContentKind.COMMENT ? 0 : 1;
    contentDecay[c] = item.postedAt <= asOf ? eventWeight(asOf, item.postedAt, config) * (input.contentWeights?.get(item.id) ?? 1) : 0;
    contentTopics[c] = canonicalTopics(item.topicIds);
  }
  const contentIndex = new IdIndex(contentIds);
  const personContentStart = new Int32Array(personCount + 1);
  for (let c = 0; c < contentCount; c++) personContentStart[contentPerson[c] + 1]++;
  for (let p = 0; p < personCount; p++) personContentStart[p + 1] += personContentStart[p];
  const personContent = new Int32Array(contentCount);
  {
    const fill = personContentStart.slice(0, personCount);
    for (let c = 0; c < contentCount; c++) personContent[fill[contentPerson[c]]++] = c;
  }

  // Interactions: read once into typed arrays, dropping what cannot count.
  const source = input.interactions;
  const total = interactionCount(source);
  const rawActor = new Int32Array(total);
  const rawTarget = new Int32Array(total);
  const rawContent = new Int32Array(total);
  const rawKind = new Uint8Array(total);
  const rawNetwork = new Uint8Array(total);
  const rawTime = new Float64Array(total);
  const weights = input.interactionWeights;
  const rawWeight = weights ? new Float64Array(total) : undefined;
  let m = 0;
  /**
   * Keeps interaction i unless it cannot count; the same rules for records and columns. Its
   * authenticity weight (if any) is kept beside it: 0 leaves it out as if it were not there.
   */
  const keep = (i: number, time: number, actorAccountId: number, targetAccountId: number, kind: number, targetContentId: number | null): void => {
    if (!(time <= asOf)) return; // not yet happened (or not a time)
    if (weights && !(weights[i] > 0)) return; // discounted to nothing by authenticity
    const a = accountIndex.get(actorAccountId);
    const t = accountIndex.get(targetAccountId);
    if (a < 0 || t < 0 || accountKnownNetwork[t] === 0) return;
    const actorPerson = accountPerson[a];
    const targetPerson = accountPerson[t];
    if (actorPerson === targetPerson) return; // one's own reactions prove nothing
    if (!(kind < KIND_COUNT)) return; // a kind the engine does not know
    rawActor[m] = actorPerson;
    rawTarget[m] = targetPerson;
    rawKind[m] = kind;
    rawNetwork[m] = accountNetwork[t];
    rawTime[m] = time;
    rawContent[m] = targetContentId == null ? -1 : contentIndex.get(targetContentId);
    if (rawWeight) rawWeight[m] = weights![i];
    m++;
  };
  if (isInteractionColumns(source)) {
    const { actorAccountId, targetAccountId, targetContentId, kind, occurredAt } = source;
    for (let i = 0; i < total; i++) {
      const content = targetContentId[i];
      keep(i, occurredAt[i], actorAccountId[i], targetAccountId[i], kind[i], content === content ? content : null);
    }
  } else {
    for (let i = 0; i < total; i++) {
      const interaction = source[i];
      keep(i, interaction.occurredAt, interaction.actorAccountId, interaction.targetAccountId, KIND_INDEX.get(interaction.kind) ?? UNKNOWN_KIND, interaction.targetContentId);
    }
  }

  // Canonical order: counting sort by actor, then (stably) by target, then each (target, actor)
  // run by its remaining keys.
  const order = orderByKeys(rawTarget.subarray(0, m), rawActor.subarray(0, m), personCount);
  // Actor and target in canonical order, gathered once: constant within a (target, actor) run, so
  // sorting the runs below leaves them as they are, and the passes over pairs read them in sequence.
  const actor = permute(rawActor, order, new Int32Array(m));
  const target = permute(rawTarget, order, new Int32Array(m));
  let pairCount = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0 || target[i] !== target[i - 1] || actor[i] !== actor[i - 1]) pairCount++;
  }
  const pairStart = new Int32Array(pairCount + 1);
  const pairActor = new Int32Array(pairCount);
  const pairTarget = new Int32Array(pairCount);
  const targetPairStart = new Int32Array(personCount + 1);
  {
    let k = -1;
    for (let i = 0; i < m; i++) {
      if (i === 0 || target[i] !== target[i - 1] || actor[i] !== actor[i - 1]) {
        k++;
        pairStart[k] = i;
        pairActor[k] = actor[i];
        pairTarget[k] = target[i];
        targetPairStart[target[i] + 1]++;
      }
    }
    pairStart[pairCount] = m;
    for (let p = 0; p < personCount; p++) targetPairStart[p + 1] += targetPairStart[p];
  }
  const runKeys = { time: rawTime, kind: rawKind, network: rawNetwork, content: rawContent };
  for (let k = 0; k < pairCount; k++) {
    if (pairStart[k + 1] - pairStart[k] > 1) sortRun(order, pairStart[k], pairStart[k + 1], runKeys);
  }

  const contentOf = permute(rawContent, order, new Int32Array(m));
  const kind = permute(rawKind, order, new Uint8Array(m));
  const network = permute(rawNetwork, order, new Uint8Array(m));
  const time = permute(rawTime, order, new Float64Array(m));
  const decay = new Float64Array(m);
  for (let i = 0; i < m; i++) decay[i] = eventWeight(asOf, time[i], config);
  if (rawWeight) for (let i = 0; i < m; i++) decay[i] *= rawWeight[order[i]]; // a discounted interaction weighs less

  // Reply-backs, pair by pair in time order (see classifyPair).
  const replyBack = new Uint8Array(m);
  const classified = new Uint8Array(pairCount);
  for (let k = 0; k < pairCount; k++) {
    if (classified[k] === 1) continue;
    classified[k] = 1;
    const reverse = findPair(targetPairStart, pairActor, pairActor[k], pairTarget[k]);
    if (reverse < 0) continue; // one-way: nobody to answer, everything is a reaction
    classified[reverse] = 1;
    // The run whose actor has the smaller id goes first at equal instants.
    if (pairActor[k] < pairActor[reverse]) classifyPair(pairStart[k], pairStart[k + 1], pairStart[reverse], pairStart[reverse + 1], kind, time, replyBack);
    else classifyPair(pairStart[reverse], pairStart[reverse + 1], pairStart[k], pairStart[k + 1], kind, time, replyBack);
  }

  const kindWeight = Float64Array.from(INTERACTION_KINDS, (k) => config.kindWeights[k]);
  const pairReaction = new Float64Array(pairCount);
  const pairReactionCount = new Float64Array(pairCount);
  const reactionsGiven = new Float64Array(personCount);
  for (let k = 0; k < pairCount; k++) {
    let sum = 0;
    let given = 0;
    for (let i = pairStart[k], end = pairStart[k + 1]; i < end; i++) {
      sum += kindWeight[kind[i]] * decay[i];
      if (replyBack[i] === 1) continue;
      given += decay[i];
    }
    pairReaction[k] = sum;
    pairReactionCount[k] = given;
    reactionsGiven[pairActor[k]] += given; // pairs run in canonical order, so this sum is too
  }

  return {
    asOf,
    halfLifeDays,
    personCount,
    personIds,
    personIndex,
    followersByNetwork,
    networkMask,
    accountCount,
    contentCount,
    contentIds,
    contentPerson,
    contentNetwork,
    contentIsPost,
    contentDecay,
    contentTopics,
    contentIndex,
    personContentStart,
    personContent,
    interactionCount: m,
    actor,
    target,
    contentOf,
    kind,
    network,
    time,
    decay,
    replyBack,
    ignoredInteractions: total - m,
    pairCount,
    pairStart,
    pairActor,
    pairTarget,
    targetPairStart,
    pairReaction,
    pairReactionCount,
    reactionsGiven,
  };
}

/**
 * Diminishing returns on one reactor's (or one conversation partner's) weighted reactions s:
 * 2(√(1 + s) − 1) — about s for a light tie, about 2√s for a heavy one. 100 likes from one person
 * are worth 18, from 100 people 83.
 */
export function diminish(s: number): number {
  return 2 * (Math.sqrt(1 + s) - 1);
}

/**
 * Selectivity of a reactor towards one author: 1 / log2(2 + max(0, G − free) / normal), G the
 * effective reactions the reactor gave OTHERS. Reacting to people is what an audience does, so the
 * first `freeReactions` cost nothing; past them, someone reacting to everything counts less (0.5 at
 * `normalReactions` beyond the free ones, 0.15 at a hundred times). Leaving out what they gave this
 * author means more reactions to an author never make each of them worth less to that author.
 */
export function selectivity(reactionsGiven: number, givenToThisAuthor: number, rule: ScoringConfig['selectivity']): number {
  const excess = reactionsGiven - givenToThisAuthor - rule.freeReactions;
  return excess > 0 ? 1 / Math.log2(2 + excess / rule.normalReactions) : 1;
}

/** The pair (target, actor), found by binary search among the target's pairs; -1 if none. */
export function findPair(targetPairStart: Int32Array, pairActor: Int32Array, target: number, actor: number): number {
  return searchSorted(pairActor, actor, targetPairStart[target], targetPairStart[target + 1]);
}

/**
 * Walks the two directions of a pair, [aStart, aEnd) and [bStart, bEnd) (each sorted by time), in
 * time order — run a first at equal instants — marking a conversation interaction as a reply-back
 * when the other side's first reaction is at or before it.
 */
function classifyPair(aStart: number, aEnd: number, bStart: number, bEnd: number, kind: Uint8Array, time: Float64Array, replyBack: Uint8Array): void {
  let hasConversation = false;
  for (let i = aStart; i < aEnd && !hasConversation; i++) if (IS_CONVERSATION_KIND[kind[i]] === 1) hasConversation = true;
  for (let i = bStart; i < bEnd && !hasConversation; i++) if (IS_CONVERSATION_KIND[kind[i]] === 1) hasConversation = true;
  if (!hasConversation) return;
  let firstReactionA = Infinity; // first reaction of a's actor on a's target
  let firstReactionB = Infinity;
  let i = aStart;
  let j = bStart;
  while (i < aEnd || j < bEnd) {
    if (j >= bEnd || (i < aEnd && time[i] <= time[j])) {
      if (IS_CONVERSATION_KIND[kind[i]] === 1 && firstReactionB <= time[i]) replyBack[i] = 1;
      else if (firstReactionA === Infinity) firstReactionA = time[i];
      i++;
    } else {
      if (IS_CONVERSATION_KIND[kind[j]] === 1 && firstReactionA <= time[j]) replyBack[j] = 1;
      else if (firstReactionB === Infinity) firstReactionB = time[j];
      j++;
    }
  }
}

/** Items by id; input already in id order (as the database returns it) is used as is. */
function sortById<T extends { id: number }>(items: readonly T[], what: string): readonly T[] {
  let sorted = items;
  for (let i = 1; i < items.length; i++) {
    if (!(items[i].id > items[i - 1].id)) {
      sorted = items.slice().sort((a, b) => a.id - b.id);
      break;
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new RangeError(`scoring: duplicate ${what} id ${sorted[i].id}`);
  }
  return sorted;
}

/** Sorted distinct topic ids; the input array itself when it already is (it is never modified). */
function canonicalTopics(topicIds: readonly string[]): readonly string[] {
  for (let i = 1; i < topicIds.length; i++) {
    if (!(topicIds[i] > topicIds[i - 1])) return [...new Set(topicIds)].sort();
  }
  return topicIds;
}

/**
 * Positions 0..n−1 ordered by (primary, secondary), both keys in 0..keyCount−1, ties in position
 * order: two stable counting-sort passes. The first pass scatters each primary key beside its
 * position, so the second reads keys in sequence instead of gathering them through the order
 * (on a million interactions, random reads are what these passes cost).
 */
export function orderByKeys(primary: Int32Array, secondary: Int32Array, keyCount: number): Int32Array {
  const n = primary.length;
  const next = new Int32Array(keyCount + 1);
  for (let i = 0; i < n; i++) next[secondary[i] + 1]++;
  for (let k = 0; k < keyCount; k++) next[k + 1] += next[k];
  const bySecondary = new Int32Array(n);
  const primaryBySecondary = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = next[secondary[i]]++;
    bySecondary[at] = i;
    primaryBySecondary[at] = primary[i];
  }
  next.fill(0);
  for (let i = 0; i < n; i++) next[primary[i] + 1]++;
  for (let k = 0; k < keyCount; k++) next[k + 1] += next[k];
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[next[primaryBySecondary[i]]++] = bySecondary[i];
  return out;
}

interface RunKeys {
  time: Float64Array;
  kind: Uint8Array;
  network: Uint8Array;
  content: Int32Array;
}

function compareRecords(a: number, b: number, keys: RunKeys): number {
  return keys.time[a] - keys.time[b] || keys.kind[a] - keys.kind[b] || keys.network[a] - keys.network[b] || keys.content[a] - keys.content[b];
}

/** Sorts order[start..end) by (time, kind, network, content). */
function sortRun(order: Int32Array, start: number, end: number, keys: RunKeys): void {
  if (end - start <= 24) {
    for (let i = start + 1; i < end; i++) {
      const value = order[i];
      let j = i - 1;
      while (j >= start && compareRecords(order[j], value, keys) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = value;
    }
    return;
  }
  order.subarray(start, end).sort((a, b) => compareRecords(a, b, keys));
}

function permute<T extends Int32Array | Uint8Array | Float64Array>(values: T, order: Int32Array, out: T): T {
  for (let i = 0; i < order.length; i++) out[i] = values[order[i]];
  return out;
}
