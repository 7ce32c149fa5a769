import type { PersonScore } from '../../scoring';

/**
 * Where computed scores are kept between requests, and which people's scores are stale.
 * In memory for one instance; the Redis implementation lets several instances share both.
 */
export interface ScoreCache {
  getMany(personIds: readonly number[]): Promise<Map<number, PersonScore>>;
  setMany(scores: readonly PersonScore[]): Promise<void>;
  /** Drops these people's scores and marks them stale, for every instance. */
  invalidate(personIds: readonly number[]): Promise<void>;
  /** The ones among personIds that are marked stale. */
  staleAmong(personIds: readonly number[]): Promise<Set<number>>;
  /** Drops these people's scores and stale marks alike, leaving no trace of them (opt-out, erasure). */
  forget(personIds: readonly number[]): Promise<void>;
  /** Clears stale marks once fresh scores are stored. */
  markFresh(personIds: readonly number[]): Promise<void>;
  /** Forgets every cached score (after a full rescore). */
  clear(): Promise<void>;
  close(): Promise<void>;
}

/** A bounded in-process cache; the oldest entries go first when it is full. */
export class MemoryScoreCache implements ScoreCache {
  private readonly scores = new Map<number, PersonScore>();
  private readonly stale = new Set<number>();

  constructor(private readonly capacity = 200_000) {}

  async getMany(personIds: readonly number[]): Promise<Map<number, PersonScore>> {
    const out = new Map<number, PersonScore>();
    for (const id of personIds) {
      const hit = this.scores.get(id);
      if (hit) out.set(id, hit);
    }
    return out;
  }

  async setMany(scores: readonly PersonScore[]): Promise<void> {
    for (const s of scores) {
      this.scores.delete(s.personId);
      this.scores.set(s.personId, s);
    }
    while (this.scores.size > this.capacity) this.scores.delete(this.scores.keys().next().value as number);
  }

  async invalidate(personIds: readonly number[]): Promise<void> {
    for (const id of personIds) {
      this.scores.delete(id);
      this.stale.add(id);
    }
  }

  async forget(personIds: readonly number[]): Promise<void> {
    for (const id of personIds) {
      this.scores.delete(id);
      this.stale.delete(id);
    }
  }

  async staleAmong(personIds: readonly number[]): Promise<Set<number>> {
    return new Set(personIds.filter((id) => this.stale.has(id)));
  }

  async markFresh(personIds: readonly number[]): Promise<void> {
    for (const id of personIds) this.stale.delete(id);
  }

  async clear(): Promise<void> {
    this.scores.clear();
  }

  async close(): Promise<void> {}
}
