/**
 * Sway's lists page with Relay cursors, react-admin's with page numbers. This remembers, for each
 * list (resource, filter, order, page size), the cursor that each visited page starts after, as
 * learned from earlier responses, so "next" and "previous" become `after:` queries.
 */
export class PageCursors {
  /** list key → page number → the `after` cursor that page starts at (null: the list's start). */
  private readonly lists = new Map<string, Map<number, string | null>>();

  /** Lists remembered at most; the least recently used are forgotten first. */
  constructor(private readonly maxLists = 200) {}

  /** The cursor `page` starts after: null for page 1, undefined when not learned yet. */
  startOf(listKey: string, page: number): string | null | undefined {
    if (page <= 1) return null;
    return this.touch(listKey)?.get(page);
  }

  /** The highest page at or before `page` whose start is known (page 1 always is). */
  nearestKnown(listKey: string, page: number): { page: number; after: string | null } {
    let best: { page: number; after: string | null } = { page: 1, after: null };
    for (const [known, after] of this.touch(listKey) ?? []) {
      if (known <= page && known > best.page) best = { page: known, after };
    }
    return best;
  }

  remember(listKey: string, page: number, after: string | null): void {
    let pages = this.touch(listKey);
    if (!pages) {
      pages = new Map();
      this.lists.set(listKey, pages);
      if (this.lists.size > this.maxLists) this.lists.delete(this.lists.keys().next().value!);
    }
    pages.set(page, after);
  }

  /** Marks a list as recently used (Map keeps insertion order, so re-insert it last). */
  private touch(listKey: string): Map<number, string | null> | undefined {
    const pages = this.lists.get(listKey);
    if (pages) {
      this.lists.delete(listKey);
      this.lists.set(listKey, pages);
    }
    return pages;
  }
}
