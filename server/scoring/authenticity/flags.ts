import type { FlagKind, FlagRole } from '#shared/authenticity';
import type { Network } from '#shared/networks';
import type { AuthenticityDiscounts, AuthenticityFlag, FlagEvidence } from './types';
import { round, sortedUnique } from './world';

/** A flag as a detector reports it: what it found, and the discounts it asks for. */
export interface Finding {
  kind: FlagKind;
  role: FlagRole;
  personId: number;
  network: Network | null;
  severity: number;
  evidence: FlagEvidence;
  effect: { description: string; discountedInteractions: number; weight: number };
  /** Writes this flag's discounts; not called when an analyst dismissed the flag. */
  apply?: (discounts: AuthenticityDiscounts) => void;
}

export function flagKey(kind: FlagKind, role: FlagRole, personId: number, network: Network | null): string {
  return `${kind}:${role}:${personId}:${network ?? 'ALL'}`;
}

export function emptyDiscounts(): AuthenticityDiscounts {
  return { actors: new Map(), follows: new Map(), pairs: new Map(), interactions: new Map(), interactionActors: new Set(), content: new Map(), kGrants: new Set() };
}

/** Collects findings; two findings with the same key (one person, two accounts) become one flag. */
export class FlagCollector {
  private readonly byKey = new Map<string, { finding: Finding; applies: ((d: AuthenticityDiscounts) => void)[] }>();

  add(finding: Finding): void {
    const key = flagKey(finding.kind, finding.role, finding.personId, finding.network);
    const existing = this.byKey.get(key);
    if (!existing) {
      this.byKey.set(key, { finding, applies: finding.apply ? [finding.apply] : [] });
      return;
    }
    const a = existing.finding;
    const b = finding;
    a.severity = Math.max(a.severity, b.severity);
    a.evidence = {
      summary: `${a.evidence.summary} ${b.evidence.summary}`,
      accountIds: sortedUnique([...a.evidence.accountIds, ...b.evidence.accountIds]),
      personIds: sortedUnique([...a.evidence.personIds, ...b.evidence.personIds]),
      contentIds: sortedUnique([...a.evidence.contentIds, ...b.evidence.contentIds]),
      interactionCount: a.evidence.interactionCount + b.evidence.interactionCount,
      window: { from: Math.min(a.evidence.window.from, b.evidence.window.from), to: Math.max(a.evidence.window.to, b.evidence.window.to) },
      figures: { ...b.evidence.figures, ...a.evidence.figures },
    };
    a.effect = { ...a.effect, discountedInteractions: a.effect.discountedInteractions + b.effect.discountedInteractions };
    if (b.apply) existing.applies.push(b.apply);
  }

  /** The flags, discounts and authenticity figures, leaving out what analysts dismissed. */
  finish(dismissed: ReadonlySet<string> | undefined): { flags: AuthenticityFlag[]; discounts: AuthenticityDiscounts; authenticity: Map<number, number> } {
    const discounts = emptyDiscounts();
    const authenticity = new Map<number, number>();
    const flags: AuthenticityFlag[] = [];
    const keys = [...this.byKey.keys()].sort();
    for (const key of keys) {
      const { finding, applies } = this.byKey.get(key)!;
      const isDismissed = dismissed?.has(key) ?? false;
      const points = round(100 * Math.min(1, Math.max(0, finding.severity)), 1);
      if (!authenticity.has(finding.personId)) authenticity.set(finding.personId, 100);
      if (!isDismissed) {
        for (const apply of applies) apply(discounts);
        authenticity.set(finding.personId, Math.max(0, round((authenticity.get(finding.personId) ?? 100) - points, 1)));
      }
      flags.push({
        key,
        kind: finding.kind,
        role: finding.role,
        personId: finding.personId,
        network: finding.network,
        severity: round(finding.severity, 3),
        evidence: finding.evidence,
        effect: { ...finding.effect, authenticityPoints: points },
        dismissed: isDismissed,
      });
    }
    flags.sort((a, b) => a.personId - b.personId || (a.key < b.key ? -1 : 1));
    return { flags, discounts, authenticity };
  }
}

/** Lowers a weight in a discount map (the smallest weight wins when two flags ask). */
export function lower<K>(map: Map<K, number>, key: K, weight: number): void {
  const current = map.get(key);
  if (current === undefined || weight < current) map.set(key, weight);
}
