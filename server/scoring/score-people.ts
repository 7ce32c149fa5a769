import { INTERACTION_KINDS, type InteractionKind } from '#shared/interactions';
import { resolveScoringConfig, type ScoringConfig } from './config';
import { countedKGrants, hasDiscounts, interactionWeights } from './authenticity/discounts';
import { computeExpertise } from './expertise';
import { buildLedger, orderByKeys, diminish, findPair, IS_CONVERSATION_KIND, KIND_COUNT, NETWORK_COUNT, networkAt, selectivity, type Ledger } from './ledger';
import { impactPositionOf, networkImpactFromLedger, onwardExcluding, onwardTie, reactionsGivenAt } from './network-impact';
import { roundScore, scoreBand, toScale } from './scale';
import type {
  ContentContribution,
  EngagerContribution,
  NetworkImpact,
  NetworkSubScore,
  PersonScore,
  ScoringInput,
  ScoringResult,
  ScoringStats,
  TopicExpertise,
} from './types';

const TOP_COUNT = 5;

/**
 * Scores people from their accounts on every network together. See README.md for the model.
 *
 * What a person's score depends on — and so what a subset given with a cached `networkImpact`
 * must contain to reproduce it exactly:
 * - the person's accounts and content;
 * - every interaction ON the person's accounts and every interaction BY them (replies they give
 *   back to their audience are conversation; telling a reply-back from a reaction needs both
 *   directions of each pair);
 * - the accounts of everyone in those interactions (to map accounts to people);
 * - for each of those people, the onward audience, λ and reactions given, taken from `networkImpact`
 *   (or `reactorActivity`); people in neither have no onward audience and have their reactions
 *   given counted from the interactions supplied.
 * Expertise additionally uses +K grants to the person and, for the givers, their expertise:
 * computed here if their content is supplied, else taken from `previousExpertise`.
 */
export function scorePeople(input: ScoringInput): ScoringResult {
  const scoring = prepareScoring(input);
  const people: PersonScore[] = [];
  const byPerson = new Map<number, PersonScore>();
  for (let i = 0; i < scoring.count; i++) {
    const score = scoring.score(i);
    people.push(score);
    byPerson.set(score.personId, score);
  }
  return {
    asOf: input.asOf,
    config: scoring.config,
    people,
    byPerson,
    expertise: scoring.expertise(),
    networkImpact: scoring.networkImpact,
    stats: scoring.stats,
  };
}

/**
 * scorePeople one person at a time, for callers that write scores as they go rather than hold a
 * hundred thousand of them (the full rescore). Everything shared is computed up front; score(i)
 * then scores the i-th person in ascending id order, as scorePeople's `people` lists them.
 */
export interface PreparedScoring {
  readonly config: ScoringConfig;
  /** The network impact used: the one given, or the one computed (cache it). */
  readonly networkImpact: NetworkImpact;
  readonly stats: ScoringStats;
  /** How many people there are to score. */
  readonly count: number;
  /** The i-th person's score, 0 ≤ i < count; each call builds a new PersonScore. */
  score(i: number): PersonScore;
  /** Every scored person's topic expertise (as ScoringResult.expertise). */
  expertise(): Map<number, TopicExpertise[]>;
}

export function prepareScoring(input: ScoringInput): PreparedScoring {
  const config = resolveScoringConfig(input.config);
  const discounts = hasDiscounts(input.discounts) ? input.discounts : undefined;
  const ledger = buildLedger(
    discounts ? { ...input, interactionWeights: interactionWeights(input.interactions, discounts), contentWeights: discounts.content } : input,
    config,
  );
  const impact = input.networkImpact ?? networkImpactFromLedger(ledger, config);
  if (impact.halfLifeDays !== config.halfLifeDays || impact.onward.thresholdMultiple !== config.onward.thresholdMultiple || impact.onward.maxWeight !== config.onward.maxWeight || impact.onward.depth !== config.onward.depth) {
    throw new RangeError('scorePeople: networkImpact was computed with a different half-life or onward rule than this config');
  }

  const reactor = reactorFactors(ledger, impact, input.reactorActivity);
  const conversation = conversationLedger(ledger);
  const scored = peopleToScore(ledger, input.personIds);
  const scorer = new PersonScorer(ledger, config, reactor, conversation);
  // Only what expertise needs is kept: not the input, whose records may be large. Traded +K
  // (authenticity) are left out here, once.
  const { topicEdges = [], previousExpertise } = input;
  const kGrants = input.discounts ? countedKGrants(input.kGrants ?? [], input.discounts) : (input.kGrants ?? []);

  return {
    config,
    networkImpact: impact,
    stats: {
      people: scored.length,
      accounts: ledger.accountCount,
      content: ledger.contentCount,
      interactions: ledger.interactionCount,
      ignoredInteractions: ledger.ignoredInteractions,
    },
    count: scored.length,
    score: (i) => scorer.score(scored[i]),
    expertise: () =>
      computeExpertise({
        ledger,
        scored,
        reactionsGiven: reactor.reactionsGiven,
        kindWeights: config.kindWeights,
        kGrants,
        topicEdges,
        previous: previousExpertise,
        config,
      }),
  };
}

interface ReactorFactors {
  /** Effective reactions given, from reactorActivity, the network impact or the ledger (in that order). */
  reactionsGiven: Float64Array;
  /** Onward audience (A_depth) from the network impact; 0 for people not in it. */
  onward: Float64Array;
  /** The same one hop less (A_depth−1), or NaN when the impact does not know the person. */
  onwardBefore: Float64Array;
  /** The onward weight λ of the person's community; 0 for people not in the impact. */
  transmissibility: Float64Array;
}

function reactorFactors(ledger: Ledger, impact: NetworkImpact, activity: ScoringInput['reactorActivity']): ReactorFactors {
  const n = ledger.personCount;
  const reactionsGiven = new Float64Array(n);
  const onward = new Float64Array(n);
  const onwardBefore = new Float64Array(n).fill(NaN);
  const transmissibility = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const personId = ledger.personIds[p];
    reactionsGiven[p] = activity?.get(personId) ?? reactionsGivenAt(impact, personId, ledger.asOf) ?? ledger.reactionsGiven[p];
    const v = impactPositionOf(impact, personId);
    if (v === undefined) continue;
    onward[p] = impact.onwardAudience[v];
    onwardBefore[p] = impact.onwardBefore[v];
    transmissibility[p] = impact.transmissibility[v];
  }
  return { reactionsGiven, onward, onwardBefore, transmissibility };
}

/**
 * Conversation entries, one per side: every reply/comment counts for the person replied to, and a
 * reply-back also for the one replying. Grouped by (owner, partner) in canonical order.
 */
interface ConversationLedger {
  ownerStart: Int32Array;
  partner: Int32Array;
  weight: Float64Array;
  network: Uint8Array;
  /** The owner's content the entry is about, or -1. */
  content: Int32Array;
}

function conversationLedger(ledger: Ledger): ConversationLedger {
  const { interactionCount: m, kind, replyBack, actor, target, decay, network, contentOf, contentPerson } = ledger;
  let count = 0;
  for (let i = 0; i < m; i++) if (IS_CONVERSATION_KIND[kind[i]] === 1) count += replyBack[i] === 1 ? 2 : 1;
  const owner = new Int32Array(count);
  const partner = new Int32Array(count);
  const weight = new Float64Array(count);
  const net = new Uint8Array(count);
  const content = new Int32Array(count);
  let e = 0;
  for (let i = 0; i < m; i++) {
    if (IS_CONVERSATION_KIND[kind[i]] === 0) continue;
    owner[e] = target[i];
    partner[e] = actor[i];
    weight[e] = decay[i];
    net[e] = network[i];
    content[e] = contentOf[i] >= 0 && contentPerson[contentOf[i]] === target[i] ? contentOf[i] : -1;
    e++;
    if (replyBack[i] === 1) {
      owner[e] = actor[i];
      partner[e] = target[i];
      weight[e] = decay[i];
      net[e] = network[i];
      content[e] = -1;
      e++;
    }
  }
  const order = orderByKeys(owner.subarray(0, count), partner.subarray(0, count), ledger.personCount);
  const ownerStart = new Int32Array(ledger.personCount + 1);
  for (let i = 0; i < count; i++) ownerStart[owner[i] + 1]++;
  for (let p = 0; p < ledger.personCount; p++) ownerStart[p + 1] += ownerStart[p];
  const take = <T extends Int32Array | Float64Array | Uint8Array>(values: T, out: T): T => {
    for (let i = 0; i < count; i++) out[i] = values[order[i]];
    return out;
  };
  return {
    ownerStart,
    partner: take(partner, new Int32Array(count)),
    weight: take(weight, new Float64Array(count)),
    network: take(net, new Uint8Array(count)),
    content: take(content, new Int32Array(count)),
  };
}

function peopleToScore(ledger: Ledger, personIds: readonly number[] | undefined): Int32Array {
  if (personIds === undefined) {
    const all = new Int32Array(ledger.personCount);
    for (let p = 0; p < all.length; p++) all[p] = p;
    return all;
  }
  const wanted = new Set<number>();
  for (const id of personIds) {
    const p = ledger.personIndex.get(id);
    if (p >= 0) wanted.add(p);
  }
  return Int32Array.from(wanted).sort();
}

/** Per-network accumulators, reused from person to person. */
class NetworkSums {
  readonly reach = new Float64Array(NETWORK_COUNT);
  readonly engagement = new Float64Array(NETWORK_COUNT);
  readonly impact = new Float64Array(NETWORK_COUNT);
  readonly conversation = new Float64Array(NETWORK_COUNT);
  readonly posts = new Float64Array(NETWORK_COUNT);
  clear(): void {
    this.reach.fill(0);
    this.engagement.fill(0);
    this.impact.fill(0);
    this.conversation.fill(0);
    this.posts.fill(0);
  }
}

class PersonScorer {
  private readonly kindWeight: Float64Array;
  private readonly network = new NetworkSums();
  private readonly pairNetworkSum = new Float64Array(NETWORK_COUNT);
  private readonly kindDecay = new Float64Array(KIND_COUNT);
  private readonly followerTermByNetwork = new Float64Array(NETWORK_COUNT);
  /** Per received pair of the current person: its reach, engagement and impact terms. */
  private pairReach = new Float64Array(64);
  private pairEngagement = new Float64Array(64);
  private pairImpact = new Float64Array(64);
  /** Per conversation partner of the current person: its conversation term. */
  private partnerConversation = new Float64Array(64);
  /** Raw-value contribution per content, reset after each person. */
  private readonly contentValue: Float64Array;
  private readonly followerLogCap: number;

  constructor(
    private readonly ledger: Ledger,
    private readonly config: ScoringConfig,
    private readonly reactor: ReactorFactors,
    private readonly conversation: ConversationLedger,
  ) {
    this.kindWeight = Float64Array.from(INTERACTION_KINDS, (k) => config.kindWeights[k]);
    this.contentValue = new Float64Array(ledger.contentCount);
    this.followerLogCap = Math.log10(1 + config.reach.followersAtCap);
  }

  score(p: number): PersonScore {
    const { ledger, config, reactor, conversation, network, kindWeight } = this;
    const { reactionsGiven } = reactor;
    const { saturation } = config.reach;
    const ownBefore = this.ownOnwardBefore(p);
    const weights = config.weights;
    network.clear();
    this.kindDecay.fill(0);

    // Posts, all networks and per network.
    let posts = 0;
    for (let j = ledger.personContentStart[p]; j < ledger.personContentStart[p + 1]; j++) {
      const c = ledger.personContent[j];
      if (ledger.contentIsPost[c] === 0) continue;
      posts += ledger.contentDecay[c];
      network.posts[ledger.contentNetwork[c]] += ledger.contentDecay[c];
    }
    let followers = 0;
    const followerTerm = this.followerTermByNetwork;
    for (let n = 0; n < NETWORK_COUNT; n++) {
      const f = ledger.followersByNetwork[p * NETWORK_COUNT + n];
      followers += f;
      followerTerm[n] = this.followerTerm(f);
    }
    const followerReach = this.followerTerm(followers);

    // Reactions received, pair by pair (reactors ascending).
    const pairFrom = ledger.targetPairStart[p];
    const pairTo = ledger.targetPairStart[p + 1];
    this.ensurePairCapacity(pairTo - pairFrom);
    let reach = 0;
    let engagement = 0;
    let impact = 0;
    let undiscountedEngagement = 0;
    let distinctReactors = 0;
    let reactions = 0;
    for (let k = pairFrom; k < pairTo; k++) {
      const j = k - pairFrom;
      const s = ledger.pairReaction[k];
      if (s === 0) {
        this.pairReach[j] = 0;
        this.pairEngagement[j] = 0;
        this.pairImpact[j] = 0;
        continue;
      }
      const r = ledger.pairActor[k];
      const sel = selectivity(reactionsGiven[r], ledger.pairReactionCount[k], config.selectivity);
      const influence = this.influence(p, r, sel, s, ownBefore);
      const pairSum = this.pairNetworkSum;
      pairSum.fill(0);
      let latest = 0;
      for (let i = ledger.pairStart[k]; i < ledger.pairStart[k + 1]; i++) {
        const w = ledger.decay[i];
        pairSum[ledger.network[i]] += kindWeight[ledger.kind[i]] * w;
        this.kindDecay[ledger.kind[i]] += w;
        reactions += w;
        if (w > latest) latest = w;
      }
      distinctReactors += latest;
      const reachTerm = sel * -Math.expm1(-s / saturation);
      const engagementTerm = sel * diminish(s);
      const impactTerm = engagementTerm * influence;
      this.pairReach[j] = reachTerm;
      this.pairEngagement[j] = engagementTerm;
      this.pairImpact[j] = impactTerm;
      reach += reachTerm;
      engagement += engagementTerm;
      impact += impactTerm;
      undiscountedEngagement += diminish(s);
      for (let n = 0; n < NETWORK_COUNT; n++) {
        const sn = pairSum[n];
        if (sn === 0) continue;
        const e = sel * diminish(sn);
        network.reach[n] += sel * -Math.expm1(-sn / saturation);
        network.engagement[n] += e;
        network.impact[n] += e * influence;
      }
    }

    // Conversation, partner by partner (ascending).
    const convFrom = conversation.ownerStart[p];
    const convTo = conversation.ownerStart[p + 1];
    let conversationValue = 0;
    let conversations = 0;
    let partners = 0;
    let partnerCount = 0;
    this.ensurePartnerCapacity(convTo - convFrom);
    const convNetworkSum = this.pairNetworkSum;
    for (let e = convFrom; e < convTo; ) {
      const q = conversation.partner[e];
      convNetworkSum.fill(0);
      let sum = 0;
      let latest = 0;
      let end = e;
      for (; end < convTo && conversation.partner[end] === q; end++) {
        const w = conversation.weight[end];
        sum += w;
        convNetworkSum[conversation.network[end]] += w;
        if (w > latest) latest = w;
      }
      const received = findPair(ledger.targetPairStart, ledger.pairActor, p, q);
      const sel = selectivity(reactionsGiven[q], received < 0 ? 0 : ledger.pairReactionCount[received], config.selectivity);
      const term = sel * diminish(sum);
      this.partnerConversation[partnerCount++] = term;
      conversationValue += term;
      conversations += sum;
      partners += latest;
      for (let n = 0; n < NETWORK_COUNT; n++) {
        if (convNetworkSum[n] > 0) network.conversation[n] += sel * diminish(convNetworkSum[n]);
      }
      e = end;
    }

    const postDivisor = Math.max(config.amplification.minPosts, posts);
    const reachValue = reach + followerReach;
    const amplificationValue = engagement / postDivisor;
    const raw =
      weights.reach * reachValue + weights.amplification * amplificationValue + weights.networkImpact * impact + weights.conversation * conversationValue;
    const exact = toScale(raw, config.scale);
    const score = roundScore(exact);
    const pointsPerRaw = raw > 0 ? (exact - 1) / raw : 0;

    // Per network: the same formula on the network's data alone.
    const perNetwork: NetworkSubScore[] = [];
    let networkRawSum = 0;
    for (let n = 0; n < NETWORK_COUNT; n++) {
      if ((ledger.networkMask[p] & (1 << n)) === 0) continue;
      const networkRaw =
        weights.reach * (network.reach[n] + followerTerm[n]) +
        (weights.amplification * network.engagement[n]) / Math.max(config.amplification.minPosts, network.posts[n]) +
        weights.networkImpact * network.impact[n] +
        weights.conversation * network.conversation[n];
      networkRawSum += networkRaw;
      perNetwork.push({ network: networkAt(n), raw: networkRaw, share: 0, score: roundScore(toScale(networkRaw, config.scale)) });
    }
    for (const entry of perNetwork) entry.share = networkRawSum > 0 ? entry.raw / networkRawSum : 0;

    const reactionsPerPost = {} as Record<InteractionKind, number>;
    for (let kind = 0; kind < KIND_COUNT; kind++) reactionsPerPost[INTERACTION_KINDS[kind]] = this.kindDecay[kind] / postDivisor;

    const evidence = { distinctReactors, reactions, contentCount: posts, conversations };
    const band = config.band;
    const evidenceUnits =
      band.reactorWeight * distinctReactors + band.reactionWeight * reactions + band.contentWeight * posts + band.conversationWeight * conversations;

    const { topContent, topEngagers } = raw > 0 ? this.attribute(p, postDivisor, pointsPerRaw) : { topContent: [], topEngagers: [] };

    return {
      personId: ledger.personIds[p],
      score,
      band: scoreBand(exact, evidenceUnits, band),
      raw,
      components: {
        reach: { value: reachValue, weight: weights.reach, contribution: weights.reach * reachValue * pointsPerRaw },
        amplification: {
          value: amplificationValue,
          weight: weights.amplification,
          contribution: weights.amplification * amplificationValue * pointsPerRaw,
        },
        networkImpact: { value: impact, weight: weights.networkImpact, contribution: weights.networkImpact * impact * pointsPerRaw },
        conversation: {
          value: conversationValue,
          weight: weights.conversation,
          contribution: weights.conversation * conversationValue * pointsPerRaw,
        },
      },
      perNetwork,
      evidence,
      figures: {
        reactionsPerPost,
        posts,
        reactorInfluence: engagement > 0 ? impact / engagement : 0,
        reactorSelectivity: undiscountedEngagement > 0 ? engagement / undiscountedEngagement : 0,
        conversationPartners: partners,
        followers,
      },
      topContent,
      topEngagers,
    };
  }

  /** Splits the score among content and engagers, using the per-pair terms left by score(). */
  private attribute(p: number, postDivisor: number, pointsPerRaw: number): { topContent: ContentContribution[]; topEngagers: EngagerContribution[] } {
    const { ledger, config, conversation, kindWeight, contentValue } = this;
    const weights = config.weights;
    const engagers = new TopList();

    const pairFrom = ledger.targetPairStart[p];
    const pairTo = ledger.targetPairStart[p + 1];
    const convFrom = conversation.ownerStart[p];
    const convTo = conversation.ownerStart[p + 1];
    let partnerIndex = 0;
    let e = convFrom;
    let k = pairFrom;
    // Merge the reactors (ascending) with the conversation partners (ascending).
    while (k < pairTo || e < convTo) {
      const reactorId = k < pairTo ? ledger.pairActor[k] : Infinity;
      const partnerId = e < convTo ? conversation.partner[e] : Infinity;
      const who = Math.min(reactorId, partnerId);
      let value = 0;
      if (reactorId === who) {
        const j = k - pairFrom;
        const pairValue =
          weights.reach * this.pairReach[j] + (weights.amplification * this.pairEngagement[j]) / postDivisor + weights.networkImpact * this.pairImpact[j];
        value += pairValue;
        const s = ledger.pairReaction[k];
        if (pairValue > 0) {
          for (let i = ledger.pairStart[k]; i < ledger.pairStart[k + 1]; i++) {
            const c = ledger.contentOf[i];
            if (c < 0 || ledger.contentPerson[c] !== p) continue;
            contentValue[c] += (pairValue * kindWeight[ledger.kind[i]] * ledger.decay[i]) / s;
          }
        }
        k++;
      }
      if (partnerId === who) {
        const term = weights.conversation * this.partnerConversation[partnerIndex++];
        value += term;
        let sum = 0;
        let end = e;
        for (; end < convTo && conversation.partner[end] === who; end++) sum += conversation.weight[end];
        if (term > 0) {
          for (let x = e; x < end; x++) {
            const c = conversation.content[x];
            if (c >= 0) contentValue[c] += (term * conversation.weight[x]) / sum;
          }
        }
        e = end;
      }
      if (value > 0) engagers.offer(ledger.personIds[who], value * pointsPerRaw);
    }

    const contents = new TopList();
    for (let j = ledger.personContentStart[p]; j < ledger.personContentStart[p + 1]; j++) {
      const c = ledger.personContent[j];
      if (contentValue[c] > 0) {
        contents.offer(ledger.contentIds[c], contentValue[c] * pointsPerRaw);
        contentValue[c] = 0;
      }
    }
    return {
      topContent: contents.items().map(([contentId, contribution]) => ({ contentId, contribution })),
      topEngagers: engagers.items().map(([personId, contribution]) => ({ personId, contribution })),
    };
  }

  /**
   * Reactor r's influence on p's behalf: 1 + λ × r's onward audience, without the part of it that is
   * p's own tie back to r (network-impact.ts: onwardExcluding). r reacted to p with weighted
   * reactions s at selectivity sel.
   */
  private influence(p: number, r: number, sel: number, s: number, ownBefore: number): number {
    const { ledger, reactor } = this;
    const lambda = reactor.transmissibility[r];
    const figure = reactor.onward[r];
    if (figure === 0) return 1;
    const back = findPair(ledger.targetPairStart, ledger.pairActor, r, p);
    const backTie =
      back < 0 || ledger.pairReaction[back] === 0
        ? 0
        : selectivity(reactor.reactionsGiven[p], ledger.pairReactionCount[back], this.config.selectivity) * onwardTie(ledger.pairReaction[back], lambda);
    const own = ownBefore === ownBefore ? ownBefore : this.ownOnwardFromReactions(p, lambda);
    return 1 + lambda * onwardExcluding(figure, backTie, own, sel * onwardTie(s, lambda), lambda);
  }

  /** p's onward figure one hop less, as the network impact has it; NaN when it does not know p (depth 2: computed from p's reactions by the caller). */
  private ownOnwardBefore(p: number): number {
    const cached = this.reactor.onwardBefore[p];
    if (cached === cached) return cached;
    return this.config.onward.depth === 1 ? 0 : NaN;
  }

  /** Person, λ and value of the last ownOnwardFromReactions, so a person's reactors share one pass. */
  private ownOnwardFor = -1;
  private ownOnwardLambda = NaN;
  private ownOnwardValue = 0;

  /** A₁(p), from p's own reactions at the reactor's community's λ, once per person and λ. */
  private ownOnwardFromReactions(p: number, lambda: number): number {
    if (this.ownOnwardFor === p && this.ownOnwardLambda === lambda) return this.ownOnwardValue;
    const { ledger, reactor } = this;
    let sum = 0;
    for (let k = ledger.targetPairStart[p]; k < ledger.targetPairStart[p + 1]; k++) {
      const s = ledger.pairReaction[k];
      if (s > 0) sum += selectivity(reactor.reactionsGiven[ledger.pairActor[k]], ledger.pairReactionCount[k], this.config.selectivity) * onwardTie(s, lambda);
    }
    this.ownOnwardFor = p;
    this.ownOnwardLambda = lambda;
    this.ownOnwardValue = sum;
    return sum;
  }

  private followerTerm(followers: number): number {
    if (!(followers > 0)) return 0;
    return this.config.reach.followerWeight * Math.min(1, Math.log10(1 + followers) / this.followerLogCap);
  }

  private ensurePairCapacity(count: number): void {
    if (count <= this.pairReach.length) return;
    const size = Math.max(count, this.pairReach.length * 2);
    this.pairReach = new Float64Array(size);
    this.pairEngagement = new Float64Array(size);
    this.pairImpact = new Float64Array(size);
  }

  private ensurePartnerCapacity(count: number): void {
    if (count > this.partnerConversation.length) this.partnerConversation = new Float64Array(Math.max(count, this.partnerConversation.length * 2));
  }
}

/** The TOP_COUNT largest values, ties broken by the smaller id. */
class TopList {
  private readonly entries: [number, number][] = [];
  offer(id: number, value: number): void {
    const entries = this.entries;
    if (entries.length === TOP_COUNT && !before(id, value, entries[TOP_COUNT - 1])) return;
    let i = entries.length;
    if (i === TOP_COUNT) i--;
    entries[i] = [id, value];
    while (i > 0 && before(entries[i][0], entries[i][1], entries[i - 1])) {
      const swap = entries[i];
      entries[i] = entries[i - 1];
      entries[i - 1] = swap;
      i--;
    }
  }
  items(): [number, number][] {
    return this.entries;
  }
}

function before(id: number, value: number, other: [number, number]): boolean {
  return value > other[1] || (value === other[1] && id < other[0]);
}
