import { FlagKind, FlagRole } from '#shared/authenticity';
import type { FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { FOLLOW, round, sortedUnique, type AccountWorld } from './world';

const DAY_MS = 86_400_000;

/**
 * Bursts: bought likes, retweet farms. Within one window (an hour) an account receives
 * - at least burstMin reactions from thin accounts (no audience, no content) it never reacted to
 *   itself (people it talks with are its audience, whatever their size),
 * - far more of them than is usual for it: at least burstMinRatio times its average window over its
 *   whole history of reactions received (at least burstBaselineMinMs long, everything outside the
 *   window counted), and at least burstMinPeakRatio times its usual busiest window of a day (the
 *   median, over the other days it received anything, of each day's busiest window). An account
 *   whose posts draw a rush every evening has that rush as its rhythm; a bought burst is far above
 *   anything it usually gets; and
 * - several from most of those accounts: at least burstRepeatShare of them gave burstMinPerAccount
 *   or more within the window. Bots like every recent post in turn, whereas attention going viral
 *   draws one reaction or so from each of many people (and many from a few).
 * A popular account's steady stream of small accounts is not a burst, nor is a real spike of
 * attention from many people reacting once each. The reactions of a burst count for nothing.
 * Returns, per account, how many of its interactions were part of a burst (the sock-puppet
 * detector leaves burst accounts to this one).
 */
export function detectBursts(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector): Int32Array {
  const inBurst = new Int32Array(w.n);
  const thin = new Uint8Array(w.n);
  for (let a = 0; a < w.n; a++) thin[a] = w.isThin(a, config.thinMaxFollowers) ? 1 : 0;
  // The pairs whose reactions can be part of a burst (a thin actor the target never reacted to), and
  // the targets receiving enough of them to be worth a look.
  const oneWay = new Uint8Array(w.pairCount);
  const oneWayReceived = new Int32Array(w.n);
  for (let k = 0; k < w.pairCount; k++) {
    const a = w.pairActor[k];
    const t = w.pairTarget[k];
    if (thin[a] === 0 || w.pairReactions[k] === 0 || w.reactions(t, a) > 0) continue;
    oneWay[k] = 1;
    oneWayReceived[t] += w.pairReactions[k];
  }
  // Every reaction on those targets (the ordinary rate counts them all), marking the ones that can be burst.
  const byTarget = new Map<number, number[]>();
  const suspect = new Uint8Array(w.m);
  for (let k = 0; k < w.pairCount; k++) {
    const t = w.pairTarget[k];
    if (oneWayReceived[t] < config.burstMin) continue;
    let list = byTarget.get(t);
    if (!list) byTarget.set(t, (list = []));
    for (let j = w.pairStart[k]; j < w.pairStart[k + 1]; j++) {
      const i = w.order[j];
      if (w.kind[i] === FOLLOW) continue;
      list.push(i);
      suspect[i] = oneWay[k];
    }
  }
  const perActor = new Int32Array(w.n);
  const windowMs = config.burstWindowMs;
  const repeat = Math.max(1, config.burstMinPerAccount);
  for (const [t, list] of [...byTarget].sort((x, y) => x[0] - y[0])) {
    list.sort((x, y) => w.time[x] - w.time[y] || x - y);
    const total = list.length;
    const history = Math.max(config.burstBaselineMinMs, w.time[list[total - 1]] - w.time[list[0]]);
    const peaks = dailyPeaks(w, list, windowMs);
    const marked = new Uint8Array(total);
    let markedUpTo = -1;
    let l = 0;
    let count = 0; // suspect reactions in the window
    let actors = 0; // distinct accounts giving them
    let repeaters = 0; // those of them with burstMinPerAccount or more in the window
    let peakRatio = 0;
    let peakNormal = 0;
    let peakUsual = 0;
    for (let r = 0; r < total; r++) {
      const i = list[r];
      if (suspect[i] === 1) {
        count++;
        const c = ++perActor[w.actor[i]];
        if (c === 1) actors++;
        if (c === repeat) repeaters++;
      }
      while (w.time[i] - w.time[list[l]] >= windowMs) {
        const x = list[l++];
        if (suspect[x] === 1) {
          count--;
          const c = perActor[w.actor[x]]--;
          if (c === 1) actors--;
          if (c === repeat) repeaters--;
        }
      }
      if (count < config.burstMin || repeaters < config.burstRepeatShare * actors) continue;
      // What an ordinary window of the target's brings: everything outside this one, spread over its history.
      const normal = ((total - (r - l + 1)) * windowMs) / history;
      if (count < config.burstMinRatio * normal) continue;
      // And its usual busiest window of a day, this day left out.
      const usualPeak = peaks.usualExcept(Math.floor(w.time[i] / DAY_MS));
      if (count < config.burstMinPeakRatio * usualPeak) continue;
      const ratio = normal > 0 ? count / normal : Infinity;
      if (ratio > peakRatio || peakRatio === 0) [peakRatio, peakNormal, peakUsual] = [ratio, normal, usualPeak];
      for (let x = Math.max(l, markedUpTo + 1); x <= r; x++) if (suspect[list[x]] === 1) marked[x] = 1;
      markedUpTo = r;
    }
    for (let x = l; x < total; x++) perActor[w.actor[list[x]]] = 0;
    // The burst: the reactions of those windows from the accounts that reacted repeatedly within one
    // of them. Someone who happened to mention the account once during the attack is not part of it.
    const burst = repeatedWithinWindow(w, list.filter((_, x) => marked[x] === 1), repeat, windowMs);
    if (burst.length < config.burstMin) continue;
    const burstActors = new Set<number>();
    const content = new Set<number>();
    let from = Infinity;
    let to = -Infinity;
    for (const i of burst) {
      burstActors.add(w.actor[i]);
      inBurst[w.actor[i]]++;
      const c = w.contentOf(i);
      if (c != null) content.add(c);
      if (w.time[i] < from) from = w.time[i];
      if (w.time[i] > to) to = w.time[i];
    }
    const share = Math.min(1, burst.length / Math.max(1, w.received[t]));
    const hours = Math.max(1, Math.ceil((to - from + 1) / windowMs));
    const perAccount = burst.length / burstActors.size;
    const burstCounts = new Map<number, number>();
    for (const i of burst) burstCounts.set(w.actor[i], (burstCounts.get(w.actor[i]) ?? 0) + 1);
    let repeated = 0;
    for (const c of burstCounts.values()) if (c >= repeat) repeated++;
    const normalText = peakNormal < 0.05 ? 'next to none' : `${round(peakNormal, 1)}`;
    const keys = burst.map((i) => ({ actor: w.accountIds[w.actor[i]], key: w.keyOf(i) }));
    out.add({
      kind: FlagKind.BURST,
      role: FlagRole.BENEFICIARY,
      personId: w.personId[t],
      network: w.network[t],
      severity: 0.2 + 0.4 * share,
      evidence: {
        summary:
          `${burst.length} reactions from ${burstActors.size} accounts with no audience and no content (${perAccount.toFixed(1)} each) landed on this ${w.network[t]} account ` +
          `within ${hours === 1 ? 'one hour' : `${hours} hours`}, where an ordinary hour of its brings ${normalText} and its busiest hour of a day usually ${Math.round(peakUsual)} (${Math.round(share * 100)}% of everything it received).`,
        accountIds: sortedUnique([...burstActors].map((a) => w.accountIds[a])),
        personIds: sortedUnique([...burstActors].map((a) => w.personId[a])),
        contentIds: sortedUnique(content),
        interactionCount: burst.length,
        window: { from, to: to + 1 },
        figures: {
          reactions: burst.length,
          accounts: burstActors.size,
          reactionsPerAccount: round(perAccount, 2),
          accountsReactingRepeatedly: repeated,
          windowMinutes: round((to - from) / 60_000, 1),
          ordinaryPerWindow: round(peakNormal, 2),
          usualDailyPeak: round(peakUsual, 1),
          shareOfReceived: round(share),
        },
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

/** Of reactions in time order, those whose account gave at least `repeat` of them within one window. */
function repeatedWithinWindow(w: AccountWorld, reactions: number[], repeat: number, windowMs: number): number[] {
  const byActor = new Map<number, number[]>();
  for (const i of reactions) {
    let list = byActor.get(w.actor[i]);
    if (!list) byActor.set(w.actor[i], (list = []));
    list.push(i);
  }
  const keep = new Set<number>();
  for (const list of byActor.values()) {
    let l = 0;
    for (let r = 0; r < list.length; r++) {
      while (w.time[list[r]] - w.time[list[l]] >= windowMs) l++;
      if (r - l + 1 >= repeat) for (let x = l; x <= r; x++) keep.add(list[x]);
    }
  }
  return reactions.filter((i) => keep.has(i));
}

/**
 * The busiest window (all reactions) of each UTC day of a target's reactions in time order, and the
 * median of them over the days other than a given one: what its busiest hour of a day usually brings.
 */
function dailyPeaks(w: AccountWorld, list: readonly number[], windowMs: number): { usualExcept(day: number): number } {
  const byDay = new Map<number, number>();
  let l = 0;
  for (let r = 0; r < list.length; r++) {
    while (w.time[list[r]] - w.time[list[l]] >= windowMs) l++;
    const day = Math.floor(w.time[list[r]] / DAY_MS);
    if (r - l + 1 > (byDay.get(day) ?? 0)) byDay.set(day, r - l + 1);
  }
  const sorted = Float64Array.from(byDay.values()).sort();
  return {
    usualExcept(day: number): number {
      const left = sorted.length - 1;
      if (left <= 0) return 0;
      // Leave out one occurrence of this day's peak, then take the lower median of the rest.
      const own = byDay.get(day) ?? -1;
      let at = sorted.indexOf(own);
      if (at < 0) at = sorted.length;
      const k = Math.floor((left - 1) / 2);
      return sorted[k < at ? k : k + 1];
    },
  };
}
