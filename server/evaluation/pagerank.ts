/**
 * Weighted PageRank by power iteration over a compressed (CSR) in-edge list.
 *
 * Conventions: x is the rank relative to uniform (mean 1 over a community), so
 *
 *   x_v = (1 − d) + d · Σ_{u → v} x_u · w_uv / out_u + d · (Σ_{dangling u} x_u) / n
 *
 * and the textbook probability is x / N (the evaluation's PageRank baseline; the score does not use it). A node without out-edges ("dangling") spreads its rank
 * uniformly. With `perCommunity`, each weakly connected community is its own PageRank problem
 * (its own teleport, its own dangling redistribution, its own convergence test): on a connected
 * graph this is exactly the textbook PageRank, and on a disconnected one a community's ranks do
 * not depend, even in the last bit, on anything outside it.
 *
 * Determinism: every sum runs in index order (in-edges in the order given, which callers make
 * canonical), so the same graph gives the same bits.
 */

export interface WeightedInGraph {
  nodeCount: number;
  /** In-edges of node v are positions inStart[v] .. inStart[v + 1] − 1. */
  inStart: Int32Array;
  inSource: Int32Array;
  inWeight: Float64Array;
}

export interface PageRankOptions {
  damping: number;
  /** Stop a community when Σ|Δx| / n falls below this. */
  tolerance: number;
  maxIterations: number;
  perCommunity: boolean;
}

export interface PageRankResult {
  /** Probability: x / N, sums to 1. */
  rank: Float64Array;
  /** Relative to the community's uniform rank: mean 1 in each community. */
  relativeRank: Float64Array;
  community: Int32Array;
  communitySize: Int32Array;
  iterations: number;
  converged: boolean;
}

export function weightedPageRank(graph: WeightedInGraph, options: PageRankOptions): PageRankResult {
  const { nodeCount: n, inStart, inSource, inWeight } = graph;
  const d = options.damping;
  const edgeCount = inStart[n];

  // Out-weights, then each edge's transition probability, so the inner loop is one multiply-add.
  const outWeight = new Float64Array(n);
  for (let e = 0; e < edgeCount; e++) outWeight[inSource[e]] += inWeight[e];
  const transition = new Float64Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) transition[e] = inWeight[e] / outWeight[inSource[e]];

  const { community, count: communityCount } = options.perCommunity ? weakCommunities(graph) : { community: new Int32Array(n), count: n > 0 ? 1 : 0 };
  const size = new Int32Array(communityCount);
  for (let v = 0; v < n; v++) size[community[v]]++;

  let x = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  const active = new Uint8Array(communityCount).fill(1);
  let activeCount = communityCount;
  const dangling = new Float64Array(communityCount);
  const change = new Float64Array(communityCount);
  let iterations = 0;

  while (activeCount > 0 && iterations < options.maxIterations) {
    iterations++;
    dangling.fill(0);
    change.fill(0);
    for (let v = 0; v < n; v++) {
      if (outWeight[v] === 0 && active[community[v]] === 1) dangling[community[v]] += x[v];
    }
    for (let v = 0; v < n; v++) {
      const c = community[v];
      if (active[c] === 0) {
        next[v] = x[v];
        continue;
      }
      let inflow = 0;
      for (let e = inStart[v], end = inStart[v + 1]; e < end; e++) inflow += x[inSource[e]] * transition[e];
      const value = 1 - d + d * inflow + (d * dangling[c]) / size[c];
      change[c] += Math.abs(value - x[v]);
      next[v] = value;
    }
    const swap = x;
    x = next;
    next = swap;
    for (let c = 0; c < communityCount; c++) {
      if (active[c] === 1 && change[c] / size[c] < options.tolerance) {
        active[c] = 0;
        activeCount--;
      }
    }
  }

  const communitySize = new Int32Array(n);
  const rank = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    communitySize[v] = size[community[v]];
    rank[v] = x[v] / n;
  }
  return { rank, relativeRank: x, community, communitySize, iterations, converged: activeCount === 0 };
}

/** Weakly connected communities, numbered in order of their smallest node. */
function weakCommunities(graph: WeightedInGraph): { community: Int32Array; count: number } {
  const n = graph.nodeCount;
  const parent = new Int32Array(n);
  for (let v = 0; v < n; v++) parent[v] = v;
  const find = (v: number): number => {
    while (parent[v] !== v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  };
  for (let v = 0; v < n; v++) {
    for (let e = graph.inStart[v], end = graph.inStart[v + 1]; e < end; e++) {
      const a = find(v);
      const b = find(graph.inSource[e]);
      // The smaller index becomes the root, so the labelling does not depend on edge order.
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
  }
  const community = new Int32Array(n);
  const label = new Int32Array(n).fill(-1);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const root = find(v);
    if (label[root] < 0) label[root] = count++;
    community[v] = label[root];
  }
  return { community, count };
}
