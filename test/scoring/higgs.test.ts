import { describe, expect, it } from 'vitest';
import { scorePeople } from '../../server/scoring';
import { buildReactionGraph, kendallTauB, simulateSpread, spearman, stratifiedSample, topKOverlap } from '../../server/scoring/testing/evaluation';
import { higgsWorld, readHiggsEdges } from '../../server/scoring/testing/higgs';
import { SeededRandom } from '../../server/scoring/testing/random';
import { exactJson } from './world-builder';

describe('the Higgs reply network (SNAP, De Domenico et al. 2013)', () => {
  const edges = readHiggsEdges('reply');
  const world = higgsWorld(edges);
  const result = scorePeople(world);

  it('gives every user a finite score on the scale, with a sane band', () => {
    expect(edges.length).toBeGreaterThan(30_000);
    expect(result.people.length).toBe(world.accounts.length);
    for (const person of result.people) {
      expect(Number.isFinite(person.raw)).toBe(true);
      expect(person.score).toBeGreaterThanOrEqual(1);
      expect(person.score).toBeLessThanOrEqual(100);
      expect(person.band.low).toBeLessThanOrEqual(person.score);
      expect(person.band.high).toBeGreaterThanOrEqual(person.score);
    }
    // The network impact: a finite onward audience for everyone in the reaction graph, 0 exactly for
    // those nobody replies to, and each community's onward weight λ in (0, maxWeight].
    const graph = buildReactionGraph(edges);
    const impact = result.networkImpact;
    expect(impact.personIds.length).toBe(graph.nodeIds.length);
    let wrong = 0;
    for (let v = 0; v < impact.personIds.length; v++) {
      const onward = impact.onwardAudience[v];
      const reactors = graph.distinctReactors[graph.indexOf.get(impact.personIds[v])!];
      const lambda = impact.transmissibility[v];
      if (!(Number.isFinite(onward) && onward >= 0 && (onward > 0) === (reactors > 0) && lambda > 0 && lambda <= result.config.onward.maxWeight)) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('spreads scores over the range, heavy-tailed', () => {
    const scores = result.people.map((p) => p.score).sort((a, b) => a - b);
    const quantile = (q: number) => scores[Math.floor(q * (scores.length - 1))];
    expect(quantile(0.5)).toBeLessThan(10);
    expect(quantile(0.99)).toBeGreaterThan(20);
    expect(quantile(1)).toBeGreaterThan(80);
    expect(scores.filter((s) => s > 80).length / scores.length).toBeLessThan(0.005);
    expect(new Set(scores.map((s) => Math.floor(s / 10))).size).toBeGreaterThanOrEqual(9);
  });

  it('is deterministic, whatever the order of the input', () => {
    const random = new SeededRandom(42);
    const shuffled = scorePeople({
      asOf: world.asOf,
      accounts: random.shuffle([...world.accounts]),
      content: random.shuffle([...world.content]),
      interactions: random.shuffle([...world.interactions]),
    });
    expect(exactJson(shuffled.people)).toBe(exactJson(result.people));
  });
});

describe('the Higgs mention + reply networks against simulated spread', () => {
  // Every interaction falls within the collection's 7 days, so within the 28-day full-weight period: time
  // plays no part here, only the graph. The cascades pass a reaction with p = 0.05 and 0.15, about 40 and
  // 115 times the epidemic threshold ⟨k⟩/⟨k²⟩ ≈ 0.0013 of the network's giant community; the score weighs
  // onward audiences there at λ = onward.thresholdMultiple × that threshold.
  /** τ-b, ρ and top-k overlap of Sway and a baseline against independent cascades at p (far above the threshold here). */
  function spreaders(baseline: 'distinctReactors' | 'reactionsReceived') {
    const edges = [...readHiggsEdges('mention'), ...readHiggsEdges('reply')];
    const graph = buildReactionGraph(edges);
    const result = scorePeople(higgsWorld(edges));
    const sample = stratifiedSample(graph, 25, 3);
    const sway = sample.map((u) => result.byPerson.get(graph.nodeIds[u])!.score);
    const counts = sample.map((u) => graph[baseline][u]);
    const k = Math.round(sample.length / 10);
    return [0.05, 0.15].map((p) => {
      const spread = simulateSpread(graph, sample, { p, runs: 300, seed: 5 });
      const figures = (x: number[]) => [kendallTauB(x, spread), spearman(x, spread), topKOverlap(x, spread, k)];
      return { p, sway: figures(sway), baseline: figures(counts), message: `p = ${p}, τ-b / ρ / top-${k}: Sway ${figures(sway).map((v) => v.toFixed(4)).join(' / ')}, ${baseline} ${figures(counts).map((v) => v.toFixed(4)).join(' / ')}` };
    });
  }

  it('ranks simulated spreaders at least as well as counting distinct reactors does', () => {
    for (const { sway, baseline, message } of spreaders('distinctReactors')) {
      for (let m = 0; m < 3; m++) expect(sway[m], message).toBeGreaterThanOrEqual(baseline[m]);
    }
  });

  // Known gap (issue 19): on Higgs, where spread rarely passes a second hop, counting every reaction
  // ranks spreaders a hair better than Sway (see server/scoring/README.md). When that changes, this
  // fails: turn it into a plain test.
  it.fails('ranks simulated spreaders at least as well as counting every reaction does (not yet)', () => {
    for (const { sway, baseline, message } of spreaders('reactionsReceived')) {
      for (let m = 0; m < 3; m++) expect(sway[m], message).toBeGreaterThanOrEqual(baseline[m]);
    }
  });
});

describe('evaluation tools', () => {
  it('compute Kendall tau-b and Spearman rho like the textbook', () => {
    expect(kendallTauB([1, 2, 3, 4, 5], [3, 4, 1, 2, 5])).toBeCloseTo(0.2, 12);
    expect(spearman([1, 2, 3, 4, 5], [3, 4, 1, 2, 5])).toBeCloseTo(0.2, 12);
    expect(kendallTauB([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 12);
    expect(spearman([1, 2, 3], [30, 20, 10])).toBeCloseTo(-1, 12);
    expect(topKOverlap([5, 4, 3, 2, 1], [5, 1, 4, 2, 3], 2)).toBe(0.5);
  });

  it('simulate cascades in the direction content travels', () => {
    // 1 reacts to 0, 2 reacts to 1: what 0 posts can reach 1 and then 2; what 2 posts reaches nobody.
    const graph = buildReactionGraph([
      { from: 1, to: 0, weight: 1 },
      { from: 2, to: 1, weight: 1 },
    ]);
    expect(Array.from(simulateSpread(graph, [0, 1, 2], { p: 1, runs: 10, seed: 1 }))).toEqual([3, 2, 1]);
    expect(Array.from(simulateSpread(graph, [0], { p: 0, runs: 10, seed: 1 }))).toEqual([1]);
    const half = simulateSpread(graph, [0], { p: 0.5, runs: 4000, seed: 1 })[0];
    expect(half).toBeGreaterThan(1.7); // 1 + 0.5 + 0.25 = 1.75 expected
    expect(half).toBeLessThan(1.8);
  });
});
