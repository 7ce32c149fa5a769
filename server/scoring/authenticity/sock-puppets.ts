import { FlagKind, FlagRole } from '#shared/authenticity';
import { lower, type FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { round, sortedUnique, type AccountWorld } from './world';

/**
 * Sock puppets: thin accounts (no audience, no content) that keep at it for days and whose
 * activity is almost all for one person, at least puppetMinArmy of them for the same person and
 * together at least puppetMinArmyShare of everything that person receives there. A single devoted
 * fan is not an army, nor are a few among a large audience. Everything a puppet does stops
 * counting; the person it serves is flagged as the beneficiary.
 */
export function detectSockPuppets(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector, inBurst: Int32Array): void {
  interface Army {
    personId: number;
    network: string;
    puppets: { account: number; share: number }[];
    interactions: number;
    from: number;
    to: number;
    accounts: Set<number>;
  }
  const armies = new Map<string, Army>();
  for (let a = 0; a < w.n; a++) {
    const given = w.given[a];
    if (given < config.puppetMinActions || inBurst[a] >= 0.5 * given) continue;
    if (!w.isThin(a, config.thinMaxFollowers) || w.lastAt[a] - w.firstAt[a] < config.puppetMinSpanMs) continue;
    const byPerson = new Map<number, { count: number; accounts: Set<number> }>();
    for (let j = w.actorPairStart[a]; j < w.actorPairStart[a + 1]; j++) {
      const t = w.pairTarget[j];
      const p = w.personId[t];
      let e = byPerson.get(p);
      if (!e) byPerson.set(p, (e = { count: 0, accounts: new Set() }));
      e.count += w.pairStart[j + 1] - w.pairStart[j];
      e.accounts.add(t);
    }
    let top = -1;
    let topCount = 0;
    for (const [p, e] of byPerson) if (e.count > topCount || (e.count === topCount && p < top)) [top, topCount] = [p, e.count];
    const share = topCount / given;
    if (share < config.puppetTopShare || top === w.personId[a]) continue;
    const targetAccounts = byPerson.get(top)!.accounts;
    const network = w.network[Math.min(...targetAccounts)];
    const key = `${top}|${network}`;
    let army = armies.get(key);
    if (!army) armies.set(key, (army = { personId: top, network, puppets: [], interactions: 0, from: Infinity, to: -Infinity, accounts: new Set() }));
    army.puppets.push({ account: a, share });
    army.interactions += topCount;
    army.from = Math.min(army.from, w.firstAt[a]);
    army.to = Math.max(army.to, w.lastAt[a]);
    for (const t of targetAccounts) army.accounts.add(t);
  }
  for (const army of armies.values()) {
    let received = 0;
    for (const t of army.accounts) received += w.received[t] + w.followsReceived[t];
    const share = Math.min(1, army.interactions / Math.max(1, received));
    // One devoted fan, or a few among a large audience, is not an army.
    if (army.puppets.length < config.puppetMinArmy || share < config.puppetMinArmyShare) continue;
    for (const { account: a, share: own } of army.puppets) {
      const given = w.given[a];
      const accountId = w.accountIds[a];
      out.add({
        kind: FlagKind.SOCK_PUPPET,
        role: FlagRole.ACTOR,
        personId: w.personId[a],
        network: w.network[a],
        severity: 0.9,
        evidence: {
          summary: `A ${w.network[a]} account with ${w.followers[a]} followers and no content whose ${given} interactions are ${Math.round(own * 100)}% for one person, over ${round((w.lastAt[a] - w.firstAt[a]) / 86_400_000, 1)} days; one of ${army.puppets.length} such accounts serving that person.`,
          accountIds: [accountId],
          personIds: [army.personId],
          contentIds: [],
          interactionCount: given,
          window: { from: w.firstAt[a], to: w.lastAt[a] + 1 },
          figures: { interactions: given, shareForOnePerson: round(own), followers: w.followers[a], posts: 0, armySize: army.puppets.length },
        },
        effect: { description: 'Nothing this account does counts.', discountedInteractions: given, weight: 0 },
        apply: (d) => lower(d.actors, accountId, 0),
      });
    }
    out.add({
      kind: FlagKind.SOCK_PUPPET,
      role: FlagRole.BENEFICIARY,
      personId: army.personId,
      network: army.network as never,
      severity: 0.15 + 0.45 * share,
      evidence: {
        summary: `${army.puppets.length} sock-puppet accounts gave this person ${army.interactions} interactions (${Math.round(share * 100)}% of what they received).`,
        accountIds: sortedUnique(army.puppets.map((p) => w.accountIds[p.account])),
        personIds: sortedUnique(army.puppets.map((p) => w.personId[p.account])),
        contentIds: [],
        interactionCount: army.interactions,
        window: { from: army.from, to: army.to + 1 },
        figures: { puppets: army.puppets.length, interactions: army.interactions, shareOfReceived: round(share) },
      },
      effect: { description: "The puppets' interactions do not count (each puppet's own flag carries the discount).", discountedInteractions: army.interactions, weight: 0 },
    });
  }
}
