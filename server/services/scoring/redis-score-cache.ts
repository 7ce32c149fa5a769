import Redis from 'ioredis';
import type { PersonScore } from '../../scoring';
import type { ScoreCache } from './score-cache';

/**
 * The score cache in Redis, so several server instances agree: a score computed by one is read by
 * all, and an ingest through one marks the touched people stale for all. Reads are one round trip
 * (stale marks and scores fetched in the same pipeline).
 */
export class RedisScoreCache implements ScoreCache {
  private readonly redis: Redis;
  private readonly staleKey: string;

  constructor(url: string, private readonly prefix = 'sway', private readonly ttlSeconds = 2 * 86_400) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableAutoPipelining: true });
    this.staleKey = `${prefix}:stale`;
  }

  private key(id: number): string {
    return `${this.prefix}:score:${id}`;
  }

  async getMany(personIds: readonly number[]): Promise<Map<number, PersonScore>> {
    const out = new Map<number, PersonScore>();
    if (!personIds.length) return out;
    const values = await this.redis.mget(personIds.map((id) => this.key(id)));
    values.forEach((v, i) => v && out.set(personIds[i], JSON.parse(v)));
    return out;
  }

  async setMany(scores: readonly PersonScore[]): Promise<void> {
    if (!scores.length) return;
    const pipeline = this.redis.pipeline();
    for (const s of scores) pipeline.set(this.key(s.personId), JSON.stringify(s), 'EX', this.ttlSeconds);
    await pipeline.exec();
  }

  async invalidate(personIds: readonly number[]): Promise<void> {
    if (!personIds.length) return;
    await this.redis.multi().sadd(this.staleKey, ...personIds.map(String)).del(...personIds.map((id) => this.key(id))).exec();
  }

  async forget(personIds: readonly number[]): Promise<void> {
    if (!personIds.length) return;
    await this.redis.multi().srem(this.staleKey, ...personIds.map(String)).del(...personIds.map((id) => this.key(id))).exec();
  }

  async staleAmong(personIds: readonly number[]): Promise<Set<number>> {
    if (!personIds.length) return new Set();
    const flags = await this.redis.smismember(this.staleKey, ...personIds.map(String));
    return new Set(personIds.filter((_, i) => flags[i] === 1));
  }

  async markFresh(personIds: readonly number[]): Promise<void> {
    if (personIds.length) await this.redis.srem(this.staleKey, ...personIds.map(String));
  }

  async clear(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}:score:*`, 'COUNT', 1000);
      if (keys.length) await this.redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}
