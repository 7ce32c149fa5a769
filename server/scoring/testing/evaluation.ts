import { hashInts, SeededRandom } from './random';

/** Kendall's τ-b, ties on either side: the evaluation's O(n log n) one. */
export { kendallTauB } from '../../evaluation/rank-agreement';

/**
 * Tools to check scores against simulated spreading power: a reaction graph, independent-cascade
 * simulation over it in the direction content travels, and rank agreement measures.
 */

/** Reactor → author graph with summed weights, stored as "who reacts to u" (the way content travels from u). */
export interface ReactionGraph {
  nodeIds: Float64Array;
  indexOf: Map<number, number>;
  /** Reactors of node u: reactor[reactorStart[u] .. reactorStart[u+1]), with reactorWeight. */
  reactorStart: Int32Array;
  reactor: Int32Array;
  reactorWeight: Float64Array;
  /** Σ weights received (raw reaction count) and distinct reactors. */
  reactionsReceived: Float64Array;
  distinctReactors: Int32Array;
}

export function buildReactionGraph(edges: readonly { from: number; to: number; weight: number }[]): ReactionGraph {
  const ids = new Set<number>();
  for (const e of edges) if (e.from !== e.to) ids.add(e.from).add(e.to);
  const nodeIds = Float64Array.from([...ids].sort((a, b) => a - b));
  const indexOf = new Map<number, number>();
  nodeIds.forEach((id, i) => indexOf.set(id, i));
  const merged = new Map<string, number>();
  for (const e of edges) {
    if (e.from === e.to) continue;
    const key = `${indexOf.get(e.to)!},${indexOf.get(e.from)!}`;
    merged.set(key, (merged.get(key) ?? 0) + e.weight);
  }
  const pairs = [...merged].map(([key, weight]) => {
    const [to, from] = key.split(',').map(Number);
    return { to, from, weight };
  });
  pairs.sort((a, b) => a.to - b.to || a.from - b.from);
  const n = nodeIds.length;
  const reactorStart = new Int32Array(n + 1);
  for (const pair of pairs) reactorStart[pair.to + 1]++;
  for (let u = 0; u < n; u++) reactorStart[u + 1] += reactorStart[u];
  const reactor = new Int32Array(pairs.length);
  const reactorWeight = new Float64Array(pairs.length);
  const reactionsReceived = new Float64Array(n);
  const distinctReactors = new Int32Array(n);
  pairs.forEach((pair, e) => {
    reactor[e] = pair.from;
    reactorWeight[e] = pair.weight;
    reactionsReceived[pair.to] += pair.weight;
    distinctReactors[pair.to]++;
  });
  return { nodeIds, indexOf, reactorStart, reactor, reactorWeight, reactionsReceived, distinctReactors };
}

export interface CascadeOptions {
  /** Chance that one reaction's worth of tie passes content on; a tie of weight w passes it with 1 − (1 − p)^w. */
  p: number;
  runs: number;
  seed: number;
  /** Ignore edge weights (every tie passes with p). */
  unweighted?: boolean;
}

/**
 * Independent cascade from each seed node: the seed posts; each reactor of an active node passes
 * the content on once with the tie's probability; the mean number of people reached (seed
 * included) over `runs` runs is the node's simulated spreading power.
 */
export function simulateSpread(graph: ReactionGraph, seeds: readonly number[], options: CascadeOptions): Float64Array {
  const n = graph.nodeIds.length;
  const stamp = new Int32Array(n);
  let run = 0;
  const queue = new Int32Array(n);
  const passChance = new Float64Array(graph.reactor.length);
  for (let e = 0; e < passChance.length; e++) {
    passChance[e] = options.unweighted ? options.p : 1 - Math.pow(1 - options.p, graph.reactorWeight[e]);
  }
  const spread = new Float64Array(seeds.length);
  seeds.forEach((seed, s) => {
    const random = new SeededRandom(hashInts(options.seed, seed));
    let total = 0;
    for (let r = 0; r < options.runs; r++) {
      run++;
      let head = 0;
      let tail = 0;
      queue[tail++] = seed;
      stamp[seed] = run;
      while (head < tail) {
        const u = queue[head++];
        for (let e = graph.reactorStart[u]; e < graph.reactorStart[u + 1]; e++) {
          const v = graph.reactor[e];
          if (stamp[v] !== run && random.next() < passChance[e]) {
            stamp[v] = run;
            queue[tail++] = v;
          }
        }
      }
      total += tail;
    }
    spread[s] = total / options.runs;
  });
  return spread;
}

/**
 * Up to perBin nodes from each bin of distinct reactors (0, 1, 2–3, 4–7, … doubling), chosen by
 * a seeded hash so the sample is fixed: a sample of varied degree, not just the crowd at 0.
 */
export function stratifiedSample(graph: ReactionGraph, perBin: number, seed: number): number[] {
  const bins = new Map<number, number[]>();
  for (let u = 0; u < graph.nodeIds.length; u++) {
    const d = graph.distinctReactors[u];
    const bin = d === 0 ? 0 : 1 + Math.floor(Math.log2(d));
    let list = bins.get(bin);
    if (list === undefined) bins.set(bin, (list = []));
    list.push(u);
  }
  const sample: number[] = [];
  for (const bin of [...bins.keys()].sort((a, b) => a - b)) {
    const list = bins.get(bin)!;
    list.sort((a, b) => hashInts(seed, a) - hashInts(seed, b) || a - b);
    sample.push(...list.slice(0, perBin));
  }
  return sample.sort((a, b) => a - b);
}

/** Ranks 1..n, ties sharing their average rank. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rho: Pearson correlation of the average ranks. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const rx = averageRanks(x);
  const ry = averageRanks(y);
  const n = rx.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += rx[i];
    my += ry[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** |top k by x ∩ top k by y| / k, ties broken by position (so tied measures are not flattered). */
export function topKOverlap(x: ArrayLike<number>, y: ArrayLike<number>, k: number): number {
  const top = (v: ArrayLike<number>) =>
    new Set(
      Array.from({ length: v.length }, (_, i) => i)
        .sort((a, b) => v[b] - v[a] || a - b)
        .slice(0, k),
    );
  const a = top(x);
  let shared = 0;
  for (const i of top(y)) if (a.has(i)) shared++;
  return shared / k;
}
