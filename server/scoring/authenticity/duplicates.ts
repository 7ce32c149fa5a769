import { FlagKind, FlagRole } from '#shared/authenticity';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { lower, type FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { interactionKey, round, sortedUnique, type AccountWorld } from './world';

/**
 * Duplicates: one account posting the same text again and again — the copies count as ONE post,
 * their reactions as one post's (each copy weighs 1/k) — and the same comment left twice on the
 * same content, which counts once.
 */
export function detectDuplicates(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector): void {
  const text = w.input.contentText;
  if (!text) return;
  // Most texts are unique: find the hashes seen twice or more by sorting them (hashes are not small
  // integers, and a Map keyed by them cost a full rescore a quarter of a second), then group only those.
  const hashes = new Float64Array(w.input.content.length);
  let count = 0;
  for (const c of w.input.content) {
    const t = text.get(c.id);
    if (t && t.hash !== 0) hashes[count++] = t.hash;
  }
  const sortedHashes = hashes.subarray(0, count).sort();
  const repeatedHashes = new Set<number>();
  for (let i = 1; i < count; i++) if (sortedHashes[i] === sortedHashes[i - 1]) repeatedHashes.add(sortedHashes[i]);
  if (!repeatedHashes.size) return;
  const repeated = w.input.content.filter((c) => repeatedHashes.has(text.get(c.id)?.hash ?? 0));
  let author: Map<number, number> | undefined; // content id → author account, built only for repeated comments
  const posts = new Map<string, { account: number; ids: number[]; times: number[] }>();
  const comments = new Map<string, { account: number; parent: number; items: { id: number; at: number }[] }>();
  const sorted = repeated.sort((a, b) => a.postedAt - b.postedAt || a.id - b.id);
  for (const c of sorted) {
    const t = text.get(c.id);
    if (!t || t.hash === 0 || c.postedAt > w.input.asOf) continue;
    if (t.parentId != null && c.kind === ContentKind.COMMENT) {
      const key = `${c.authorAccountId}:${t.parentId}:${t.hash}`;
      let g = comments.get(key);
      if (!g) comments.set(key, (g = { account: c.authorAccountId, parent: t.parentId, items: [] }));
      g.items.push({ id: c.id, at: c.postedAt });
    } else if (c.kind !== ContentKind.COMMENT) {
      const key = `${c.authorAccountId}:${t.hash}`;
      let g = posts.get(key);
      if (!g) posts.set(key, (g = { account: c.authorAccountId, ids: [], times: [] }));
      g.ids.push(c.id);
      g.times.push(c.postedAt);
    }
  }
  for (const g of posts.values()) {
    const k = g.ids.length;
    if (k < config.duplicateMinCopies) continue;
    const a = w.index.get(g.account);
    if (a < 0) continue;
    const share = Math.min(1, (k - 1) / Math.max(1, w.posts[a]));
    const ids = g.ids;
    out.add({
      kind: FlagKind.DUPLICATE_CONTENT,
      role: FlagRole.ACTOR,
      personId: w.personId[a],
      network: w.network[a],
      severity: 0.2 + 0.3 * share,
      evidence: {
        summary: `Posted the same text ${k} times on ${w.network[a]} (${Math.round(share * 100)}% of their posts there are copies).`,
        accountIds: [g.account],
        personIds: [],
        contentIds: sortedUnique(ids),
        interactionCount: 0,
        window: { from: g.times[0], to: g.times[k - 1] + 1 },
        figures: { copies: k, shareOfPosts: round(share) },
      },
      effect: { description: `The ${k} copies count as one post: each, and each reaction to it, weighs 1/${k}.`, discountedInteractions: 0, weight: round(1 / k, 4) },
      apply: (d) => {
        for (const id of ids) lower(d.content, id, 1 / k);
      },
    });
  }
  const byAccount = new Map<number, { keys: string[]; ids: number[]; from: number; to: number; parents: Set<number> }>();
  for (const g of comments.values()) {
    if (g.items.length < 2) continue;
    author ??= new Map(w.input.content.map((c) => [c.id, c.authorAccountId]));
    const target = author.get(g.parent);
    if (target === undefined) continue;
    let e = byAccount.get(g.account);
    if (!e) byAccount.set(g.account, (e = { keys: [], ids: [], from: Infinity, to: -Infinity, parents: new Set() }));
    e.parents.add(g.parent);
    for (const item of g.items.slice(1)) {
      // The comment's interaction is a COMMENT or, on some networks, a REPLY at the same instant.
      for (const kind of [InteractionKind.COMMENT, InteractionKind.REPLY]) e.keys.push(interactionKey(g.account, target, g.parent, kind, item.at));
      e.ids.push(item.id);
      e.from = Math.min(e.from, g.items[0].at);
      e.to = Math.max(e.to, item.at);
    }
  }
  for (const [account, e] of byAccount) {
    if (e.ids.length < config.duplicateCommentMin) continue;
    const a = w.index.get(account);
    if (a < 0) continue;
    const keys = e.keys;
    out.add({
      kind: FlagKind.DUPLICATE_CONTENT,
      role: FlagRole.ACTOR,
      personId: w.personId[a],
      network: w.network[a],
      severity: Math.min(0.4, 0.15 + 0.05 * e.ids.length),
      evidence: {
        summary: `Left the same comment twice or more on ${e.parents.size} piece(s) of content: ${e.ids.length} repeated comment(s).`,
        accountIds: [account],
        personIds: [],
        contentIds: sortedUnique([...e.ids, ...e.parents]),
        interactionCount: e.ids.length,
        window: { from: e.from, to: e.to + 1 },
        figures: { repeatedComments: e.ids.length, contentCommented: e.parents.size },
      },
      effect: { description: 'A comment left again counts once.', discountedInteractions: e.ids.length, weight: 0 },
      apply: (d) => {
        for (const key of keys) d.interactions.set(key, 0);
        d.interactionActors.add(account);
      },
    });
  }
}
