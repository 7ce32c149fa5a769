import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { weightedPageRank, type WeightedInGraph } from '../../server/evaluation/pagerank';

const GRAPHS = path.resolve(__dirname, '../../data/graphs');

/** Builds the in-edge CSR from (source, target, weight) triples, in-edges sorted by source. */
function inGraph(nodeCount: number, edges: [number, number, number][]): WeightedInGraph {
  const sorted = [...edges].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const inStart = new Int32Array(nodeCount + 1);
  for (const [, target] of sorted) inStart[target + 1]++;
  for (let v = 0; v < nodeCount; v++) inStart[v + 1] += inStart[v];
  return { nodeCount, inStart, inSource: Int32Array.from(sorted, (e) => e[0]), inWeight: Float64Array.from(sorted, (e) => e[2]) };
}

const TEXTBOOK = { damping: 0.85, tolerance: 1e-13, maxIterations: 2000, perCommunity: false };

/**
 * PageRank by a direct dense solve of (I − d·Pᵀ − d·(1/N)·1·δᵀ) x = (1 − d)·1, δ marking dangling
 * nodes: an independent method (Gaussian elimination, no iteration) to check the power iteration.
 */
function directPageRank(nodeCount: number, edges: [number, number, number][], damping: number): Float64Array {
  const n = nodeCount;
  const out = new Float64Array(n);
  for (const [s, , w] of edges) out[s] += w;
  const a = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(n + 1);
    row[i] = 1;
    row[n] = 1 - damping;
    return row;
  });
  for (const [s, t, w] of edges) a[t][s] -= (damping * w) / out[s];
  for (let s = 0; s < n; s++) if (out[s] === 0) for (let t = 0; t < n; t++) a[t][s] -= damping / n;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / a[col][col];
      if (f === 0) continue;
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sum = a[r][n];
    for (let c = r + 1; c < n; c++) sum -= a[r][c] * x[c];
    x[r] = sum / a[r][r];
  }
  return x.map((v) => v / n);
}

describe('weighted PageRank', () => {
  it("reproduces the published ranks of Wikipedia's 11-node example graph", () => {
    // A..K = 0..10. A has no out-links: its rank is spread over all eleven pages.
    const [A, B, C, D, E, F, G, H, I, J, K] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const links: [number, number][] = [
      [B, C], [C, B], [D, A], [D, B], [E, B], [E, D], [E, F], [F, B], [F, E],
      [G, B], [G, E], [H, B], [H, E], [I, B], [I, E], [J, E], [K, E],
    ];
    const result = weightedPageRank(inGraph(11, links.map(([s, t]) => [s, t, 1])), { ...TEXTBOOK, perCommunity: true });
    const percent = Array.from(result.rank, (r) => Math.round(r * 1000) / 10);
    expect(percent[B]).toBe(38.4);
    expect(percent[C]).toBe(34.3);
    expect(percent[E]).toBe(8.1);
    expect(percent[D]).toBe(3.9);
    expect(percent[F]).toBe(3.9);
    expect(percent[A]).toBe(3.3);
    for (const other of [G, H, I, J, K]) expect(percent[other]).toBe(1.6);
    expect(result.converged).toBe(true);
    expect(result.rank.reduce((s, r) => s + r, 0)).toBeCloseTo(1, 12);
  });

  it('matches a direct solve on the weighted Les Misérables co-appearance graph', () => {
    const gml = fs.readFileSync(path.join(GRAPHS, 'lesmis.gml'), 'utf8');
    const edges: [number, number, number][] = [];
    for (const m of gml.matchAll(/source\s+(\d+)\s+target\s+(\d+)\s+value\s+(\d+)/g)) {
      const [s, t, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
      edges.push([s, t, w], [t, s, w]); // undirected: both ways
    }
    expect(edges.length).toBe(2 * 254);
    const iterative = weightedPageRank(inGraph(77, edges), TEXTBOOK);
    const direct = directPageRank(77, edges, 0.85);
    for (let v = 0; v < 77; v++) expect(iterative.rank[v]).toBeCloseTo(direct[v], 10);
    // Valjean is the most central character.
    const valjean = Number(/id\s+(\d+)\s+label\s+"Valjean"/.exec(gml)![1]);
    expect(iterative.rank.indexOf(Math.max(...iterative.rank))).toBe(valjean);
  });

  it('matches a direct solve on the directed email-Eu-core graph, dangling nodes included', () => {
    const text = fs.readFileSync(path.join(GRAPHS, 'email-Eu-core.txt'), 'utf8');
    const edges: [number, number, number][] = [];
    let nodeCount = 0;
    for (const line of text.split('\n')) {
      const [s, t] = line.trim().split(/\s+/).map(Number);
      if (!Number.isInteger(s) || !Number.isInteger(t)) continue;
      edges.push([s, t, 1]);
      nodeCount = Math.max(nodeCount, s + 1, t + 1);
    }
    const iterative = weightedPageRank(inGraph(nodeCount, edges), TEXTBOOK);
    const direct = directPageRank(nodeCount, edges, 0.85);
    let maxError = 0;
    for (let v = 0; v < nodeCount; v++) maxError = Math.max(maxError, Math.abs(iterative.rank[v] - direct[v]));
    expect(maxError).toBeLessThan(1e-12);
  });

  it('treats each community on its own: ranks inside one do not depend on the others, to the bit', () => {
    const triangle: [number, number, number][] = [[0, 1, 1], [1, 2, 2], [2, 0, 1], [0, 2, 0.5]];
    const star: [number, number, number][] = [[1, 0, 1], [2, 0, 1], [3, 0, 1], [4, 0, 3]];
    const alone = weightedPageRank(inGraph(3, triangle), { ...TEXTBOOK, perCommunity: true });
    const shifted = star.map(([s, t, w]) => [s + 3, t + 3, w] as [number, number, number]);
    const together = weightedPageRank(inGraph(8, [...triangle, ...shifted]), { ...TEXTBOOK, perCommunity: true });
    for (let v = 0; v < 3; v++) expect(Object.is(together.relativeRank[v], alone.relativeRank[v])).toBe(true);
    expect(Array.from(together.communitySize)).toEqual([3, 3, 3, 5, 5, 5, 5, 5]);
    // Relative ranks average 1 in every community.
    expect(together.relativeRank.slice(3).reduce((s, x) => s + x, 0) / 5).toBeCloseTo(1, 12);
  });

  it('weights edges: a heavier in-edge from the same source gives more rank', () => {
    const result = weightedPageRank(inGraph(3, [[0, 1, 3], [0, 2, 1], [1, 0, 1], [2, 0, 1]]), TEXTBOOK);
    expect(result.rank[1]).toBeGreaterThan(result.rank[2]);
  });
});
