import { FlagKind, FlagRole } from '#shared/authenticity';
import type { FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { round, sortedUnique, type AccountWorld } from './world';

/**
 * Self-engagement: one person's accounts reacting to each other. The score never counts these
 * (a person's interactions with themselves prove nothing), so the flag's effect is on authenticity
 * only: someone who runs alts to boost themselves is less trustworthy as an influencer.
 */
export function detectSelfEngagement(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector): void {
  const groups = new Map<string, { personId: number; network: string; count: number; accounts: Set<number>; from: number; to: number; received: number }>();
  for (let i = 0; i < w.m; i++) {
    const a = w.actor[i];
    const t = w.target[i];
    if (w.personId[a] !== w.personId[t]) continue;
    const key = `${w.personId[a]}|${w.network[t]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { personId: w.personId[a], network: w.network[t], count: 0, accounts: new Set(), from: Infinity, to: -Infinity, received: 0 }));
    g.count++;
    g.accounts.add(a);
    g.accounts.add(t);
    if (w.time[i] < g.from) g.from = w.time[i];
    if (w.time[i] > g.to) g.to = w.time[i];
  }
  for (const g of groups.values()) {
    if (g.count < config.selfMinInteractions) continue;
    let received = 0;
    for (const a of g.accounts) received += w.received[a];
    const share = received > 0 ? Math.min(1, g.count / received) : 1;
    out.add({
      kind: FlagKind.SELF_ENGAGEMENT,
      role: FlagRole.ACTOR,
      personId: g.personId,
      network: g.network as never,
      severity: 0.3 + 0.5 * share,
      evidence: {
        summary: `${g.accounts.size} of their own ${g.network} accounts gave each other ${g.count} reactions (${Math.round(share * 100)}% of what those accounts received).`,
        accountIds: sortedUnique([...g.accounts].map((a) => w.accountIds[a])),
        personIds: [],
        contentIds: [],
        interactionCount: g.count,
        window: { from: g.from, to: g.to + 1 },
        figures: { accounts: g.accounts.size, selfInteractions: g.count, shareOfReceived: round(share) },
      },
      effect: { description: "Reactions between a person's own accounts never count in the score.", discountedInteractions: g.count, weight: 0 },
    });
  }
}
