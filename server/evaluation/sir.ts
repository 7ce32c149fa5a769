import { mixSeed, Rng } from './random';
import type { SpreadingGraph } from './spreading-graph';

/**
 * Discrete-time SIR from a single seed (Kitsak et al., "Identification of influential spreaders in
 * complex networks", Nature Physics 2010): the seed is infected; at each step every infected node
 * tries once to infect each of its susceptible reactors, then recovers. A tie of w interactions
 * passes the infection with 1 − (1 − β)^w (w independent chances). The outbreak size is the number
 * of nodes ever infected, the seed included.
 *
 * As every infected node tries each tie once, an outbreak is a breadth-first search in which each
 * tie passes with its chance, independently; the order within a step does not change the size. Two
 * exact shortcuts keep it fast and its noise low, without changing the mean:
 *
 * - In large groups of ties of equal, small chance, the ties that pass are found by skipping ahead
 *   (the gap to the next passing tie is geometric), so an infected hub costs its passing ties, not its
 *   thousands of failing ones. Other ties are drawn one by one.
 * - Nodes that can pass nothing on are not drawn: a node nobody reacts to (a dead end), or one whose
 *   only reactor is also the only node it reacts to (a leaf, one side of a lone pair), can only be
 *   tried when everyone it could infect is infected already. Its infection changes no one else's, so
 *   a run counts it as its probability given everything else, 1 − Π(1 − pi) over the ties of chances
 *   p1, p2, … through which infected nodes try it (a Rao–Blackwell step). For a seed whose reactors
 *   are all of this kind the figure is exact, so seeds of equal expected outbreak get equal figures
 *   rather than an order drawn by chance.
 */
export interface SirOptions {
  /** Infection rate per interaction, in [0, 1]. */
  beta: number;
  /** Simulations per seed. */
  runs: number;
  /** Seed of the random streams: the same seed gives the same figures, a different one independent ones. */
  seed: number;
}

/** The chance that a tie of w interactions passes the infection, 1 − (1 − β)^w. */
export function passChance(beta: number, w: number): number {
  return beta >= 1 ? 1 : 1 - Math.pow(1 - beta, w);
}

/** The graph rearranged for one rate: each node's reactors split by kind, the rest grouped by chance. */
interface Plan {
  /** Σ chances of the node's exclusive passive reactors (tried by this node alone): their expected infections. */
  exclusiveSum: Float64Array;
  /** For a passive node tried by one node only: that node, and the chance of the tie (else −1). */
  onlyAttempter: Int32Array;
  onlyChance: Float64Array;
  /** Dead ends tried by several nodes: sharedStart[u] .. sharedStart[u+1] into sharedNode / sharedEscape (1 − chance). */
  sharedStart: Int32Array;
  sharedNode: Int32Array;
  sharedEscape: Float64Array;
  /** Other reactors in groups of equal chance: groupStart[u] .. groupStart[u+1] into group arrays; each group is a range of activeNode. */
  groupStart: Int32Array;
  groupFrom: Int32Array;
  groupTo: Int32Array;
  groupChance: Float64Array;
  /** log(1 − chance), for the geometric gaps; 0 for a group drawn tie by tie (small, or likely to pass). */
  groupLogMiss: Float64Array;
  /** chance × 2^32: a tie drawn on its own passes when a 32-bit draw is below it. */
  groupThreshold: Float64Array;
  activeNode: Int32Array;
}

function plan(graph: SpreadingGraph, beta: number): Plan {
  const { size, start, reactor, weight } = graph;
  // Who tries each node: how many nodes have it as a reactor, and which one when there is one.
  const attempters = new Int32Array(size);
  const lastAttempter = new Int32Array(size).fill(-1);
  const lastChance = new Float64Array(size);
  for (let u = 0; u < size; u++) {
    for (let e = start[u]; e < start[u + 1]; e++) {
      const v = reactor[e];
      attempters[v]++;
      lastAttempter[v] = u;
      lastChance[v] = passChance(beta, weight[e]);
    }
  }
  const deadEnd = (v: number) => start[v] === start[v + 1];
  // Passive: can infect no one who is not already infected whenever it is tried.
  const passive = new Uint8Array(size);
  const onlyAttempter = new Int32Array(size).fill(-1);
  const onlyChance = new Float64Array(size);
  for (let v = 0; v < size; v++) {
    const leaf = start[v + 1] - start[v] === 1 && attempters[v] === 1 && reactor[start[v]] === lastAttempter[v];
    if (deadEnd(v) || leaf) passive[v] = 1;
    if (passive[v] && attempters[v] === 1) {
      onlyAttempter[v] = lastAttempter[v];
      onlyChance[v] = lastChance[v];
    }
  }
  const exclusiveSum = new Float64Array(size);
  const sharedStart = new Int32Array(size + 1);
  const groupStart = new Int32Array(size + 1);
  const sharedNode: number[] = [];
  const sharedEscape: number[] = [];
  const groupFrom: number[] = [];
  const groupTo: number[] = [];
  const groupChance: number[] = [];
  const activeNode: number[] = [];
  const active: { v: number; w: number }[] = [];
  for (let u = 0; u < size; u++) {
    active.length = 0;
    for (let e = start[u]; e < start[u + 1]; e++) {
      const v = reactor[e];
      const p = passChance(beta, weight[e]);
      if (passive[v] && attempters[v] === 1) exclusiveSum[u] += p;
      else if (passive[v]) {
        sharedNode.push(v);
        sharedEscape.push(1 - p);
      } else active.push({ v, w: weight[e] });
    }
    active.sort((a, b) => a.w - b.w || a.v - b.v);
    for (let i = 0; i < active.length; ) {
      let j = i + 1;
      while (j < active.length && active[j].w === active[i].w) j++;
      const p = passChance(beta, active[i].w);
      if (p > 0) {
        groupFrom.push(activeNode.length);
        for (let k = i; k < j; k++) activeNode.push(active[k].v);
        groupTo.push(activeNode.length);
        groupChance.push(p);
      }
      i = j;
    }
    sharedStart[u + 1] = sharedNode.length;
    groupStart[u + 1] = groupFrom.length;
  }
  return {
    exclusiveSum,
    onlyAttempter,
    onlyChance,
    sharedStart,
    sharedNode: Int32Array.from(sharedNode),
    sharedEscape: Float64Array.from(sharedEscape),
    groupStart,
    groupFrom: Int32Array.from(groupFrom),
    groupTo: Int32Array.from(groupTo),
    groupChance: Float64Array.from(groupChance),
    // Skipping costs a logarithm per passing tie; drawing costs a cheap draw per tie: skip only in
    // large groups of unlikely ties.
    groupLogMiss: Float64Array.from(groupChance, (p, g) => (p >= 1 ? -Infinity : groupTo[g] - groupFrom[g] <= 8 || p >= 0.1 ? 0 : Math.log1p(-p))),
    groupThreshold: Float64Array.from(groupChance, (p) => Math.round(p * 4294967296)),
    activeNode: Int32Array.from(activeNode),
  };
}

/**
 * Mean outbreak size over `runs` simulations from each seed node. Each seed node has a random
 * stream of its own (from the seed and the node), so a node's figure does not depend on which
 * other nodes are simulated, nor in what order. Figures are rounded to 1e-9, so that equal
 * expectations summed in another order compare equal.
 */
export function meanOutbreakSizes(graph: SpreadingGraph, seeds: ArrayLike<number>, options: SirOptions): Float64Array {
  const { beta, runs, seed } = options;
  if (!(beta >= 0 && beta <= 1)) throw new Error(`beta must be in [0, 1], got ${beta}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  const { size, start } = graph;
  const p = plan(graph, beta);
  const { exclusiveSum, onlyAttempter, onlyChance, sharedStart, sharedNode, sharedEscape, groupStart, groupFrom, groupTo, groupLogMiss, groupThreshold, activeNode } = p;
  const infectedIn = new Int32Array(size); // the run in which each node was last infected (0: never)
  const triedIn = new Int32Array(size); // the run in which each shared dead end was last tried
  const escape = new Float64Array(size); // a shared dead end's chance of escaping every try so far this run
  const tried = new Int32Array(size);
  const queue = new Int32Array(size);
  const out = new Float64Array(seeds.length);
  let run = 0;
  for (let s = 0; s < seeds.length; s++) {
    const origin = seeds[s];
    if (start[origin] === start[origin + 1]) {
      out[s] = 1; // nobody reacts to this node: the outbreak is the seed alone, every time
      continue;
    }
    const rng = new Rng(mixSeed(seed, origin));
    // The seed may itself be an exclusive passive reactor of one node: it is infected, not expected.
    const originAttempter = onlyAttempter[origin];
    let total = 0;
    for (let r = 0; r < runs; r++) {
      run++;
      let head = 0;
      let tail = 0;
      let triedCount = 0;
      let expected = 0;
      queue[tail++] = origin;
      infectedIn[origin] = run;
      while (head < tail) {
        const u = queue[head++];
        expected += exclusiveSum[u];
        if (u === originAttempter) expected -= onlyChance[origin];
        for (let i = sharedStart[u], end = sharedStart[u + 1]; i < end; i++) {
          const v = sharedNode[i];
          if (triedIn[v] !== run) {
            triedIn[v] = run;
            escape[v] = sharedEscape[i];
            tried[triedCount++] = v;
          } else escape[v] *= sharedEscape[i];
        }
        for (let g = groupStart[u], gEnd = groupStart[u + 1]; g < gEnd; g++) {
          const to = groupTo[g];
          const logMiss = groupLogMiss[g];
          if (logMiss === 0) {
            const threshold = groupThreshold[g];
            for (let i = groupFrom[g]; i < to; i++) {
              const v = activeNode[i];
              if (infectedIn[v] !== run && rng.nextUint32() < threshold) {
                infectedIn[v] = run;
                queue[tail++] = v;
              }
            }
            continue;
          }
          // Index of the next passing tie: skip a geometric number of failures (none when certain).
          let i = groupFrom[g] + (logMiss === -Infinity ? 0 : Math.floor(Math.log((rng.nextUint32() + 1) / 4294967296) / logMiss));
          while (i < to) {
            const v = activeNode[i];
            if (infectedIn[v] !== run) {
              infectedIn[v] = run;
              queue[tail++] = v;
            }
            i += 1 + (logMiss === -Infinity ? 0 : Math.floor(Math.log((rng.nextUint32() + 1) / 4294967296) / logMiss));
          }
        }
      }
      for (let i = 0; i < triedCount; i++) expected += 1 - escape[tried[i]];
      total += tail + expected;
    }
    out[s] = Math.round((total / runs) * 1e9) / 1e9;
  }
  return out;
}

/** True when every tie u → v of weight w has its twin v → u of the same weight: an undirected graph read both ways. */
export function isSymmetric(graph: SpreadingGraph): boolean {
  const { size, start, reactor, weight } = graph;
  const back = new Map<number, number>();
  for (let u = 0; u < size; u++) for (let e = start[u]; e < start[u + 1]; e++) back.set(u * size + reactor[e], weight[e]);
  for (const [key, w] of back) {
    const u = Math.floor(key / size);
    const v = key - u * size;
    if (back.get(v * size + u) !== w) return false;
  }
  return true;
}

/**
 * The same mean outbreak sizes on a symmetric graph (see isSymmetric), for every node at once, by
 * bond percolation. With one step of infection, an outbreak tries each undirected tie at most once,
 * from whichever end is infected first, so its size from a seed has the distribution of the seed's
 * cluster when each tie is kept with its pass chance (Grassberger 1983). One draw per tie and run
 * then gives every node's outbreak in that run: the cluster sizes, found by union–find.
 *
 * Leaves (one neighbour, itself with more) are left out of the draws: given the rest, a cluster of
 * the core gains each leaf hanging from it with that leaf's pass chance, and a leaf seeded infects its
 * neighbour with its chance, whose cluster then follows (a Rao–Blackwell step, as in
 * meanOutbreakSizes; two leaves hanging by equal ties from one node get equal figures). The run's
 * draws are shared by all nodes, so differences between nodes are measured with less noise.
 */
export function meanOutbreakSizesSymmetric(graph: SpreadingGraph, seeds: ArrayLike<number>, options: SirOptions): Float64Array {
  const { beta, runs, seed } = options;
  if (!(beta >= 0 && beta <= 1)) throw new Error(`beta must be in [0, 1], got ${beta}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  const { size, start, reactor, weight } = graph;
  const degree = (u: number) => start[u + 1] - start[u];
  // A leaf: one neighbour, who has others (two nodes only tied to each other are a core pair).
  const hubOf = new Int32Array(size).fill(-1);
  const hubChance = new Float64Array(size);
  for (let u = 0; u < size; u++) {
    if (degree(u) === 1 && degree(reactor[start[u]]) > 1) {
      hubOf[u] = reactor[start[u]];
      hubChance[u] = passChance(beta, weight[start[u]]);
    }
  }
  const leafSum = new Float64Array(size); // Σ chances of the leaves hanging from each core node
  for (let l = 0; l < size; l++) if (hubOf[l] >= 0) leafSum[hubOf[l]] += hubChance[l];
  const core: number[] = [];
  for (let u = 0; u < size; u++) if (hubOf[u] < 0 && degree(u) > 0) core.push(u);
  const edgeA: number[] = [];
  const edgeB: number[] = [];
  const edgeThreshold: number[] = [];
  for (const u of core) {
    for (let e = start[u]; e < start[u + 1]; e++) {
      const v = reactor[e];
      if (v > u && hubOf[v] < 0) {
        edgeA.push(u);
        edgeB.push(v);
        edgeThreshold.push(Math.round(passChance(beta, weight[e]) * 4294967296));
      }
    }
  }
  const parent = new Int32Array(size);
  const clusterSize = new Float64Array(size); // per root: core nodes, then + the leaves' expected infections
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const total = new Float64Array(size);
  const rng = new Rng(mixSeed(seed, 0x5eed));
  for (let r = 0; r < runs; r++) {
    for (const u of core) {
      parent[u] = u;
      clusterSize[u] = 0;
    }
    for (let i = 0; i < edgeA.length; i++) {
      if (rng.nextUint32() >= edgeThreshold[i]) continue;
      let a = find(edgeA[i]);
      let b = find(edgeB[i]);
      if (a === b) continue;
      if (a > b) [a, b] = [b, a];
      parent[b] = a;
    }
    for (const u of core) clusterSize[find(u)] += 1 + leafSum[u];
    for (const u of core) total[u] += clusterSize[find(u)];
    for (let l = 0; l < size; l++) {
      const hub = hubOf[l];
      if (hub >= 0) total[l] += 1 + hubChance[l] * (clusterSize[find(hub)] - hubChance[l]);
    }
  }
  return Float64Array.from(seeds, (u) => (degree(u) === 0 ? 1 : Math.round((total[u] / runs) * 1e9) / 1e9));
}

/** Nodes reachable from `origin` along ties (origin included): the outbreak when every tie passes (β = 1). */
export function reachableCount(graph: SpreadingGraph, origin: number): number {
  const seen = new Uint8Array(graph.size);
  const queue = [origin];
  seen[origin] = 1;
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head];
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const v = graph.reactor[e];
      if (!seen[v]) {
        seen[v] = 1;
        queue.push(v);
      }
    }
  }
  return queue.length;
}
