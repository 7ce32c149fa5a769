import { weightedPageRank } from './pagerank';
import type { SpreadingGraph } from './spreading-graph';

/**
 * What a plain reading of the same graph gives, to judge the score against: if Sway ranks spreaders
 * no better than counting reactors, it adds nothing. Each is computed from the spreading graph
 * alone (who reacted to whom, how many times).
 */

/** Distinct people who reacted to each node (its in-degree in reactor → author). */
export function distinctReactors(graph: SpreadingGraph): Float64Array {
  const out = new Float64Array(graph.size);
  for (let u = 0; u < graph.size; u++) out[u] = graph.start[u + 1] - graph.start[u];
  return out;
}

/** Reactions received: interactions on each node, summed over its reactors. */
export function totalReactions(graph: SpreadingGraph): Float64Array {
  const out = new Float64Array(graph.size);
  for (let u = 0; u < graph.size; u++) for (let e = graph.start[u]; e < graph.start[u + 1]; e++) out[u] += graph.weight[e];
  return out;
}

/**
 * Standard weighted PageRank on the reactor → author graph (pagerank.ts, checked against a direct
 * solve): each reactor hands its rank to the authors it reacted to in proportion to its interactions
 * with each; a node that reacted to nobody spreads its rank evenly; damping 0.85, teleport uniform,
 * one problem for the whole graph. Ranks sum to 1.
 */
export function pageRank(graph: SpreadingGraph): Float64Array {
  if (graph.size === 0) return new Float64Array(0);
  const inGraph = { nodeCount: graph.size, inStart: graph.start, inSource: graph.reactor, inWeight: graph.weight };
  return weightedPageRank(inGraph, { damping: 0.85, tolerance: 1e-13, maxIterations: 1000, perCommunity: false }).rank;
}
