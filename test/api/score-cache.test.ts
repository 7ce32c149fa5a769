import { afterAll, describe, expect, it } from 'vitest';
import type { PersonScore } from '../../server/scoring';
import { RedisScoreCache } from '../../server/services/scoring/redis-score-cache';
import { MemoryScoreCache, type ScoreCache } from '../../server/services/scoring/score-cache';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function fakeScore(personId: number, score: number): PersonScore {
  return { personId, score, band: { low: score - 1, high: score + 1 } } as PersonScore;
}

/** Two handles on one store, as two server instances would have. */
function pairs(): [string, () => [ScoreCache, ScoreCache]][] {
  const prefix = `sway-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const memory = new MemoryScoreCache();
  return [
    ['memory', () => [memory, memory]],
    ['redis', () => [new RedisScoreCache(REDIS_URL, prefix), new RedisScoreCache(REDIS_URL, prefix)]],
  ];
}

describe.each(pairs())('score cache in %s', (_name, make) => {
  const [a, b] = make();
  afterAll(async () => {
    await a.clear();
    await a.close();
    if (b !== a) await b.close();
  });

  it('shares scores and stale marks between instances', async () => {
    await a.setMany([fakeScore(1, 40), fakeScore(2, 50)]);
    expect([...(await b.getMany([1, 2, 3])).keys()]).toEqual([1, 2]);
    expect((await b.getMany([2])).get(2)!.score).toBe(50);

    await b.invalidate([2]);
    expect([...(await a.getMany([1, 2])).keys()]).toEqual([1]);
    expect(await a.staleAmong([1, 2])).toEqual(new Set([2]));

    await a.setMany([fakeScore(2, 55)]);
    await a.markFresh([2]);
    expect(await b.staleAmong([1, 2])).toEqual(new Set());
    expect((await b.getMany([2])).get(2)!.score).toBe(55);

    await b.clear();
    expect((await a.getMany([1, 2])).size).toBe(0);
  });
});
