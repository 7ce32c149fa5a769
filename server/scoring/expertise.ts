import { INTERACTION_KINDS } from '#shared/interactions';
import type { ScoringConfig } from './config';
import { decayFactor, eventWeight, selectivity, type Ledger } from './ledger';
import type { ExpertiseSnapshot, KGrant, TopicEdge, TopicExpertise } from './types';

/**
 * Topic expertise, 0..100:
 * 1. each piece of content earns credit = Σ over its reactions of selectivity × kindWeight × decay,
 *    split evenly among its topics (tagging ten topics does not multiply the credit);
 * 2. each +K adds kGrantCredit × decay × (1 + boost × giver's expertise in the topic / 100);
 * 3. credit flows up the ontology: a topic passes upwardShare of what it holds (its own and what
 *    its children passed) to its parents, split evenly — nba → basketball → sports;
 * 4. expertise = 100 · credit / (credit + creditAtHalf), never below the previous snapshot's
 *    value halved per fadeHalfLifeDays elapsed (so it fades gradually, even if content vanishes);
 * 5. hysteresis: a topic turns active at enterThreshold and turns inactive only below
 *    leaveThreshold, so a person hovering around one threshold does not flap.
 */

export interface ExpertiseInput {
  ledger: Ledger;
  /** Ledger positions of the people to report. */
  scored: Int32Array;
  /** Effective reactions each person gave (for selectivity). */
  reactionsGiven: Float64Array;
  kindWeights: ScoringConfig['kindWeights'];
  kGrants: readonly KGrant[];
  topicEdges: readonly TopicEdge[];
  previous: ExpertiseSnapshot | undefined;
  config: ScoringConfig;
}

export function computeExpertise(input: ExpertiseInput): Map<number, TopicExpertise[]> {
  const { ledger, scored, config } = input;
  const topics = config.topics;
  const ontology = new Ontology(input.topicEdges, topics.upwardShare);
  const contentCredit = contentEngagement(ledger, input.reactionsGiven, input.kindWeights, config.selectivity);
  const previous = usablePrevious(input.previous, ledger.asOf);
  const fade = previous === undefined ? 0 : decayFactor(ledger.asOf, previous.asOf, topics.fadeHalfLifeDays);

  const grantsByReceiver = new Map<number, KGrant[]>();
  for (const grant of [...input.kGrants].sort(compareGrants)) {
    if (grant.giverPersonId === grant.receiverPersonId || !(grant.givenAt <= ledger.asOf)) continue;
    let list = grantsByReceiver.get(grant.receiverPersonId);
    if (list === undefined) grantsByReceiver.set(grant.receiverPersonId, (list = []));
    list.push(grant);
  }

  // Givers' expertise from their content alone (no +K, so nothing is circular), or from the
  // previous snapshot if that is higher or their content is not in this input.
  const giverExpertise = new Map<number, Map<string, number>>();
  const giverTopic = (giverId: number, topicId: string): number => {
    let byTopic = giverExpertise.get(giverId);
    if (byTopic === undefined) {
      byTopic = new Map();
      const p = ledger.personIndex.get(giverId);
      if (p >= 0) {
        for (const [topicId, credit] of ontology.propagate(personContentCredit(ledger, p, contentCredit))) {
          byTopic.set(topicId, expertiseOf(credit, topics.creditAtHalf));
        }
      }
      for (const entry of previous?.expertise.get(giverId) ?? []) {
        byTopic.set(entry.topicId, Math.max(byTopic.get(entry.topicId) ?? 0, entry.expertise * fade));
      }
      giverExpertise.set(giverId, byTopic);
    }
    return byTopic.get(topicId) ?? 0;
  };

  const result = new Map<number, TopicExpertise[]>();
  for (const p of scored) {
    const personId = ledger.personIds[p];
    const credit = personContentCredit(ledger, p, contentCredit);
    if (credit.size === 0 && !grantsByReceiver.has(personId) && previous?.expertise.get(personId) === undefined) {
      result.set(personId, []); // nothing topical: skip the ontology walk
      continue;
    }
    for (const grant of grantsByReceiver.get(personId) ?? []) {
      const boost = 1 + (topics.kGiverExpertiseBoost * giverTopic(grant.giverPersonId, grant.topicId)) / 100;
      const value = topics.kGrantCredit * eventWeight(ledger.asOf, grant.givenAt, config) * boost;
      credit.set(grant.topicId, (credit.get(grant.topicId) ?? 0) + value);
    }
    const propagated = ontology.propagate(credit);

    const before = new Map<string, TopicExpertise>();
    for (const entry of previous?.expertise.get(personId) ?? []) before.set(entry.topicId, entry);
    const topicIds = before.size === 0 ? propagated.keys() : new Set<string>([...propagated.keys(), ...before.keys()]);
    const list: TopicExpertise[] = [];
    for (const topicId of topicIds) {
      const earlier = before.get(topicId);
      const fresh = expertiseOf(propagated.get(topicId) ?? 0, topics.creditAtHalf);
      const expertise = Math.round(Math.max(fresh, earlier === undefined ? 0 : earlier.expertise * fade) * 10) / 10;
      const active = nextTopicActive(earlier?.active ?? false, expertise, topics);
      if (active || expertise >= topics.minReported) list.push({ topicId, expertise, active });
    }
    list.sort((a, b) => b.expertise - a.expertise || (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0));
    result.set(personId, list);
  }
  return result;
}

/** Hysteresis: enter at enterThreshold, leave only below leaveThreshold. */
export function nextTopicActive(wasActive: boolean, expertise: number, thresholds: { enterThreshold: number; leaveThreshold: number }): boolean {
  return wasActive ? expertise >= thresholds.leaveThreshold : expertise >= thresholds.enterThreshold;
}

function expertiseOf(credit: number, creditAtHalf: number): number {
  return credit > 0 ? (100 * credit) / (credit + creditAtHalf) : 0;
}

/** A snapshot from after asOf says nothing about now. */
function usablePrevious(previous: ExpertiseSnapshot | undefined, asOf: number): ExpertiseSnapshot | undefined {
  return previous !== undefined && previous.asOf <= asOf ? previous : undefined;
}

/** Per content: Σ over its reactions of selectivity × kindWeight × decay. */
function contentEngagement(ledger: Ledger, reactionsGiven: Float64Array, kindWeights: ScoringConfig['kindWeights'], rule: ScoringConfig['selectivity']): Float64Array {
  const kindWeight = Float64Array.from(INTERACTION_KINDS, (k) => kindWeights[k]);
  const engagement = new Float64Array(ledger.contentCount);
  for (let k = 0; k < ledger.pairCount; k++) {
    const sel = selectivity(reactionsGiven[ledger.pairActor[k]], ledger.pairReactionCount[k], rule);
    for (let i = ledger.pairStart[k]; i < ledger.pairStart[k + 1]; i++) {
      const c = ledger.contentOf[i];
      if (c < 0 || ledger.replyBack[i] === 1 || ledger.contentPerson[c] !== ledger.target[i]) continue;
      engagement[c] += sel * kindWeight[ledger.kind[i]] * ledger.decay[i];
    }
  }
  return engagement;
}

function personContentCredit(ledger: Ledger, p: number, engagement: Float64Array): Map<string, number> {
  const credit = new Map<string, number>();
  for (let j = ledger.personContentStart[p]; j < ledger.personContentStart[p + 1]; j++) {
    const c = ledger.personContent[j];
    const topicIds = ledger.contentTopics[c];
    if (engagement[c] === 0 || topicIds.length === 0) continue;
    const share = engagement[c] / topicIds.length;
    for (const topicId of topicIds) credit.set(topicId, (credit.get(topicId) ?? 0) + share);
  }
  return credit;
}

function compareGrants(a: KGrant, b: KGrant): number {
  return (
    a.receiverPersonId - b.receiverPersonId ||
    (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0) ||
    a.givenAt - b.givenAt ||
    a.giverPersonId - b.giverPersonId
  );
}

/**
 * The ontology as child → parents, with a topological order in which every child comes before
 * its parents. Should the edges contain a cycle, its remaining edges are ignored (credit only
 * ever flows forward in that order), so propagation always terminates.
 */
class Ontology {
  private readonly parents = new Map<string, string[]>();
  private readonly order = new Map<string, number>();
  private readonly upwardShare: number;

  constructor(edges: readonly TopicEdge[], upwardShare: number) {
    this.upwardShare = upwardShare;
    const children = new Map<string, number>();
    const topics = new Set<string>();
    for (const { parentId, childId } of edges) {
      if (parentId === childId) continue;
      topics.add(parentId);
      topics.add(childId);
      let list = this.parents.get(childId);
      if (list === undefined) this.parents.set(childId, (list = []));
      if (!list.includes(parentId)) {
        list.push(parentId);
        children.set(parentId, (children.get(parentId) ?? 0) + 1);
      }
    }
    for (const list of this.parents.values()) list.sort();
    // Kahn's algorithm from the leaves up, in topic-id order at each step so the order is canonical.
    const ready = [...topics].filter((t) => !children.has(t)).sort();
    let position = 0;
    while (ready.length > 0) {
      const next: string[] = [];
      for (const topic of ready) {
        this.order.set(topic, position++);
        for (const parent of this.parents.get(topic) ?? []) {
          const left = children.get(parent)! - 1;
          children.set(parent, left);
          if (left === 0) next.push(parent);
        }
      }
      ready.length = 0;
      ready.push(...next.sort());
    }
    for (const topic of [...topics].filter((t) => !this.order.has(t)).sort()) this.order.set(topic, position++);
  }

  /** Leaf credit → credit of every topic it reaches going up (the map itself when there is no ontology). */
  propagate(leafCredit: Map<string, number>): Map<string, number> {
    if (this.parents.size === 0 || leafCredit.size === 0) return leafCredit;
    const credit = new Map(leafCredit);
    const reached = new Set<string>();
    const stack = [...leafCredit.keys()];
    while (stack.length > 0) {
      const topic = stack.pop()!;
      if (reached.has(topic)) continue;
      reached.add(topic);
      for (const parent of this.parents.get(topic) ?? []) stack.push(parent);
    }
    const inOrder = [...reached].sort((a, b) => this.positionOf(a) - this.positionOf(b) || (a < b ? -1 : a > b ? 1 : 0));
    for (const topic of inOrder) {
      const own = credit.get(topic) ?? 0;
      if (own === 0) continue;
      const position = this.positionOf(topic);
      const up = (this.parents.get(topic) ?? []).filter((parent) => this.positionOf(parent) > position);
      if (up.length === 0) continue;
      const share = (this.upwardShare * own) / up.length;
      for (const parent of up) credit.set(parent, (credit.get(parent) ?? 0) + share);
    }
    return credit;
  }

  private positionOf(topic: string): number {
    return this.order.get(topic) ?? -1;
  }
}
