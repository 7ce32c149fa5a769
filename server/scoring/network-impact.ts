import { resolveScoringConfig, type ScoringConfig } from './config';
import { searchSorted } from './id-index';
import { buildLedger, decayFactor, findPair, selectivity, type Ledger } from './ledger';
import type { NetworkImpact, ScoringAccount, ScoringConfigOverrides, ScoringInteractions } from './types';

/**
 * The global part of scoring: each person's ONWARD AUDIENCE, how far what reaches them travels on
 * through the people who react to them. Content spreads from an author to the people who react to
 * it, and from them to the people who react to THEM, and so on (Kitsak et al. 2010: spreading power
 * is local structure a few hops out, not a count of neighbours and not PageRank, whose rank flows
 * the other way and is divided by how much a reactor reacts).
 *
 * A tie R → v (R reacts to v) carries c = selectivity × (1 − e^(−λ·s)) / λ, s = Σ kindWeight × weight
 * of R's reactions to v: the chance that R passes v's content on at transmissibility λ, in units of
 * λ (about s for a light tie; a heavy tie passes at most once, so it saturates at 1/λ). Then, over
 * `onward.depth` rounds:
 *
 *   A₁(v) = Σ_R c(v←R)
 *   A_d(v) = Σ_R c(v←R) × (1 + λ × (A_{d−1}(R) − what R's figure owes to v itself))
 *
 * λ = the community's onward weight (communityTransmissibility): how much of an audience member's own audience one counts (a transmissibility).
 * "What R owes to v" removes the walk straight back (v → R → v): two people reacting to each other
 * do not inflate each other. Nothing here is relative to the population: a person's figure depends
 * only on the people within depth + 1 hops of them, so strangers and unrelated communities change
 * nothing. Cache the result and pass it to scorePeople for incremental rescores.
 */
export function computeNetworkImpact(
  accounts: readonly ScoringAccount[],
  interactions: ScoringInteractions,
  asOf: number,
  config?: ScoringConfigOverrides | ScoringConfig,
): NetworkImpact {
  const resolved = resolveScoringConfig(config);
  return networkImpactFromLedger(buildLedger({ asOf, accounts, interactions }, resolved), resolved);
}

/**
 * A tie's onward weight: (1 − e^(−λ·s)) / λ for s weighted reactions at transmissibility λ; s itself
 * when λ is 0. λ × this is the chance the tie passes content on, so it never exceeds 1.
 */
export function onwardTie(s: number, lambda: number): number {
  return lambda > 0 ? -Math.expm1(-lambda * s) / lambda : s;
}

export function networkImpactFromLedger(ledger: Ledger, config: ScoringConfig): NetworkImpact {
  const { personCount, pairCount, pairActor, pairTarget, targetPairStart } = ledger;
  const { depth } = config.onward;
  const { pairReaction, pairReactionCount } = ledger;
  // The reverse pair of each pair (v reacted to R as well as R to v), found once: -1 when one-way.
  const reverse = new Int32Array(pairCount);
  for (let k = 0; k < pairCount; k++) reverse[k] = pairReaction[k] > 0 ? findPair(targetPairStart, pairActor, pairActor[k], pairTarget[k]) : -1;
  const lambdaOf = communityTransmissibility(ledger, config);
  const tie = new Float64Array(pairCount);
  for (let k = 0; k < pairCount; k++) {
    const s = pairReaction[k];
    if (s > 0) tie[k] = selectivity(ledger.reactionsGiven[pairActor[k]], pairReactionCount[k], config.selectivity) * onwardTie(s, lambdaOf[pairTarget[k]]);
  }

  let previous = new Float64Array(personCount); // A_{d−1}
  let beforePrevious = new Float64Array(personCount); // A_{d−2}
  for (let d = 1; d <= depth; d++) {
    const current = new Float64Array(personCount);
    for (let v = 0; v < personCount; v++) {
      let sum = 0;
      const lambda = lambdaOf[v];
      for (let k = targetPairStart[v]; k < targetPairStart[v + 1]; k++) {
        const c = tie[k];
        if (c === 0) continue;
        sum += c * (1 + lambda * onwardExcluding(previous[pairActor[k]], reverse[k] >= 0 ? tie[reverse[k]] : 0, beforePrevious[v], c, lambda));
      }
      current[v] = sum;
    }
    beforePrevious = previous;
    previous = current;
  }

  // People in the reaction graph: a reaction given or received.
  const inGraph = new Uint8Array(personCount);
  let edgeCount = 0;
  for (let k = 0; k < pairCount; k++) {
    if (tie[k] > 0) {
      inGraph[pairActor[k]] = 1;
      inGraph[pairTarget[k]] = 1;
      edgeCount++;
    }
  }
  let nodeCount = 0;
  for (let p = 0; p < personCount; p++) nodeCount += inGraph[p];
  const personIds = new Float64Array(nodeCount);
  const onwardAudience = new Float64Array(nodeCount);
  const onwardBefore = new Float64Array(nodeCount);
  const transmissibility = new Float64Array(nodeCount);
  const reactionsGiven = new Float64Array(nodeCount);
  for (let p = 0, v = 0; p < personCount; p++) {
    if (inGraph[p] === 0) continue;
    personIds[v] = ledger.personIds[p];
    onwardAudience[v] = previous[p];
    onwardBefore[v] = beforePrevious[p];
    transmissibility[v] = lambdaOf[p];
    reactionsGiven[v] = ledger.reactionsGiven[p];
    v++;
  }
  return { asOf: ledger.asOf, halfLifeDays: config.halfLifeDays, onward: { ...config.onward }, personIds, onwardAudience, onwardBefore, transmissibility, reactionsGiven, edgeCount };
}

/**
 * Each person's onward weight λ: the epidemic threshold ⟨k⟩/⟨k²⟩ of their weakly connected community
 * in the reaction graph, k = the number of distinct people who react to a person (their audience),
 * times `onward.thresholdMultiple`, at most `onward.maxWeight`. At that transmissibility a community
 * is at its tipping point, so one more hop out is worth what it would be worth there: little in a
 * network of a few huge hubs (most spread dies in one hop), much in a tight, even one. Only audiences
 * count, so an account that reacts to everything, with no audience of its own, cannot drag a
 * community's λ down. Computed per community, so unrelated communities never touch each other's
 * figures; within one, a new reaction moves λ (and so other people's onward terms) a little.
 */
function communityTransmissibility(ledger: Ledger, config: ScoringConfig): Float64Array {
  const { personCount, pairCount, pairActor, pairTarget, pairReactionCount } = ledger;
  const parent = new Int32Array(personCount);
  for (let p = 0; p < personCount; p++) parent[p] = p;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const audience = new Float64Array(personCount);
  for (let k = 0; k < pairCount; k++) {
    // Reactions proper: a reply-back (answering one's audience) never moves anyone's λ.
    if (pairReactionCount[k] === 0) continue;
    audience[pairTarget[k]]++;
    const a = find(pairActor[k]);
    const b = find(pairTarget[k]);
    if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
  }
  const sumK = new Float64Array(personCount);
  const sumK2 = new Float64Array(personCount);
  for (let p = 0; p < personCount; p++) {
    const root = find(p);
    sumK[root] += audience[p];
    sumK2[root] += audience[p] * audience[p];
  }
  const { thresholdMultiple, maxWeight } = config.onward;
  const lambda = new Float64Array(personCount);
  for (let p = 0; p < personCount; p++) {
    const root = find(p);
    if (sumK2[root] > 0) lambda[p] = Math.min(maxWeight, (thresholdMultiple * sumK[root]) / sumK2[root]);
  }
  return lambda;
}

/**
 * R's onward figure as seen from v, without the walk straight back to v: R's figure counted v's tie
 * back (R ← v, `back`) with v's own figure one round earlier (`ownBefore`), which itself counted R's
 * tie to v (`tie`). Never below 0.
 */
export function onwardExcluding(figure: number, back: number, ownBefore: number, tie: number, lambda: number): number {
  if (back === 0) return figure;
  return Math.max(0, figure - back * (1 + lambda * Math.max(0, ownBefore - tie)));
}

/** The person's position in the impact's arrays (personIds is ascending), or undefined when they are not in the reaction graph. */
export function impactPositionOf(impact: NetworkImpact, personId: number): number | undefined {
  const at = searchSorted(impact.personIds, personId);
  return at < 0 ? undefined : at;
}

/** The person's onward audience (A_depth), or undefined when they are not in the reaction graph. */
export function onwardAudienceOf(impact: NetworkImpact, personId: number): number | undefined {
  const v = impactPositionOf(impact, personId);
  return v === undefined ? undefined : impact.onwardAudience[v];
}

/**
 * The person's decayed reactions given, brought forward (or back) to `asOf`. Exact while every
 * reaction is past the full-weight period (decayed sums then scale by 2^(−Δt/halfLife)); reactions
 * still inside it are scaled too, so the figure is a slight underestimate until the next full rescore.
 * Only reactions after the snapshot are missing.
 */
export function reactionsGivenAt(impact: NetworkImpact, personId: number, asOf: number): number | undefined {
  const v = impactPositionOf(impact, personId);
  if (v === undefined) return undefined;
  const given = impact.reactionsGiven[v];
  return asOf === impact.asOf ? given : given * decayFactor(asOf, impact.asOf, impact.halfLifeDays);
}
