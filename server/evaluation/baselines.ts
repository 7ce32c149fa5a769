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

export interface PageRankOptions {
  damping?: number;
  /** Stop when the L1 change of an iteration is below this. */
  tolerance?: number;
  maxIterations?: number;
}

/**
 * Standard weighted PageRank on the reactor → author graph: each reactor hands its rank to the
 * authors it reacted to in proportion to its interactions with each; a node that reacted to nobody
 * spreads its rank evenly over all nodes; damping 0.85, teleport uniform. Power iteration; ranks
 * sum to 1.
 */
export function pageRank(graph: SpreadingGraph, options: PageRankOptions = {}): Float64Array {
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 1000;
  const { size, start, reactor, weight } = graph;
  if (size === 0) return new Float64Array(0);
  // Interactions each node gave (its out-weight in reactor → author).
  const given = new Float64Array(size);
  for (let e = 0; e < reactor.length; e++) given[reactor[e]] += weight[e];
  let rank = new Float64Array(size).fill(1 / size);
  let next = new Float64Array(size);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < size; v++) if (given[v] === 0) dangling += rank[v];
    const base = (1 - damping) / size + (damping * dangling) / size;
    let change = 0;
    for (let u = 0; u < size; u++) {
      let inflow = 0;
      for (let e = start[u]; e < start[u + 1]; e++) {
        const v = reactor[e];
        inflow += (rank[v] * weight[e]) / given[v];
      }
      next[u] = base + damping * inflow;
      change += Math.abs(next[u] - rank[u]);
    }
    [rank, next] = [next, rank];
    if (change < tolerance) break;
  }
  return rank;
}
