import DataLoader from 'dataloader';
import type { Page, PageRequest } from '../../services/pagination/page';

export interface PageKey<K> {
  parent: K;
  page: PageRequest;
}

/**
 * A DataLoader of child pages: keys that share paging arguments are fetched together,
 * one batch call per distinct set of arguments (usually one).
 */
export function pageLoader<K extends number | string, T>(
  fetch: (parents: K[], page: PageRequest) => Promise<Map<K, Page<T>>>,
): DataLoader<PageKey<K>, Page<T>, string> {
  return new DataLoader<PageKey<K>, Page<T>, string>(
    async (keys) => {
      const groups = new Map<string, { page: PageRequest; parents: K[] }>();
      for (const key of keys) {
        const argsKey = pageArgsKey(key.page);
        let group = groups.get(argsKey);
        if (!group) groups.set(argsKey, (group = { page: key.page, parents: [] }));
        group.parents.push(key.parent);
      }
      const results = new Map<string, Page<T>>();
      for (const [argsKey, group] of groups) {
        const pages = await fetch([...new Set(group.parents)], group.page);
        for (const [parent, page] of pages) results.set(`${argsKey}|${parent}`, page);
      }
      return keys.map((k) => results.get(`${pageArgsKey(k.page)}|${k.parent}`) ?? new Error(`no page for ${k.parent}`));
    },
    { cacheKeyFn: (k) => `${pageArgsKey(k.page)}|${k.parent}` },
  );
}

function pageArgsKey(p: PageRequest): string {
  return JSON.stringify([p.first ?? null, p.after ?? null, p.last ?? null, p.before ?? null]);
}
