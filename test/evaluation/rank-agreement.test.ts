import { describe, expect, it } from 'vitest';
import { kendallTauB } from '../../server/evaluation/rank-agreement';
import { Rng } from '../../server/evaluation/random';
import { kendallTauB as kendallTauBQuadratic } from '../../server/scoring/testing/evaluation';

describe("Kendall's τ-b (Knight's O(n log n) algorithm)", () => {
  it('equals the O(n²) definition on random data with ties on both sides', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 2 + rng.int(trial < 200 ? 40 : 400);
      // Few distinct values on each side, so ties are common; sometimes one side is continuous.
      const levelsX = 1 + rng.int(trial % 3 === 0 ? 1000 : 8);
      const levelsY = 1 + rng.int(trial % 5 === 0 ? 1000 : 8);
      const x = Array.from({ length: n }, () => rng.int(levelsX));
      const y = x.map((v) => (rng.next() < 0.6 ? v + rng.int(3) : rng.int(levelsY)));
      const fast = kendallTauB(x, y);
      const slow = kendallTauBQuadratic(x, y);
      expect(fast, `trial ${trial}: n=${n}`).toBeCloseTo(slow, 12);
    }
  });

  it('is 1 for the same order, −1 for the reverse, 0 for a constant side', () => {
    const x = [1, 2, 3, 4, 5, 6];
    expect(kendallTauB(x, x.map((v) => v * 10))).toBeCloseTo(1, 15);
    expect(kendallTauB(x, x.map((v) => -v))).toBeCloseTo(-1, 15);
    expect(kendallTauB(x, [3, 3, 3, 3, 3, 3])).toBe(0);
    expect(kendallTauB([1], [2])).toBe(0);
  });

  it('handles negative values, and a large input quickly', () => {
    expect(kendallTauB([-3, -1, 0, 2], [-10, -5, 1, 1])).toBeCloseTo(kendallTauBQuadratic([-3, -1, 0, 2], [-10, -5, 1, 1]), 12);
    const rng = new Rng(11);
    const n = 200_000;
    const x = Float64Array.from({ length: n }, () => rng.int(1000));
    const y = Float64Array.from(x, (v) => v + rng.int(500));
    const started = performance.now();
    const tau = kendallTauB(x, y);
    expect(tau).toBeGreaterThan(0.5);
    expect(tau).toBeLessThan(1);
    // O(n log n): well under the minutes an O(n²) count would take.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('rejects NaN and unequal lengths', () => {
    expect(() => kendallTauB([1, NaN], [1, 2])).toThrow(/NaN/);
    expect(() => kendallTauB([1, 2], [1])).toThrow(/2 values against 1/);
  });
});
