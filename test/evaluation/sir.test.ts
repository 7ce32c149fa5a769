import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config';
import { distinctReactors, pageRank, totalReactions } from '../../server/evaluation/baselines';
import { Rng, uniformSample } from '../../server/evaluation/random';
import { isSymmetric, meanOutbreakSizes, meanOutbreakSizesSymmetric, passChance, reachableCount } from '../../server/evaluation/sir';
import { buildSpreadingGraph, criticalRate, simpleDegrees, type Reaction, type SpreadingGraph } from '../../server/evaluation/spreading-graph';

/** A random directed multigraph with weights, dead ends, leaves and mutual pairs. */
function randomGraph(seed: number, size: number, ties: number): SpreadingGraph {
  const rng = new Rng(seed);
  const reactions: Reaction[] = [];
  for (let i = 0; i < ties; i++) {
    const reactor = rng.int(size);
    const author = rng.int(Math.max(1, Math.floor(size / 2))); // half the nodes are never reacted to: dead ends
    reactions.push({ reactor, author, count: 1 + (rng.next() < 0.3 ? rng.int(4) : 0) });
    if (rng.next() < 0.3) reactions.push({ reactor: author, author: reactor, count: 1 });
  }
  // A few leaves: a node whose only tie is a mutual one.
  for (let i = 0; i < 5; i++) {
    const leaf = size - 1 - i;
    const hub = rng.int(size - 10);
    reactions.push({ reactor: leaf, author: hub, count: 2 }, { reactor: hub, author: leaf, count: 1 });
  }
  return buildSpreadingGraph(size, reactions);
}

/** The process as described, drawn tie by tie, with nothing clever: the reference the fast code must agree with. */
function naiveMeanOutbreak(graph: SpreadingGraph, origin: number, beta: number, runs: number, seed: number): { mean: number; se: number } {
  const rng = new Rng(seed);
  let sum = 0;
  let sumSq = 0;
  for (let r = 0; r < runs; r++) {
    const infected = new Set([origin]);
    let current = [origin];
    while (current.length) {
      const next: number[] = [];
      for (const u of current) {
        for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
          const v = graph.reactor[e];
          if (!infected.has(v) && rng.next() < passChance(beta, graph.weight[e])) {
            infected.add(v);
            next.push(v);
          }
        }
      }
      current = next;
    }
    sum += infected.size;
    sumSq += infected.size ** 2;
  }
  const mean = sum / runs;
  return { mean, se: Math.sqrt(Math.max(0, sumSq / runs - mean ** 2) / runs) };
}

describe('spreading graph', () => {
  it('merges ties per ordered pair, drops self-loops, and points from author to reactors', () => {
    const g = buildSpreadingGraph(4, [
      { reactor: 1, author: 0, count: 2 },
      { reactor: 1, author: 0, count: 1 },
      { reactor: 2, author: 0, count: 1 },
      { reactor: 0, author: 1, count: 1 },
      { reactor: 3, author: 3, count: 5 },
    ]);
    expect(Array.from(g.start)).toEqual([0, 2, 3, 3, 3]);
    expect(Array.from(g.reactor)).toEqual([1, 2, 0]);
    expect(Array.from(g.weight)).toEqual([3, 1, 1]);
    // Undirected simple projection: 0–1 (both ways, once), 0–2.
    expect(Array.from(simpleDegrees(g))).toEqual([2, 1, 1, 0]);
    expect(criticalRate(g)).toBeCloseTo(4 / 6, 15);
    expect(Array.from(distinctReactors(g))).toEqual([2, 1, 0, 0]);
    expect(Array.from(totalReactions(g))).toEqual([4, 1, 0, 0]);
  });
});

describe('SIR outbreaks', () => {
  const graph = randomGraph(3, 60, 140);
  const everyone = Array.from({ length: graph.size }, (_, i) => i);

  it('β = 1: the outbreak is the set reachable from the seed', () => {
    const sizes = meanOutbreakSizes(graph, everyone, { beta: 1, runs: 3, seed: 1 });
    expect(Array.from(sizes)).toEqual(everyone.map((u) => reachableCount(graph, u)));
  });

  it('β = 0: the seed alone', () => {
    expect(Array.from(meanOutbreakSizes(graph, everyone, { beta: 0, runs: 5, seed: 1 }))).toEqual(everyone.map(() => 1));
  });

  it('a star of dead ends: exactly 1 + Σ pass chances, with no noise', () => {
    const star = buildSpreadingGraph(5, [1, 2, 3, 4].map((reactor) => ({ reactor, author: 0, count: reactor })));
    const [size] = meanOutbreakSizes(star, [0], { beta: 0.1, runs: 7, seed: 5 });
    expect(size).toBeCloseTo(1 + [1, 2, 3, 4].reduce((s, w) => s + passChance(0.1, w), 0), 9);
    // A leaf as the seed: its only reactor is infected with p, and tries nobody new.
    const pair = buildSpreadingGraph(2, [{ reactor: 0, author: 1, count: 1 }, { reactor: 1, author: 0, count: 1 }]);
    expect(Array.from(meanOutbreakSizes(pair, [0, 1], { beta: 0.25, runs: 3, seed: 5 }))).toEqual([1.25, 1.25]);
    // Leaves 1, 2, 3 around hub 0, seeded at leaf 1: the hub with p, then the two other leaves with p each.
    const mutual = (a: number, b: number): Reaction[] => [{ reactor: a, author: b, count: 1 }, { reactor: b, author: a, count: 1 }];
    const hub = buildSpreadingGraph(4, [...mutual(0, 1), ...mutual(0, 2), ...mutual(0, 3)]);
    const p = 0.3;
    const runs = 40_000;
    const [fromLeaf] = meanOutbreakSizes(hub, [1], { beta: p, runs, seed: 8 });
    expect(Math.abs(fromLeaf - (1 + p * (1 + 2 * p)))).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / runs) * (1 + 2 * p));
    const [fromHub] = meanOutbreakSizes(hub, [0], { beta: p, runs: 3, seed: 8 });
    expect(fromHub).toBeCloseTo(1 + 3 * p, 9);
  });

  it('agrees with a plain tie-by-tie simulation (the shortcuts change the noise, not the mean)', () => {
    const seeds = uniformSample(graph.size, 12, 9).filter((u) => graph.start[u + 1] > graph.start[u]);
    for (const beta of [0.15, 0.4]) {
      const fast = meanOutbreakSizes(graph, seeds, { beta, runs: 20_000, seed: 2 });
      seeds.forEach((u, i) => {
        const slow = naiveMeanOutbreak(graph, u, beta, 20_000, 100 + u);
        // Within 4.5 standard errors of the plain estimate (the fast one's own error is smaller).
        expect(Math.abs(fast[i] - slow.mean), `node ${u}, β ${beta}: ${fast[i]} vs ${slow.mean} ± ${slow.se}`).toBeLessThanOrEqual(4.5 * slow.se + 1e-9);
      });
    }
  });

  it('is deterministic, independent of which other seeds are simulated, and changes with the seed', () => {
    const a = meanOutbreakSizes(graph, everyone, { beta: 0.3, runs: 200, seed: 4 });
    const b = meanOutbreakSizes(graph, [...everyone].reverse().slice(0, 30), { beta: 0.3, runs: 200, seed: 4 });
    expect(Array.from(b)).toEqual([...everyone].reverse().slice(0, 30).map((u) => a[u]));
    const c = meanOutbreakSizes(graph, everyone, { beta: 0.3, runs: 200, seed: 5 });
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });
});

describe('PageRank baseline', () => {
  it('equals a direct linear solve on Les Misérables read as reactions both ways', () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'data', 'graphs', 'lesmis.gml'), 'utf8');
    const edges = [...text.matchAll(/source (\d+)\s+target (\d+)\s+value (\d+)/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
    const n = 1 + Math.max(...edges.flatMap(([a, b]) => [a, b]));
    // Plus a node who reacts to nobody (dangling) and is reacted to once.
    const reactions: Reaction[] = edges.flatMap(([a, b, w]) => [{ reactor: a, author: b, count: w }, { reactor: b, author: a, count: w }]);
    reactions.push({ reactor: 0, author: n, count: 1 });
    const g = buildSpreadingGraph(n + 1, reactions);
    const rank = pageRank(g);
    // Direct: (I − d·M) r = (1 − d)/N + d·(dangling share), solved by Gaussian elimination.
    const N = n + 1;
    const d = 0.85;
    const given = new Float64Array(N);
    for (const r of reactions) given[r.reactor] += r.count;
    const A: number[][] = Array.from({ length: N }, (_, i) => Array.from({ length: N + 1 }, (_, j) => (j === i ? 1 : 0)));
    for (let i = 0; i < N; i++) A[i][N] = (1 - d) / N;
    for (const r of reactions) A[r.author][r.reactor] -= (d * r.count) / given[r.reactor];
    for (let j = 0; j < N; j++) if (given[j] === 0) for (let i = 0; i < N; i++) A[i][j] -= d / N;
    for (let c = 0; c < N; c++) {
      let pivot = c;
      for (let r = c + 1; r < N; r++) if (Math.abs(A[r][c]) > Math.abs(A[pivot][c])) pivot = r;
      [A[c], A[pivot]] = [A[pivot], A[c]];
      for (let r = 0; r < N; r++) {
        if (r === c) continue;
        const f = A[r][c] / A[c][c];
        for (let k = c; k <= N; k++) A[r][k] -= f * A[c][k];
      }
    }
    const direct = A.map((row, i) => row[N] / A[i][i]);
    for (let i = 0; i < N; i++) expect(rank[i]).toBeCloseTo(direct[i], 10);
    expect(rank.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
  });
});

describe('SIR outbreaks by percolation (symmetric graphs)', () => {
  /** An undirected random graph with weights, leaves and isolated nodes, read both ways. */
  function undirected(seed: number, size: number, edges: number): SpreadingGraph {
    const rng = new Rng(seed);
    const reactions: Reaction[] = [];
    for (let i = 0; i < edges; i++) {
      const a = rng.int(size - 12);
      const b = rng.int(size - 12);
      const count = 1 + (rng.next() < 0.3 ? rng.int(3) : 0);
      reactions.push({ reactor: a, author: b, count }, { reactor: b, author: a, count });
    }
    // Leaves (some on the same hub), a lone pair, and two isolated nodes.
    for (let i = 0; i < 8; i++) {
      const leaf = size - 12 + i;
      const hub = i < 4 ? 0 : rng.int(size - 12);
      reactions.push({ reactor: leaf, author: hub, count: 1 }, { reactor: hub, author: leaf, count: 1 });
    }
    reactions.push({ reactor: size - 4, author: size - 3, count: 2 }, { reactor: size - 3, author: size - 4, count: 2 });
    return buildSpreadingGraph(size, reactions);
  }
  const graph = undirected(21, 70, 110);
  const everyone = Array.from({ length: graph.size }, (_, i) => i);

  it('knows a symmetric graph from a directed one', () => {
    expect(isSymmetric(graph)).toBe(true);
    expect(isSymmetric(randomGraph(3, 60, 140))).toBe(false);
  });

  it('β = 1: every node reaches its whole component; β = 0: the seed alone', () => {
    expect(Array.from(meanOutbreakSizesSymmetric(graph, everyone, { beta: 1, runs: 3, seed: 1 }))).toEqual(everyone.map((u) => reachableCount(graph, u)));
    expect(Array.from(meanOutbreakSizesSymmetric(graph, everyone, { beta: 0, runs: 3, seed: 1 }))).toEqual(everyone.map(() => 1));
  });

  it('agrees with the outbreak-by-outbreak simulation, and leaves on one hub by equal ties get equal figures', () => {
    for (const beta of [0.2, 0.45]) {
      const percolation = meanOutbreakSizesSymmetric(graph, everyone, { beta, runs: 20_000, seed: 3 });
      for (const u of [...uniformSample(58, 6, 4), 58, 62, 66]) {
        const slow = naiveMeanOutbreak(graph, u, beta, 12_000, 300 + u);
        expect(Math.abs(percolation[u] - slow.mean), `node ${u}, β ${beta}: ${percolation[u]} vs ${slow.mean} ± ${slow.se}`).toBeLessThanOrEqual(4.5 * slow.se + 1e-9);
      }
      const leaves = [58, 59, 60, 61].map((l) => percolation[l]);
      expect(new Set(leaves).size).toBe(1);
    }
  });
});
