import { FlagKind, FlagRole } from '#shared/authenticity';
import { lower, type FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { FOLLOW, pairKey, round, sortedUnique, type AccountWorld } from './world';

const MAX_MUTUALS = 150;

/**
 * Engagement rings: accounts whose mutual ties (reactions both ways) are mostly ties among
 * themselves (closure), that give most of their reactions inside the group and get little from
 * outside, and that act in concert (most reactions inside within ringScheduleMs of the post) or
 * get next to nothing from outside. Genuine conversation — a blogger and their commenters — is a
 * star, not a clique: the commenters do not all react to one another; and a genuine close group
 * reacts when it happens to, not on cue. Reactions between members stop counting.
 */
export function detectRings(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector): void {
  const mutual = (a: number, b: number) => w.reactions(a, b) >= config.ringMutualMin && w.reactions(b, a) >= config.ringMutualMin;
  const candidate = new Uint8Array(w.n);
  const mutuals: number[][] = new Array<number[]>(w.n);
  for (let a = 0; a < w.n; a++) {
    const list: number[] = [];
    for (let j = w.actorPairStart[a]; j < w.actorPairStart[a + 1]; j++) {
      const t = w.pairTarget[j];
      if (w.pairReactions[j] >= config.ringMutualMin && w.personId[t] !== w.personId[a] && w.reactions(t, a) >= config.ringMutualMin) list.push(t);
    }
    mutuals[a] = list;
    if (list.length < config.ringMinMutuals || list.length > MAX_MUTUALS) continue;
    let closed = 0;
    for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) if (mutual(list[x], list[y])) closed++;
    const closure = closed / ((list.length * (list.length - 1)) / 2);
    let inside = 0;
    for (const t of list) inside += w.reactions(a, t);
    const reactionsGiven = w.given[a] - w.followsGiven[a];
    if (closure >= config.ringMinClosure && inside >= config.ringMinInsideShare * reactionsGiven) candidate[a] = 1;
  }
  // Groups: candidates joined by mutual ties.
  const group = new Int32Array(w.n).fill(-1);
  let groups = 0;
  for (let a = 0; a < w.n; a++) {
    if (candidate[a] === 0 || group[a] >= 0) continue;
    const stack = [a];
    group[a] = groups;
    while (stack.length) {
      const x = stack.pop()!;
      for (const y of mutuals[x]) if (candidate[y] === 1 && group[y] < 0) ((group[y] = groups), stack.push(y));
    }
    groups++;
  }
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let a = 0; a < w.n; a++) if (group[a] >= 0) members[group[a]].push(a);
  for (let g = 0; g < groups; g++) {
    const ring = members[g];
    if (ring.length < config.ringMinMutuals + 1) continue;
    const inRing = new Set(ring);
    let ties = 0;
    let within = 0;
    let reciprocated = 0;
    let onSchedule = 0;
    let timed = 0;
    let receivedInside = 0;
    let receivedAll = 0;
    for (const a of ring) receivedAll += w.received[a];
    for (const a of ring) {
      for (const b of ring) if (a < b && mutual(a, b)) ties++;
      for (let j = w.actorPairStart[a]; j < w.actorPairStart[a + 1]; j++) {
        const t = w.pairTarget[j];
        if (!inRing.has(t)) continue;
        within += w.pairReactions[j];
        receivedInside += w.pairReactions[j];
        reciprocated += Math.min(w.pairReactions[j], w.reactions(t, a));
        for (let x = w.pairStart[j]; x < w.pairStart[j + 1]; x++) {
          const i = w.order[x];
          if (w.kind[i] === FOLLOW) continue;
          const c = w.contentOf(i);
          const posted = c == null ? undefined : w.postedAt(c);
          if (posted === undefined) continue;
          timed++;
          if (w.time[i] - posted <= config.ringScheduleMs) onSchedule++;
        }
      }
    }
    const density = ties / ((ring.length * (ring.length - 1)) / 2);
    const reciprocity = within > 0 ? reciprocated / within : 0;
    const outsideShare = receivedAll > 0 ? 1 - receivedInside / receivedAll : 0;
    const scheduleShare = timed > 0 ? onSchedule / timed : 0;
    if (outsideShare > config.ringMaxOutsideShare) continue; // most of their audience is real: not a ring
    // A close group is not a ring by its shape alone: friends, a family, a team, a novel's band of friends
    // mostly talk among themselves too. A ring acts in concert — its members pile onto each new post
    // within the hour (most of their reactions inside are on content, and most of those on schedule) —
    // or is all but sealed: next to everything its members receive comes from one another.
    const onCue = timed >= 0.5 * within && scheduleShare >= config.ringMinScheduleShare;
    if (!onCue && outsideShare > config.ringSealedOutsideShare) continue;
    const accountIds = ring.map((a) => w.accountIds[a]);
    const people = sortedUnique(ring.map((a) => w.personId[a]), 500);
    const figures = {
      members: ring.length,
      density: round(density),
      reciprocity: round(reciprocity),
      reachOutsideShare: round(outsideShare),
      reactionsWithinHourShare: round(scheduleShare),
    };
    for (const a of ring) {
      let given = 0;
      for (let j = w.actorPairStart[a]; j < w.actorPairStart[a + 1]; j++) if (inRing.has(w.pairTarget[j])) given += w.pairStart[j + 1] - w.pairStart[j];
      const accountId = w.accountIds[a];
      out.add({
        kind: FlagKind.ENGAGEMENT_RING,
        role: FlagRole.ACTOR,
        personId: w.personId[a],
        network: w.network[a],
        severity: 0.5 + 0.3 * density,
        evidence: {
          summary: `One of ${ring.length} ${w.network[a]} accounts that react to one another (density ${density.toFixed(2)}, reciprocity ${reciprocity.toFixed(2)}), ${Math.round(scheduleShare * 100)}% of it within an hour of posting; ${Math.round(outsideShare * 100)}% of what they receive comes from outside.`,
          accountIds: [accountId],
          personIds: people.filter((p) => p !== w.personId[a]),
          contentIds: [],
          interactionCount: given,
          window: { from: w.firstAt[a], to: w.lastAt[a] + 1 },
          figures,
        },
        effect: { description: 'Its interactions with the other members of the ring do not count.', discountedInteractions: given, weight: 0 },
        apply: (d) => {
          for (const other of accountIds) if (other !== accountId) lower(d.pairs, pairKey(accountId, other), 0);
        },
      });
    }
  }
}
