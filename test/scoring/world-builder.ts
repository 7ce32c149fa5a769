import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import type { KGrant, ScoringAccount, ScoringContent, ScoringInput, ScoringInteraction } from '../../server/scoring';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const T0 = Date.UTC(2026, 0, 1);

/** Hand-made scoring worlds: people with accounts, posts, reactions, +K. */
export class WorldBuilder {
  readonly accounts: ScoringAccount[] = [];
  readonly content: ScoringContent[] = [];
  readonly interactions: ScoringInteraction[] = [];
  readonly kGrants: KGrant[] = [];
  private nextPerson = 1;
  private readonly accountOf = new Map<string, number>();

  /** A new person with an account on `network`; returns the person id. */
  person(network: Network = Network.TWITTER, followers = 0): number {
    const personId = this.nextPerson++;
    this.account(personId, network, followers);
    return personId;
  }

  people(count: number, network: Network = Network.TWITTER): number[] {
    return Array.from({ length: count }, () => this.person(network));
  }

  /** The person's account on the network, created on first use. */
  account(personId: number, network: Network = Network.TWITTER, followers = 0): number {
    const key = `${personId}:${network}`;
    let id = this.accountOf.get(key);
    if (id === undefined) {
      id = this.accounts.length + 1;
      this.accounts.push({ id, personId, network, followers, following: 0 });
      this.accountOf.set(key, id);
    }
    return id;
  }

  post(personId: number, at: number, options: { network?: Network; kind?: ContentKind; topics?: string[] } = {}): number {
    const network = options.network ?? this.accounts.find((a) => a.personId === personId)!.network;
    const id = this.content.length + 1;
    this.content.push({
      id,
      authorAccountId: this.account(personId, network),
      network,
      kind: options.kind ?? (network === Network.BLOG ? ContentKind.BLOG_POST : ContentKind.POST),
      postedAt: at,
      topicIds: options.topics ?? [],
    });
    return id;
  }

  posts(personId: number, count: number, at: number, options: { network?: Network; topics?: string[] } = {}): number[] {
    return Array.from({ length: count }, (_, i) => this.post(personId, at + i * 60_000, options));
  }

  /** `actor` reacts to content `contentId` (on the content's network, with the actor's account there). */
  react(actor: number, contentId: number, kind: InteractionKind, at: number): void {
    const item = this.content[contentId - 1];
    this.interactions.push({
      actorAccountId: this.account(actor, item.network),
      targetAccountId: item.authorAccountId,
      targetContentId: contentId,
      kind,
      occurredAt: at,
    });
  }

  /** An account-level interaction (mention, follow) or a reply to an account. */
  touch(actor: number, target: number, kind: InteractionKind, at: number, network: Network = Network.TWITTER): void {
    this.interactions.push({
      actorAccountId: this.account(actor, network),
      targetAccountId: this.account(target, network),
      targetContentId: null,
      kind,
      occurredAt: at,
    });
  }

  grant(giverPersonId: number, receiverPersonId: number, topicId: string, givenAt: number): void {
    this.kGrants.push({ giverPersonId, receiverPersonId, topicId, givenAt });
  }

  input(asOf: number, extra: Partial<ScoringInput> = {}): ScoringInput {
    return {
      asOf,
      accounts: [...this.accounts],
      content: [...this.content],
      interactions: [...this.interactions],
      kGrants: [...this.kGrants],
      ...extra,
    };
  }

  /** A deep copy, to branch a scenario. */
  clone(): WorldBuilder {
    const copy = new WorldBuilder();
    copy.accounts.push(...this.accounts.map((a) => ({ ...a })));
    copy.content.push(...this.content.map((c) => ({ ...c, topicIds: [...c.topicIds] })));
    copy.interactions.push(...this.interactions.map((i) => ({ ...i })));
    copy.kGrants.push(...this.kGrants.map((g) => ({ ...g })));
    copy.nextPerson = this.nextPerson;
    for (const [key, value] of this.accountOf) copy.accountOf.set(key, value);
    return copy;
  }
}

/** Every number at full precision, Maps and typed arrays included: equal strings mean equal bits. */
export function exactJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { map: [...v.entries()] };
    if (ArrayBuffer.isView(v)) return { typed: Array.from(v as unknown as ArrayLike<number>) };
    if (typeof v === 'number' && !Number.isFinite(v)) return `number:${v}`;
    if (typeof v === 'number' && Object.is(v, -0)) return 'number:-0';
    return v;
  });
}
