import { FlagKind } from '#shared/authenticity';
import type { DemoWorld } from '../db/seed/demo-world';
import type { PlantedKind } from '../db/seed/planted';
import { textHash, type AuthenticityResult, type ContentText, type KGrant, type ScoringAccount, type ScoringContent, type ScoringInteraction } from '../scoring';

/**
 * The demo world as the engine's plain records (numeric ids given in generation order), with the
 * maps back to external ids, so tests and the authenticity benchmark can check the detectors
 * against the planted labels without a database.
 */
export interface DemoInput {
  asOf: number;
  accounts: ScoringAccount[];
  content: ScoringContent[];
  interactions: ScoringInteraction[];
  kGrants: KGrant[];
  contentText: Map<number, ContentText>;
  personId: Map<string, number>;
  personExternalId: Map<number, string>;
  accountId: Map<string, number>;
}

export function demoInput(world: DemoWorld): DemoInput {
  const personId = new Map<string, number>();
  const accountId = new Map<string, number>();
  const contentId = new Map<string, number>();
  const contentAuthor = new Map<number, number>();
  const accounts: ScoringAccount[] = [];
  const content: ScoringContent[] = [];
  const interactions: ScoringInteraction[] = [];
  const contentText = new Map<number, ContentText>();
  const time = (v: unknown) => (typeof v === 'number' ? v : new Date(v as string).getTime());
  for (const batch of world.batches(50_000)) {
    for (const p of batch.people ?? []) personId.set(p.externalId, personId.size + 1);
    for (const a of batch.accounts ?? []) {
      const id = accountId.size + 1;
      accountId.set(`${a.network}:${a.externalId}`, id);
      accounts.push({ id, personId: personId.get(a.personExternalId)!, network: a.network, followers: a.followersCount ?? 0, following: a.followingCount ?? 0 });
    }
    for (const c of batch.content ?? []) {
      const id = contentId.size + 1;
      contentId.set(`${c.network}:${c.externalId}`, id);
      const author = accountId.get(`${c.network}:${c.authorExternalId}`)!;
      contentAuthor.set(id, author);
      content.push({ id, authorAccountId: author, network: c.network, kind: c.kind, postedAt: time(c.postedAt), topicIds: c.topics ?? [] });
      const parent = c.parentExternalId ? contentId.get(`${c.network}:${c.parentExternalId}`) ?? null : null;
      contentText.set(id, { hash: textHash(c.text), parentId: parent });
    }
    for (const i of batch.interactions ?? []) {
      const actor = accountId.get(`${i.network}:${i.actorExternalId}`)!;
      const targetContent = i.targetContentExternalId ? contentId.get(`${i.network}:${i.targetContentExternalId}`)! : null;
      const target = targetContent != null ? contentAuthor.get(targetContent)! : accountId.get(`${i.network}:${i.targetAccountExternalId}`)!;
      interactions.push({ actorAccountId: actor, targetAccountId: target, targetContentId: targetContent, kind: i.kind, occurredAt: time(i.occurredAt) });
    }
  }
  const kGrants: KGrant[] = (world.kGrants ?? []).map((g) => ({ giverPersonId: personId.get(g.giverExternalId)!, receiverPersonId: personId.get(g.receiverExternalId)!, topicId: g.topicSlug, givenAt: g.givenAt }));
  const personExternalId = new Map([...personId].map(([k, v]) => [v, k]));
  return { asOf: world.options.anchor, accounts, content, interactions, kGrants, contentText, personId, personExternalId, accountId };
}

/** Which detector should find each planted kind. */
export const DETECTOR_OF: Record<PlantedKind, FlagKind> = {
  ENGAGEMENT_RING: FlagKind.ENGAGEMENT_RING,
  SELF_ENGAGEMENT: FlagKind.SELF_ENGAGEMENT,
  BURST: FlagKind.BURST,
  SOCK_PUPPET: FlagKind.SOCK_PUPPET,
  MASS_FOLLOW: FlagKind.MASS_FOLLOW,
  DUPLICATE_CONTENT: FlagKind.DUPLICATE_CONTENT,
  DUPLICATE_COMMENT: FlagKind.DUPLICATE_CONTENT,
  K_TRADING: FlagKind.K_TRADING,
};

export interface DetectorScore {
  kind: FlagKind;
  /** People planted for this detector (actors and beneficiaries). */
  planted: number;
  flagged: number;
  found: number;
  precision: number;
  recall: number;
  /** Planted people it missed, by external id. */
  missed: string[];
  /** People it flagged who were not planted for it. */
  wrong: string[];
}

/**
 * Precision and recall per detector, at the level of people: a detector should flag everyone in a
 * planted label of its kind (who did it, and who it was done for) and nobody else.
 */
export function scoreDetectors(world: DemoWorld, input: DemoInput, result: AuthenticityResult): { detectors: DetectorScore[]; genuine: number; genuineFlagged: string[] } {
  const plantedBy = new Map<FlagKind, Set<string>>();
  const anyPlanted = new Set<string>();
  for (const l of world.planted) {
    const kind = DETECTOR_OF[l.kind];
    let set = plantedBy.get(kind);
    if (!set) plantedBy.set(kind, (set = new Set()));
    for (const p of [...l.personExternalIds, ...l.beneficiaryPersonExternalIds]) {
      set.add(p);
      anyPlanted.add(p);
    }
  }
  const flaggedBy = new Map<FlagKind, Set<string>>();
  for (const f of result.flags) {
    if (f.dismissed) continue;
    let set = flaggedBy.get(f.kind);
    if (!set) flaggedBy.set(f.kind, (set = new Set()));
    set.add(input.personExternalId.get(f.personId)!);
  }
  const detectors: DetectorScore[] = [...plantedBy.keys()].sort().map((kind) => {
    const planted = plantedBy.get(kind)!;
    const flagged = flaggedBy.get(kind) ?? new Set<string>();
    const found = [...planted].filter((p) => flagged.has(p));
    const wrong = [...flagged].filter((p) => !planted.has(p)).sort();
    return {
      kind,
      planted: planted.size,
      flagged: flagged.size,
      found: found.length,
      precision: flagged.size ? (flagged.size - wrong.length) / flagged.size : 1,
      recall: planted.size ? found.length / planted.size : 1,
      missed: [...planted].filter((p) => !flagged.has(p)).sort(),
      wrong,
    };
  });
  const flaggedAny = new Set([...flaggedBy.values()].flatMap((s) => [...s]));
  const genuine = [...input.personId.keys()].filter((p) => !anyPlanted.has(p));
  return { detectors, genuine: genuine.length, genuineFlagged: genuine.filter((p) => flaggedAny.has(p)).sort() };
}
