/**
 * A small seeded pseudo-random generator for the demo world: the same seed gives the same
 * world on every machine and Node version, which Math.random cannot promise.
 *
 * The core is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state), seeded
 * through splitmix32 so that nearby seeds give unrelated streams.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    const mix = splitmix32(seed >>> 0);
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    // The first outputs of sfc32 still echo the seed; discard them.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /**
   * An independent stream named by label. Each part of the world draws from its own fork, so
   * changing how one part consumes numbers does not reshuffle every other part.
   */
  fork(label: string): Random {
    return new Random((this.peekState() ^ hashString(label)) >>> 0);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item, with probability proportional to its weight. Linear: for short lists. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** Standard normal (Box–Muller, both values used). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const v = this.spareNormal;
      this.spareNormal = undefined;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** exp(N(mu, sigma²)): median e^mu, heavy right tail. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  /** Pareto type I: at least xMin, P(X > x) = (xMin / x)^alpha. Smaller alpha, heavier tail. */
  pareto(xMin: number, alpha: number): number {
    return xMin / Math.pow(1 - this.next(), 1 / alpha);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Poisson-distributed count; Knuth's method for small means, a rounded normal for large ones. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Shuffles in place (Fisher–Yates) and returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** k distinct items, in random order (partial Fisher–Yates on a copy). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy.slice(0, n);
  }

  private peekState(): number {
    return (this.a ^ Math.imul(this.b, 0x9e3779b1) ^ Math.imul(this.c, 0x85ebca6b) ^ this.d) >>> 0;
  }
}

/**
 * Items drawn with probability proportional to fixed weights in O(log n): for the long lists
 * (every account of a network) that reactions, follows and mentions draw from.
 */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(readonly items: readonly T[], weightOf: (item: T, index: number) => number) {
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    items.forEach((item, i) => {
      const w = weightOf(item, i);
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight must be a finite number ≥ 0, got ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  draw(rng: Random): T {
    if (!(this.total > 0)) throw new RangeError('draw from a table with no weight');
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }

  /**
   * Up to k distinct items, each drawn by weight, none for which `skip` holds. Gives up after
   * a bounded number of draws, so it may return fewer when the table is nearly exhausted.
   */
  drawDistinct(rng: Random, k: number, skip?: (item: T) => boolean): T[] {
    const chosen = new Set<T>();
    if (!(this.total > 0)) return [];
    const maxDraws = 4 * k + 20;
    for (let draws = 0; chosen.size < k && draws < maxDraws; draws++) {
      const item = this.draw(rng);
      if (!chosen.has(item) && !skip?.(item)) chosen.add(item);
    }
    return [...chosen];
  }
}

/**
 * Zipf's law over ranks 1..n: rank r is drawn with probability ∝ 1 / r^exponent. Returns the
 * 0-based rank.
 */
export function zipfSampler(n: number, exponent: number): (rng: Random) => number {
  const ranks = Array.from({ length: n }, (_, i) => i);
  const table = new WeightedTable(ranks, (r) => 1 / Math.pow(r + 1, exponent));
  return (rng) => table.draw(rng);
}

/** 32-bit FNV-1a of a string: turns fork labels into seeds. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
