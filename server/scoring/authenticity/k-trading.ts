import { FlagKind, FlagRole } from '#shared/authenticity';
import type { KGrant } from '../types';
import type { FlagCollector } from './flags';
import type { AuthenticityConfig } from './types';
import { kGrantKey, sortedUnique, type AccountWorld } from './world';

/**
 * +K trading: +K answered by the receiver (a reciprocal pair) or closing a circle of three, each
 * within kTradeWindowMs of the others. The traded +K stop counting towards expertise.
 */
export function detectKTrading(w: AccountWorld, config: AuthenticityConfig, out: FlagCollector): void {
  const grants = (w.input.kGrants ?? []).filter((g) => g.givenAt <= w.input.asOf && g.giverPersonId !== g.receiverPersonId);
  if (!grants.length) return;
  const given = new Map<number, KGrant[]>();
  for (const g of grants) {
    let list = given.get(g.giverPersonId);
    if (!list) given.set(g.giverPersonId, (list = []));
    list.push(g);
  }
  const near = (a: KGrant, b: KGrant) => Math.abs(a.givenAt - b.givenAt) <= config.kTradeWindowMs;
  const traded = new Map<number, { grants: Set<KGrant>; partners: Set<number>; circles: number; pairs: number }>();
  const mark = (g: KGrant, partners: number[], circle: boolean) => {
    let e = traded.get(g.giverPersonId);
    if (!e) traded.set(g.giverPersonId, (e = { grants: new Set(), partners: new Set(), circles: 0, pairs: 0 }));
    if (!e.grants.has(g)) (circle ? e.circles++ : e.pairs++);
    e.grants.add(g);
    for (const p of partners) if (p !== g.giverPersonId) e.partners.add(p);
  };
  for (const g of grants) {
    const back = (given.get(g.receiverPersonId) ?? []).find((h) => h.receiverPersonId === g.giverPersonId && near(g, h));
    if (back) {
      mark(g, [g.receiverPersonId], false);
      continue;
    }
    for (const h of given.get(g.receiverPersonId) ?? []) {
      if (h.receiverPersonId === g.giverPersonId || !near(g, h)) continue;
      const close = (given.get(h.receiverPersonId) ?? []).find((x) => x.receiverPersonId === g.giverPersonId && near(x, g) && near(x, h));
      if (close) {
        mark(g, [g.receiverPersonId, h.receiverPersonId], true);
        break;
      }
    }
  }
  for (const [personId, e] of traded) {
    const list = [...e.grants].sort((a, b) => a.givenAt - b.givenAt);
    const keys = list.map((g) => kGrantKey(g.giverPersonId, g.receiverPersonId, g.topicId, g.givenAt));
    out.add({
      kind: FlagKind.K_TRADING,
      role: FlagRole.ACTOR,
      personId,
      network: null,
      severity: Math.min(0.5, 0.2 + 0.05 * list.length),
      evidence: {
        summary: `Gave ${list.length} +K that came straight back: ${e.pairs} in reciprocal pairs, ${e.circles} closing circles of three.`,
        accountIds: [],
        personIds: sortedUnique(e.partners),
        contentIds: [],
        interactionCount: list.length,
        window: { from: list[0].givenAt, to: list[list.length - 1].givenAt + 1 },
        figures: { tradedK: list.length, reciprocalPairs: e.pairs, circles: e.circles, partners: e.partners.size },
      },
      effect: { description: 'The traded +K do not count towards expertise.', discountedInteractions: list.length, weight: 0 },
      apply: (d) => {
        for (const key of keys) d.kGrants.add(key);
      },
    });
  }
}
