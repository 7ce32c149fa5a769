import type { Services } from '../services';
import type { Page } from '../services/pagination/page';

/**
 * Services that remember each answer by its arguments and replay it, so the same schema,
 * resolvers and loaders answer from memory: the ceiling of our stack with no database in the way.
 * Only for benchmarks.
 */
export function memoizeServices(services: Services): Services {
  const wrapped: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(services)) {
    const cache = new Map<string, Promise<unknown>>();
    wrapped[name] = new Proxy(service as object, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (ctx: unknown, ...args: unknown[]) => {
          const key = `${String(prop)}:${JSON.stringify(args)}`;
          let hit = cache.get(key);
          if (!hit) {
            hit = Promise.resolve(value.call(target, ctx, ...args)).then(settleCounts);
            cache.set(key, hit);
          }
          return hit;
        };
      },
    });
  }
  return wrapped as unknown as Services;
}

/** Pages count lazily; a replayed page carries its count already made. */
async function settleCounts(result: unknown): Promise<unknown> {
  if (isPage(result)) return settlePage(result);
  if (result instanceof Map) {
    const out = new Map();
    for (const [k, v] of result) out.set(k, isPage(v) ? await settlePage(v) : v);
    return out;
  }
  return result;
}

function isPage(v: unknown): v is Page<unknown> {
  return typeof v === 'object' && v !== null && 'nodes' in v && 'totalCount' in v;
}

async function settlePage(page: Page<unknown>): Promise<Page<unknown>> {
  const total = await page.totalCount();
  return { ...page, totalCount: () => Promise.resolve(total) };
}
