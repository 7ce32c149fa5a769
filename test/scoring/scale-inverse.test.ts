import { describe, expect, it } from 'vitest';
import { roundScore, toScale } from '../../server/scoring/scale';
import { fromScale } from '../../server/scoring/scale-inverse';

const next = (v: number) => {
  const f = new Float64Array([v]);
  const b = new BigUint64Array(f.buffer);
  b[0] += 1n;
  return f[0];
};
const previous = (v: number) => {
  const f = new Float64Array([v]);
  const b = new BigUint64Array(f.buffer);
  b[0] -= 1n;
  return f[0];
};

describe('fromScale', () => {
  it('gives the least raw value whose score reaches a bound, exactly as toScale computes', () => {
    const bounds = [1.05, 1.5, 2, 10, 39.95, 40, 40.05, 49.999, 50, 77.7, 99, 99.95, 100];
    for (let i = 2; i <= 100; i++) bounds.push(i);
    for (const bound of bounds) {
      const r = fromScale(bound);
      expect(toScale(r)).toBeGreaterThanOrEqual(bound);
      expect(toScale(previous(r))).toBeLessThan(bound);
    }
  });

  it('agrees with toScale on raw values on both sides of every bound', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 2000; i++) {
      const bound = 1 + random() * 99;
      const r = fromScale(bound);
      for (const raw of [r, next(r), previous(r), r * (1 + random() * 1e-9), r * (1 - random() * 1e-9), random() * 1000]) {
        expect(raw >= r).toBe(toScale(raw) >= bound);
      }
    }
  });

  it('answers every raw value below the floor and none above 100', () => {
    expect(fromScale(1)).toBe(-Infinity);
    expect(fromScale(0.5)).toBe(-Infinity);
    expect(fromScale(100.01)).toBe(Infinity);
    expect(fromScale(101)).toBe(Infinity);
  });

  it('keeps apart what the scale saturates: 100.0 is reached at a finite raw value', () => {
    const top = fromScale(100);
    expect(Number.isFinite(top)).toBe(true);
    expect(toScale(top)).toBe(100);
    expect(toScale(previous(top))).toBeLessThan(100);
  });

  it('separates a person shown as 40.0 whose exact score is 39.96 from one at 40.01', () => {
    const at = fromScale(40);
    const below = fromScale(39.96);
    const above = fromScale(40.01);
    expect(roundScore(toScale(below))).toBe(40);
    expect(roundScore(toScale(above))).toBe(40);
    expect(below < at).toBe(true);
    expect(above >= at).toBe(true);
  });

  it('follows another scale', () => {
    const scale = { rawAtMidpoint: 10, steepness: 2 };
    const r = fromScale(50.5, scale); // the midpoint: 1 + 99 / 2
    expect(toScale(r, scale)).toBeGreaterThanOrEqual(50.5);
    expect(toScale(previous(r), scale)).toBeLessThan(50.5);
    expect(r).toBeCloseTo(10, 9);
  });
});
