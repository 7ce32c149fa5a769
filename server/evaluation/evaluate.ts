import { distinctReactors, pageRank, totalReactions } from './baselines';
import { mixSeed } from './random';
import { kendallTauB } from './rank-agreement';
import { isSymmetric, meanOutbreakSizes, meanOutbreakSizesSymmetric } from './sir';
import { criticalRate, type SpreadingGraph } from './spreading-graph';

/** A ranking of the graph's nodes: one value per node (higher = more influential). */
export interface Ranking {
  name: string;
  values: ArrayLike<number>;
}

export interface EvaluationOptions {
  /** The nodes evaluated (ascending node numbers). */
  sample: ArrayLike<number>;
  /** Infection rates as multiples of the epidemic threshold β_c. */
  multiples?: readonly number[];
  /** SIR simulations per evaluated node and rate. */
  runs: number;
  seed: number;
}

export interface RateFigures {
  /** β / β_c. */
  multiple: number;
  beta: number;
  /** Mean outbreak size of each evaluated node (same order as the sample). */
  outbreak: Float64Array;
  /** τ-b of each ranking against the outbreak sizes, in the order the rankings were given. */
  tau: number[];
  /** τ-b between the outbreak sizes and a second, independent simulation (another seed): the best any ranking can expect. */
  noiseCeiling: number;
}

export interface InfluenceEvaluation {
  criticalRate: number;
  sample: Int32Array;
  rankings: string[];
  rates: RateFigures[];
  /** How outbreaks were simulated: outbreak by outbreak (directed), or by percolation (symmetric ties). */
  method: 'outbreaks' | 'percolation';
}

export const DEFAULT_MULTIPLES: readonly number[] = [1, 1.5, 2];

/**
 * Simulates SIR outbreaks from every evaluated node at each rate and measures how well each ranking
 * orders the nodes by mean outbreak size (Kendall τ-b), beside the noise ceiling.
 */
export function evaluateInfluence(graph: SpreadingGraph, rankings: readonly Ranking[], options: EvaluationOptions): InfluenceEvaluation {
  const sample = Int32Array.from(options.sample);
  for (const r of rankings) if (r.values.length !== graph.size) throw new Error(`ranking ${r.name} has ${r.values.length} values for ${graph.size} nodes`);
  const betaC = criticalRate(graph);
  // Same process either way; on an undirected graph, percolation measures every node at once.
  const simulate = isSymmetric(graph) ? meanOutbreakSizesSymmetric : meanOutbreakSizes;
  const picked = rankings.map((r) => Float64Array.from(sample, (u) => r.values[u]));
  const rates = (options.multiples ?? DEFAULT_MULTIPLES).map((multiple, m): RateFigures => {
    const beta = Math.min(1, multiple * betaC);
    const outbreak = simulate(graph, sample, { beta, runs: options.runs, seed: mixSeed(options.seed, m, 1) });
    const again = simulate(graph, sample, { beta, runs: options.runs, seed: mixSeed(options.seed, m, 2) });
    return { multiple, beta, outbreak, tau: picked.map((values) => kendallTauB(values, outbreak)), noiseCeiling: kendallTauB(again, outbreak) };
  });
  return { criticalRate: betaC, sample, rankings: rankings.map((r) => r.name), rates, method: simulate === meanOutbreakSizes ? 'outbreaks' : 'percolation' };
}

/** The three baselines, computed from the graph alone. */
export function baselineRankings(graph: SpreadingGraph): Ranking[] {
  return [
    { name: 'distinct reactors', values: distinctReactors(graph) },
    { name: 'total reactions', values: totalReactions(graph) },
    { name: 'PageRank', values: pageRank(graph) },
  ];
}

export interface TieFigures {
  /** Distinct values among the evaluated nodes. */
  distinct: number;
  /** Evaluated nodes at the floor value who received at least one reaction. */
  atFloorWithReactions: number;
  /** Evaluated nodes who received at least one reaction. */
  withReactions: number;
}

/** How coarse a ranking is on the evaluated nodes: its distinct values, and who sits at the floor despite reactions. */
export function tieFigures(graph: SpreadingGraph, values: ArrayLike<number>, sample: ArrayLike<number>, floor: number): TieFigures {
  const seen = new Set<number>();
  let atFloorWithReactions = 0;
  let withReactions = 0;
  for (let i = 0; i < sample.length; i++) {
    const u = sample[i];
    seen.add(values[u]);
    if (graph.start[u + 1] > graph.start[u]) {
      withReactions++;
      if (values[u] <= floor) atFloorWithReactions++;
    }
  }
  return { distinct: seen.size, atFloorWithReactions, withReactions };
}
