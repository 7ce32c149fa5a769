/**
 * The evaluation's own seeded random numbers (SplitMix32: a Weyl sequence through Murmur3's
 * mixer), so simulations are reproducible and share no state, nor code, with the scoring engine.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** A 32-bit hash of a few integers: seeds of independent streams (one per simulation seed and node). */
export function mixSeed(...values: number[]): number {
  let h = 0x2545f491;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x01000193);
    h = Math.imul(h ^ Math.floor(value / 4294967296), 0x01000193);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * `k` distinct indices of 0..n−1 drawn uniformly (every subset equally likely), ascending; all of
 * them when k ≥ n. A partial Fisher–Yates shuffle over a seeded stream.
 */
export function uniformSample(n: number, k: number, seed: number): Int32Array {
  if (k >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(mixSeed(seed, n, k));
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const swap = pool[i];
    pool[i] = pool[j];
    pool[j] = swap;
  }
  return pool.slice(0, k).sort();
}
