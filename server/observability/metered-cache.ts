import type { ScoreCache } from '../services/scoring/score-cache';
import type { Metrics } from './metrics';

/** The score cache with its hits and misses counted (a person marked stale counts as a miss). */
export function meteredCache(cache: ScoreCache, metrics: Metrics): ScoreCache {
  let staleAsked = 0;
  return {
    async getMany(ids) {
      const found = await cache.getMany(ids);
      metrics.cacheLookup(found.size, ids.length - found.size);
      return found;
    },
    async staleAmong(ids) {
      const stale = await cache.staleAmong(ids);
      staleAsked = stale.size;
      if (staleAsked) metrics.cacheLookup(0, staleAsked);
      return stale;
    },
    setMany: (scores) => cache.setMany(scores),
    invalidate: (ids) => cache.invalidate(ids),
    markFresh: (ids) => cache.markFresh(ids),
    forget: (ids) => cache.forget(ids),
    clear: () => cache.clear(),
    close: () => cache.close(),
  };
}
