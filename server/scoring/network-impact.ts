import { resolveScoringConfig, type ScoringConfig } from './config';
import { searchSorted } from './id-index';
import { buildLedger, decayFactor, diminish, type Ledger } from './ledger';
import { weightedPageRank } from './pagerank';
import type { NetworkImpact, ScoringAccount, ScoringConfigOverrides, ScoringInteractions } from './types';

/**
 * The global, expensive part of scoring: person-level weighted PageRank over the reactor → author
 * graph, edge weight diminish(Σ kindWeight × 2^(−age/halfLife)) over the pair's reactions (decayed,
 * with diminishing returns), damping 0.85, dangling rank spread uniformly over the community,
 * power iteration to tolerance. Also records each person's decayed reactions given, which
 * scorePeople needs for selectivity. Cache the result and pass it to scorePeople.
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

export function networkImpactFromLedger(ledger: Ledger, config: ScoringConfig): NetworkImpact {
  const { personCount, pairCount, pairActor, pairTarget, pairReaction, targetPairStart } = ledger;

  // Nodes: people with at least one edge, in person order.
  const node = new Int32Array(personCount).fill(-1);
  for (let k = 0; k < pairCount; k++) {
    if (pairReaction[k] > 0) {
      node[pairActor[k]] = 0;
      node[pairTarget[k]] = 0;
    }
  }
  let nodeCount = 0;
  for (let p = 0; p < personCount; p++) if (node[p] === 0) node[p] = nodeCount++;
  const nodePerson = new Int32Array(nodeCount);
  for (let p = 0; p < personCount; p++) if (node[p] >= 0) nodePerson[node[p]] = p;

  // In-edges: the ledger's pairs are grouped by target with actors ascending, which is already
  // a canonical CSR order.
  const inStart = new Int32Array(nodeCount + 1);
  let edgeCount = 0;
  for (let v = 0; v < nodeCount; v++) {
    const p = nodePerson[v];
    inStart[v] = edgeCount;
    for (let k = targetPairStart[p]; k < targetPairStart[p + 1]; k++) if (pairReaction[k] > 0) edgeCount++;
  }
  inStart[nodeCount] = edgeCount;
  const inSource = new Int32Array(edgeCount);
  const inWeight = new Float64Array(edgeCount);
  for (let v = 0, e = 0; v < nodeCount; v++) {
    const p = nodePerson[v];
    for (let k = targetPairStart[p]; k < targetPairStart[p + 1]; k++) {
      if (pairReaction[k] > 0) {
        inSource[e] = node[pairActor[k]];
        inWeight[e] = diminish(pairReaction[k]);
        e++;
      }
    }
  }

  const result = weightedPageRank(
    { nodeCount, inStart, inSource, inWeight },
    { damping: config.pageRank.damping, tolerance: config.pageRank.tolerance, maxIterations: config.pageRank.maxIterations, perCommunity: true },
  );

  const personIds = new Float64Array(nodeCount);
  const reactionsGiven = new Float64Array(nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    const p = nodePerson[v];
    personIds[v] = ledger.personIds[p];
    reactionsGiven[v] = ledger.reactionsGiven[p];
  }
  return {
    asOf: ledger.asOf,
    halfLifeDays: config.halfLifeDays,
    damping: config.pageRank.damping,
    personIds,
    rank: result.rank,
    relativeRank: result.relativeRank,
    communitySize: result.communitySize,
    reactionsGiven,
    iterations: result.iterations,
    converged: result.converged,
    edgeCount,
  };
}

/** The person's position in the impact's arrays (personIds is ascending), or undefined when they are not in the reaction graph. */
export function impactPositionOf(impact: NetworkImpact, personId: number): number | undefined {
  const at = searchSorted(impact.personIds, personId);
  return at < 0 ? undefined : at;
}

/** The person's relative rank, or undefined when they are not in the reaction graph. */
export function relativeRankOf(impact: NetworkImpact, personId: number): number | undefined {
  const v = impactPositionOf(impact, personId);
  return v === undefined ? undefined : impact.relativeRank[v];
}

/**
 * The person's decayed reactions given, brought forward (or back) to `asOf`: decayed sums scale
 * exactly by 2^(−Δt/halfLife), only reactions after the snapshot are missing.
 */
export function reactionsGivenAt(impact: NetworkImpact, personId: number, asOf: number): number | undefined {
  const v = impactPositionOf(impact, personId);
  if (v === undefined) return undefined;
  const given = impact.reactionsGiven[v];
  return asOf === impact.asOf ? given : given * decayFactor(asOf, impact.asOf, impact.halfLifeDays);
}
