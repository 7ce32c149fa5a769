import { FlagKind, FlagRole } from '#shared/authenticity';
import { lower, type FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { FOLLOW, round, type AccountWorld } from './world';

/** Mass-follow accounts: following far more accounts than follow them. Their follows stop counting. */
export function detectMassFollow(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector): void {
  for (let a = 0; a < w.n; a++) {
    const follows = w.followsGiven[a];
    if (follows < config.massFollowMin) continue;
    const audience = Math.max(1, w.followers[a], w.followsReceived[a]);
    const ratio = follows / audience;
    if (ratio < config.massFollowRatio) continue;
    let from = Infinity;
    let to = -Infinity;
    for (let j = w.actorPairStart[a]; j < w.actorPairStart[a + 1]; j++) {
      for (let x = w.pairStart[j]; x < w.pairStart[j + 1]; x++) {
        const i = w.order[x];
        if (w.kind[i] !== FOLLOW) continue;
        if (w.time[i] < from) from = w.time[i];
        if (w.time[i] > to) to = w.time[i];
      }
    }
    const accountId = w.accountIds[a];
    out.add({
      kind: FlagKind.MASS_FOLLOW,
      role: FlagRole.ACTOR,
      personId: w.personId[a],
      network: w.network[a],
      severity: 0.6,
      evidence: {
        summary: `Followed ${follows} ${w.network[a]} accounts and is followed by ${Math.round(audience)}: ${ratio.toFixed(0)} follows per follower.`,
        accountIds: [accountId],
        personIds: [],
        contentIds: [],
        interactionCount: follows,
        window: { from, to: to + 1 },
        figures: { followsGiven: follows, followers: w.followers[a], followsReceived: w.followsReceived[a], reportedFollowing: w.following[a], followsPerFollower: round(ratio, 1) },
      },
      effect: { description: 'Its follows do not count for the people it followed.', discountedInteractions: follows, weight: 0 },
      apply: (d) => lower(d.follows, accountId, 0),
    });
  }
}
