import { FlagKind, FlagRole } from '#shared/authenticity';
import type { FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { FOLLOW, round, sortedUnique, type AccountWorld } from './world';

/**
 * Bursts: many reactions on one account within a short window from thin accounts (no audience,
 * no content) — bought likes, retweet farms. Those reactions count for nothing. Returns, per
 * account, how many of its interactions were part of a burst (the sock-puppet detector leaves
 * burst accounts to this one).
 */
export function detectBursts(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector): Int32Array {
  const inBurst = new Int32Array(w.n);
  const byTarget = new Map<number, number[]>();
  const thin = new Uint8Array(w.n);
  for (let a = 0; a < w.n; a++) thin[a] = w.isThin(a, config.thinMaxFollowers) ? 1 : 0;
  for (let i = 0; i < w.m; i++) {
    if (w.kind[i] === FOLLOW || thin[w.actor[i]] === 0) continue;
    const t = w.target[i];
    let list = byTarget.get(t);
    if (!list) byTarget.set(t, (list = []));
    list.push(i);
  }
  for (const [t, list] of [...byTarget].sort((x, y) => x[0] - y[0])) {
    if (list.length < config.burstMin) continue;
    list.sort((x, y) => w.time[x] - w.time[y] || x - y);
    const marked = new Uint8Array(list.length);
    let l = 0;
    for (let r = 0; r < list.length; r++) {
      while (w.time[list[r]] - w.time[list[l]] >= config.burstWindowMs) l++;
      if (r - l + 1 >= config.burstMin) for (let x = l; x <= r; x++) marked[x] = 1;
    }
    const burst = list.filter((_, x) => marked[x] === 1);
    if (!burst.length) continue;
    const actors = new Set<number>();
    const content = new Set<number>();
    let from = Infinity;
    let to = -Infinity;
    for (const i of burst) {
      actors.add(w.actor[i]);
      inBurst[w.actor[i]]++;
      const c = w.contentOf(i);
      if (c != null) content.add(c);
      if (w.time[i] < from) from = w.time[i];
      if (w.time[i] > to) to = w.time[i];
    }
    const share = Math.min(1, burst.length / Math.max(1, w.received[t]));
    const hours = Math.max(1, Math.ceil((to - from + 1) / config.burstWindowMs));
    const keys = burst.map((i) => ({ actor: w.accountIds[w.actor[i]], key: w.keyOf(i) }));
    out.add({
      kind: FlagKind.BURST,
      role: FlagRole.BENEFICIARY,
      personId: w.personId[t],
      network: w.network[t],
      severity: 0.2 + 0.4 * share,
      evidence: {
        summary: `${burst.length} reactions from ${actors.size} accounts with no audience and no content landed on this ${w.network[t]} account within ${hours === 1 ? 'one hour' : `${hours} hours`} (${Math.round(share * 100)}% of everything it received).`,
        accountIds: sortedUnique([...actors].map((a) => w.accountIds[a])),
        personIds: sortedUnique([...actors].map((a) => w.personId[a])),
        contentIds: sortedUnique(content),
        interactionCount: burst.length,
        window: { from, to: to + 1 },
        figures: { reactions: burst.length, accounts: actors.size, windowMinutes: round((to - from) / 60_000, 1), shareOfReceived: round(share) },
      },
      effect: { description: 'The reactions of the burst do not count.', discountedInteractions: burst.length, weight: 0 },
      apply: (d) => {
        for (const k of keys) {
          d.interactions.set(k.key, 0);
          d.interactionActors.add(k.actor);
        }
      },
    });
  }
  // The accounts that did it, when the burst is most of what they ever did.
  for (let a = 0; a < w.n; a++) {
    if (inBurst[a] === 0 || inBurst[a] < 0.5 * w.given[a]) continue;
    const targets = new Set<number>();
    for (let j = w.actorPairStart[a]; j < w.actorPairStart[a + 1]; j++) targets.add(w.personId[w.pairTarget[j]]);
    out.add({
      kind: FlagKind.BURST,
      role: FlagRole.ACTOR,
      personId: w.personId[a],
      network: w.network[a],
      severity: 0.9,
      evidence: {
        summary: `A ${w.network[a]} account with no audience and no content whose activity (${inBurst[a]} of ${w.given[a]} interactions) is part of a burst.`,
        accountIds: [w.accountIds[a]],
        personIds: sortedUnique(targets),
        contentIds: [],
        interactionCount: inBurst[a],
        window: { from: w.firstAt[a], to: w.lastAt[a] + 1 },
        figures: { inBurst: inBurst[a], given: w.given[a], followers: w.followers[a] },
      },
      effect: { description: "Its reactions in the burst do not count (the beneficiary's BURST flag carries the discount).", discountedInteractions: inBurst[a], weight: 0 },
    });
  }
  return inBurst;
}
