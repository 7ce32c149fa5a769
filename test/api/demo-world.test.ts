import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_INTERACTION_KINDS, ContentKind, InteractionKind } from '#shared/interactions';
import { NETWORKS, Network } from '#shared/networks';
import { REPO_ROOT } from '../../server/config';
import type { Database } from '../../server/db/database';
import { generateDemoWorld, startOfUtcDay, type DemoWorld, type DemoWorldOptions } from '../../server/db/seed/demo-world';
import { PLANTED_KINDS, type PlantedLabel } from '../../server/db/seed/planted';
import { isDatabaseEmpty, seedDemoWorld } from '../../server/db/seed/seed-demo';
import { COMMUNITIES } from '../../server/db/seed/vocabulary';
import { ensureTopicOntology } from '../../server/db/topic-ontology';
import type { AccountRecord, ContentRecord, IngestBatch, InteractionRecord, PersonRecord } from '../../server/services/ingest.records';
import { IngestService } from '../../server/services/ingest.service';
import { systemContext } from '../../server/services/request-context';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases';

const DAY = 86_400_000;
/** A fixed "now", so the world is the same whatever day the suite runs. */
const ANCHOR = Date.UTC(2026, 0, 15);

/** Every record of a world, in batch order, with lookups by (network, external id). */
interface Collected {
  world: DemoWorld;
  batches: IngestBatch[];
  people: PersonRecord[];
  accounts: AccountRecord[];
  content: ContentRecord[];
  interactions: InteractionRecord[];
  person: Map<string, PersonRecord>;
  account: Map<string, AccountRecord>;
  item: Map<string, ContentRecord>;
  /** Content each account authored. */
  authored: Map<string, ContentRecord[]>;
  /** Interactions each account performed. */
  acted: Map<string, InteractionRecord[]>;
}

const key = (network: string, externalId: string) => `${network}/${externalId}`;
const time = (t: unknown) => t as number;

function collect(world: DemoWorld): Collected {
  const batches = [...world.batches()];
  const c: Collected = {
    world,
    batches,
    people: batches.flatMap((b) => b.people ?? []),
    accounts: batches.flatMap((b) => b.accounts ?? []),
    content: batches.flatMap((b) => b.content ?? []),
    interactions: batches.flatMap((b) => b.interactions ?? []),
    person: new Map(),
    account: new Map(),
    item: new Map(),
    authored: new Map(),
    acted: new Map(),
  };
  for (const p of c.people) c.person.set(p.externalId, p);
  for (const a of c.accounts) c.account.set(key(a.network, a.externalId), a);
  for (const x of c.content) {
    c.item.set(key(x.network, x.externalId), x);
    push(c.authored, key(x.network, x.authorExternalId), x);
  }
  for (const i of c.interactions) push(c.acted, key(i.network, i.actorExternalId), i);
  return c;
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

function worldHash(world: DemoWorld): string {
  const hash = createHash('sha256');
  for (const batch of world.batches()) hash.update(JSON.stringify(batch));
  hash.update(JSON.stringify(world.planted));
  hash.update(JSON.stringify(world.cast));
  return hash.digest('hex');
}

/** The person who receives an interaction: the author of its content, or the account acted on. */
function targetPerson(c: Collected, i: InteractionRecord): string {
  const accountId = i.targetContentExternalId ? c.item.get(key(i.network, i.targetContentExternalId))!.authorExternalId : i.targetAccountExternalId!;
  return c.account.get(key(i.network, accountId))!.personExternalId;
}

function actorPerson(c: Collected, i: InteractionRecord): string {
  return c.account.get(key(i.network, i.actorExternalId))!.personExternalId;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

describe('the demo world generator', () => {
  let w: Collected;
  /** Per person: reactions received on their content, distinct reacting people, posts (comments excluded). */
  const received = new Map<string, number>();
  const reactors = new Map<string, Set<string>>();
  const posts = new Map<string, number>();

  beforeAll(() => {
    w = collect(generateDemoWorld({ anchor: ANCHOR }));
    for (const i of w.interactions) {
      if (!i.targetContentExternalId) continue;
      const target = targetPerson(w, i);
      received.set(target, (received.get(target) ?? 0) + 1);
      let set = reactors.get(target);
      if (!set) reactors.set(target, (set = new Set()));
      set.add(actorPerson(w, i));
    }
    for (const x of w.content) {
      if (x.kind === ContentKind.COMMENT) continue;
      const p = w.account.get(key(x.network, x.authorExternalId))!.personExternalId;
      posts.set(p, (posts.get(p) ?? 0) + 1);
    }
  });

  const reactionsPerPost = (people: string[]) => {
    const n = people.reduce((s, p) => s + (posts.get(p) ?? 0), 0);
    return people.reduce((s, p) => s + (received.get(p) ?? 0), 0) / n;
  };

  it('is deterministic: same options, same world; another seed, another world', () => {
    // The generator must not read the clock or Math.random.
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used by the generator');
    });
    const now = vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used by the generator');
    });
    try {
      const options: DemoWorldOptions = { anchor: ANCHOR, people: 800 };
      const first = worldHash(generateDemoWorld(options));
      expect(worldHash(generateDemoWorld({ ...options }))).toBe(first);
      expect(worldHash(generateDemoWorld({ ...options, seed: 7 }))).not.toBe(first);
      expect(worldHash(generateDemoWorld({ ...options, anchor: ANCHOR + DAY }))).not.toBe(first);
    } finally {
      random.mockRestore();
      now.mockRestore();
    }
    expect(worldHash(w.world)).toBe(worldHash(generateDemoWorld({ anchor: ANCHOR, seed: 42, people: 3000, days: 90 })));
  });

  it('has the intended size at the default options', () => {
    expect(w.world.options).toEqual({ seed: 42, people: 3000, days: 90, anchor: ANCHOR });
    expect(w.world.size).toEqual({ people: w.people.length, accounts: w.accounts.length, content: w.content.length, interactions: w.interactions.length });
    expect(w.people.length).toBe(3000);
    expect(w.accounts.length).toBeGreaterThanOrEqual(5000);
    expect(w.accounts.length).toBeLessThanOrEqual(7000);
    expect(w.content.length).toBeGreaterThanOrEqual(20_000);
    expect(w.content.length).toBeLessThanOrEqual(40_000);
    expect(w.interactions.length).toBeGreaterThanOrEqual(150_000);
    expect(w.interactions.length).toBeLessThanOrEqual(300_000);
  });

  it('cuts batches of the requested size, each referring only to itself and earlier batches', () => {
    const batches = [...w.world.batches(3000)];
    const sizes = batches.map((b) => (b.people?.length ?? 0) + (b.accounts?.length ?? 0) + (b.content?.length ?? 0) + (b.interactions?.length ?? 0));
    expect(Math.max(...sizes)).toBe(3000);
    expect(sizes.slice(0, -1).every((s) => s === 3000)).toBe(true);

    const seen = new Set<string>();
    const order = ['people', 'accounts', 'content', 'interactions'] as const;
    let section = 0;
    for (const batch of batches) {
      for (const s of order) {
        const items = batch[s];
        if (!items?.length) continue;
        // Sections never go backwards: people, then accounts, then content, then interactions.
        expect(order.indexOf(s)).toBeGreaterThanOrEqual(section);
        section = order.indexOf(s);
        for (const item of items) {
          if (s === 'people') seen.add(`person/${(item as PersonRecord).externalId}`);
          if (s === 'accounts') {
            const a = item as AccountRecord;
            expect(seen.has(`person/${a.personExternalId}`)).toBe(true);
          }
          if (s === 'content') {
            const x = item as ContentRecord;
            if (x.parentExternalId) expect(seen.has(key(x.network, x.parentExternalId))).toBe(true);
          }
          if (s !== 'people') seen.add(key((item as AccountRecord).network, (item as AccountRecord).externalId));
        }
      }
    }
  });

  it('holds consistent records: unique ids, existing references, times inside the window and after account creation', () => {
    const start = ANCHOR - 90 * DAY;
    expect(new Set(w.people.map((p) => p.externalId)).size).toBe(w.people.length);
    expect(w.account.size).toBe(w.accounts.length);
    expect(w.item.size).toBe(w.content.length);
    expect(new Set(w.interactions.map((i) => key(i.network, i.externalId))).size).toBe(w.interactions.length);

    // Collected rather than asserted one by one: a quarter of a million expect() calls is slow.
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    for (const a of w.accounts) {
      const person = w.person.get(a.personExternalId);
      check(!!person && time(person.createdAt) <= time(a.createdAt) && time(a.createdAt) < ANCHOR, `account ${a.externalId}`);
    }
    for (const x of w.content) {
      const author = w.account.get(key(x.network, x.authorExternalId));
      const parent = x.parentExternalId ? w.item.get(key(x.network, x.parentExternalId)) : undefined;
      check(!!author && time(x.postedAt) > time(author.createdAt), `content ${x.externalId}: author`);
      check(time(x.postedAt) >= start && time(x.postedAt) < ANCHOR, `content ${x.externalId}: outside the window`);
      check(!x.parentExternalId || (!!parent && time(x.postedAt) > time(parent.postedAt)), `content ${x.externalId}: parent`);
      check((x.kind === ContentKind.COMMENT) === !!x.parentExternalId, `content ${x.externalId}: only comments have parents`);
      check((x.topics?.length ?? 0) > 0, `content ${x.externalId}: no topic`);
    }
    for (const i of w.interactions) {
      const actor = w.account.get(key(i.network, i.actorExternalId));
      check(!!actor && time(i.occurredAt) > time(actor.createdAt), `interaction ${i.externalId}: actor`);
      check(time(i.occurredAt) >= start && time(i.occurredAt) < ANCHOR, `interaction ${i.externalId}: outside the window`);
      if (CONTENT_INTERACTION_KINDS.has(i.kind)) {
        const target = w.item.get(key(i.network, i.targetContentExternalId ?? ''));
        check(!!target && time(i.occurredAt) > time(target.postedAt) && i.targetAccountExternalId === undefined, `interaction ${i.externalId}: content`);
      } else {
        check(w.account.has(key(i.network, i.targetAccountExternalId ?? '')) && i.targetAccountExternalId !== i.actorExternalId, `interaction ${i.externalId}: account`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('only uses topics of the Klout ontology, with their display names', () => {
    const rows: string[][] = parse(fs.readFileSync(path.join(REPO_ROOT, 'data/klout/klout_topic_ontology_20180601.csv')), { from_line: 2 });
    const names = new Map(rows.map((r) => [r[1], r[2]]));
    for (const community of COMMUNITIES) for (const t of community.topics) expect(names.get(t.slug), t.slug).toBe(t.name);
    const used = new Set(w.content.flatMap((x) => x.topics ?? []));
    expect(used.size).toBeGreaterThanOrEqual(40);
    for (const slug of used) expect(names.has(slug), slug).toBe(true);
  });

  it('puts accounts on every network, most people on one to three, some on many', () => {
    const perNetwork = new Map<string, number>();
    const perPerson = new Map<string, number>();
    for (const a of w.accounts) {
      perNetwork.set(a.network, (perNetwork.get(a.network) ?? 0) + 1);
      perPerson.set(a.personExternalId, (perPerson.get(a.personExternalId) ?? 0) + 1);
    }
    for (const n of NETWORKS) expect(perNetwork.get(n), n).toBeGreaterThanOrEqual(300);
    const counts = [...perPerson.values()];
    expect(counts.length).toBe(w.people.length);
    expect(counts.filter((k) => k <= 3).length / counts.length).toBeGreaterThan(0.8);
    expect(counts.filter((k) => k >= 5).length).toBeGreaterThanOrEqual(50);
    expect(new Set(w.people.map((p) => p.region)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(w.people.map((p) => p.language)).size).toBeGreaterThanOrEqual(10);
  });

  it('is heavy-tailed: a few people draw much of the engagement, the median person little', () => {
    const total = [...received.values()].reduce((s, n) => s + n, 0);
    const byReach = w.people.map((p) => p.externalId).sort((a, b) => (reactors.get(b)?.size ?? 0) - (reactors.get(a)?.size ?? 0));
    const top = byReach.slice(0, w.people.length / 100);
    const topShare = top.reduce((s, p) => s + (received.get(p) ?? 0), 0) / total;
    expect(topShare).toBeGreaterThanOrEqual(0.2);
    const perPerson = w.people.map((p) => received.get(p.externalId) ?? 0);
    expect(median(perPerson)).toBeLessThanOrEqual(20);
    expect(median(perPerson) * 20).toBeLessThan(Math.min(...top.map((p) => received.get(p) ?? 0)));

    const followers = w.accounts.map((a) => a.followersCount ?? 0);
    expect(Math.max(...followers)).toBeGreaterThan(1000 * median(followers));
    const postCounts = w.people.map((p) => posts.get(p.externalId) ?? 0);
    expect(Math.max(...postCounts)).toBeGreaterThan(20 * median(postCounts));
  });

  it('has communities: people mostly react to people who post on the same topics', () => {
    const communityOf = new Map<string, string>();
    for (const c of COMMUNITIES) for (const t of c.topics) communityOf.set(t.slug, c.key);
    // A person's community: where most of their posts' main topics belong.
    const votes = new Map<string, Map<string, number>>();
    for (const x of w.content) {
      if (x.kind === ContentKind.COMMENT) continue;
      const p = w.account.get(key(x.network, x.authorExternalId))!.personExternalId;
      const community = communityOf.get(x.topics![0])!;
      const tally = votes.get(p) ?? new Map<string, number>();
      tally.set(community, (tally.get(community) ?? 0) + 1);
      votes.set(p, tally);
    }
    const home = new Map<string, string>();
    let focused = 0;
    for (const [p, tally] of votes) {
      const [best, n] = [...tally].sort((a, b) => b[1] - a[1])[0];
      home.set(p, best);
      const all = [...tally.values()].reduce((s, k) => s + k, 0);
      if (all >= 5 && n / all >= 0.6) focused++;
    }
    const prolific = [...votes].filter(([, t]) => [...t.values()].reduce((s, k) => s + k, 0) >= 5).length;
    expect(focused / prolific).toBeGreaterThan(0.7);

    let same = 0;
    let known = 0;
    for (const i of w.interactions) {
      if (i.kind !== InteractionKind.LIKE) continue;
      const a = home.get(actorPerson(w, i));
      const b = home.get(targetPerson(w, i));
      if (!a || !b) continue;
      known++;
      if (a === b) same++;
    }
    // Twelve-odd communities: by chance alone, fewer than one like in ten would stay inside.
    expect(same / known).toBeGreaterThan(0.5);
  });

  it('has blogs whose readers comment from their own blog accounts, and bloggers who answer', () => {
    const blogPosts = w.content.filter((x) => x.kind === ContentKind.BLOG_POST);
    expect(blogPosts.length).toBeGreaterThan(300);
    for (const x of blogPosts) {
      expect(x.network).toBe(Network.BLOG);
      expect(x.url).toMatch(/^https:\/\/\S+$/);
    }
    const comments = w.content.filter((x) => x.kind === ContentKind.COMMENT && x.network === Network.BLOG);
    const onPosts = comments.filter((x) => w.item.get(key(Network.BLOG, x.parentExternalId!))!.kind === ContentKind.BLOG_POST);
    expect(onPosts.length).toBeGreaterThan(500);
    const commentInteractions = new Set(
      w.interactions.filter((i) => i.kind === InteractionKind.COMMENT && i.network === Network.BLOG).map((i) => `${i.actorExternalId}>${i.targetContentExternalId}`),
    );
    for (const x of onPosts) {
      const post = w.item.get(key(Network.BLOG, x.parentExternalId!))!;
      expect(x.authorExternalId).not.toBe(post.authorExternalId);
      expect(commentInteractions.has(`${x.authorExternalId}>${post.externalId}`)).toBe(true);
    }
    // Bloggers answer comments on their own posts.
    const answers = comments.filter((x) => {
      const parent = w.item.get(key(Network.BLOG, x.parentExternalId!))!;
      if (parent.kind !== ContentKind.COMMENT) return false;
      const post = w.item.get(key(Network.BLOG, parent.parentExternalId!))!;
      return post.kind === ContentKind.BLOG_POST && post.authorExternalId === x.authorExternalId;
    });
    expect(answers.length).toBeGreaterThan(100);
    expect(w.world.cast.bloggers.length).toBeGreaterThan(100);
  });

  it('has conversations: conversationalists answer those who reply to them, in threads', () => {
    const depth = new Map<string, number>();
    for (const x of w.content) depth.set(key(x.network, x.externalId), x.parentExternalId ? depth.get(key(x.network, x.parentExternalId))! + 1 : 0);
    expect(Math.max(...depth.values())).toBeGreaterThanOrEqual(5);
    // Every answer to a comment is a REPLY interaction on that comment by the answer's author.
    const replies = new Set(w.interactions.filter((i) => i.kind === InteractionKind.REPLY).map((i) => key(i.network, `${i.actorExternalId}>${i.targetContentExternalId}`)));
    for (const x of w.content) {
      if (!x.parentExternalId || w.item.get(key(x.network, x.parentExternalId))!.kind !== ContentKind.COMMENT) continue;
      expect(replies.has(key(x.network, `${x.authorExternalId}>${x.parentExternalId}`))).toBe(true);
    }
    // Share of first-level comments on a person's posts that the person answered.
    const answerRate = (people: Set<string>) => {
      let comments = 0;
      let answered = 0;
      const answeredComments = new Set(w.content.filter((x) => x.parentExternalId).map((x) => key(x.network, `${x.parentExternalId}<${x.authorExternalId}`)));
      for (const x of w.content) {
        if (x.kind !== ContentKind.COMMENT) continue;
        const post = w.item.get(key(x.network, x.parentExternalId!))!;
        if (post.kind === ContentKind.COMMENT || post.network === Network.BLOG) continue;
        if (!people.has(w.account.get(key(post.network, post.authorExternalId))!.personExternalId)) continue;
        comments++;
        if (answeredComments.has(key(x.network, `${x.externalId}<${post.authorExternalId}`))) answered++;
      }
      return answered / comments;
    };
    const conversationalists = new Set(w.world.cast.conversationalists);
    const others = new Set(w.people.map((p) => p.externalId).filter((p) => !conversationalists.has(p)));
    expect(answerRate(conversationalists)).toBeGreaterThan(0.5);
    expect(answerRate(others)).toBeLessThan(0.3);
  });

  it('makes influence a matter of who reacts, not of volume or follower counts', () => {
    const { influencers, prolificPosters, hollowAudiences } = w.world.cast;
    expect(influencers.length).toBeGreaterThanOrEqual(10);
    expect(prolificPosters.length).toBeGreaterThanOrEqual(5);
    expect(hollowAudiences.length).toBeGreaterThanOrEqual(5);
    const everyone = w.people.map((p) => p.externalId);
    const typical = reactionsPerPost(everyone);

    expect(reactionsPerPost(influencers)).toBeGreaterThan(4 * typical);
    // Influencers react to each other.
    const influencerSet = new Set(influencers);
    const amongInfluencers = w.interactions.filter((i) => i.targetContentExternalId && influencerSet.has(actorPerson(w, i)) && influencerSet.has(targetPerson(w, i)));
    expect(amongInfluencers.length).toBeGreaterThan(200);

    const postCounts = everyone.map((p) => posts.get(p) ?? 0);
    for (const p of prolificPosters) expect(posts.get(p)).toBeGreaterThan(quantile(postCounts, 0.99));
    expect(reactionsPerPost(prolificPosters)).toBeLessThan(typical / 4);

    const maxFollowers = new Map<string, number>();
    for (const a of w.accounts) maxFollowers.set(a.personExternalId, Math.max(maxFollowers.get(a.personExternalId) ?? 0, a.followersCount ?? 0));
    const followerCut = quantile([...maxFollowers.values()], 0.99);
    for (const p of hollowAudiences) expect(maxFollowers.get(p)).toBeGreaterThanOrEqual(followerCut);
    expect(reactionsPerPost(hollowAudiences)).toBeLessThan(typical / 2);
  });

  describe('planted inauthentic behaviour', () => {
    const labels = (kind: PlantedLabel['kind']) => w.world.planted.filter((l) => l.kind === kind);
    const accountsOf = (l: PlantedLabel) => l.accountExternalIds.map((id) => w.account.get(key(l.network, id))!);
    const actsOf = (l: PlantedLabel) => l.accountExternalIds.flatMap((id) => w.acted.get(key(l.network, id)) ?? []);
    const inWindow = (l: PlantedLabel, t: unknown) => time(t) >= l.window.from && time(t) < l.window.to;

    it('plants a few of every kind, on existing people and accounts', () => {
      for (const kind of PLANTED_KINDS) expect(labels(kind).length, kind).toBeGreaterThanOrEqual(kind === 'ENGAGEMENT_RING' ? 1 : 2);
      for (const l of w.world.planted) {
        expect(l.personExternalIds.length).toBeGreaterThan(0);
        for (const p of [...l.personExternalIds, ...l.beneficiaryPersonExternalIds]) expect(w.person.has(p), p).toBe(true);
        const people = new Set(l.personExternalIds);
        for (const a of accountsOf(l)) {
          expect(a).toBeDefined();
          expect(people.has(a.personExternalId)).toBe(true);
        }
        for (const id of l.beneficiaryAccountExternalIds) expect(l.beneficiaryPersonExternalIds).toContain(w.account.get(key(l.network, id))!.personExternalId);
        for (const id of l.contentExternalIds ?? []) expect(w.item.has(key(l.network, id))).toBe(true);
        expect(l.window.from).toBeLessThan(l.window.to);
      }
      // Genuine notable people are never planted.
      const cast = new Set(Object.values(w.world.cast).flat());
      for (const l of w.world.planted) for (const p of [...l.personExternalIds, ...l.beneficiaryPersonExternalIds]) expect(cast.has(p), `${l.kind} ${p}`).toBe(false);
    });

    it('an engagement ring: ~20 accounts that mostly engage with each other', () => {
      const [ring] = labels('ENGAGEMENT_RING');
      expect(ring.accountExternalIds.length).toBeGreaterThanOrEqual(15);
      const members = new Set(ring.personExternalIds);
      const acts = actsOf(ring);
      const inside = acts.filter((i) => members.has(targetPerson(w, i)));
      expect(inside.length / acts.length).toBeGreaterThan(0.9);
      expect(inside.length).toBeGreaterThan(5000);
    });

    it('self-engagement: one person’s accounts boosting each other', () => {
      for (const l of labels('SELF_ENGAGEMENT')) {
        expect(l.personExternalIds).toHaveLength(1);
        expect(l.accountExternalIds.length).toBeGreaterThanOrEqual(3);
        const own = new Set(l.accountExternalIds);
        const onOwn = actsOf(l).filter((i) => targetPerson(w, i) === l.personExternalIds[0]);
        expect(onOwn.length).toBeGreaterThan(20);
        for (const i of onOwn) expect(own.has(i.actorExternalId)).toBe(true);
      }
    });

    it('bursts of bought likes from fresh accounts with no audience or content, within an hour', () => {
      const bursts = labels('BURST');
      expect(Math.max(...bursts.map((l) => actsOf(l).length))).toBeGreaterThanOrEqual(2000);
      for (const l of bursts) {
        expect(l.window.to - l.window.from).toBe(3_600_000);
        const posts = new Set(l.contentExternalIds);
        for (const i of actsOf(l)) {
          expect(i.kind).toBe(InteractionKind.LIKE);
          expect(inWindow(l, i.occurredAt)).toBe(true);
          expect(posts.has(i.targetContentExternalId!)).toBe(true);
        }
        for (const a of accountsOf(l)) {
          expect(a.followersCount).toBeLessThanOrEqual(3);
          expect(w.authored.has(key(a.network, a.externalId))).toBe(false);
          expect(l.window.from - time(a.createdAt)).toBeLessThan(5 * DAY);
        }
        for (const id of posts) expect(w.item.get(key(l.network, id))!.authorExternalId).toBe(l.beneficiaryAccountExternalIds[0]);
      }
    });

    it('sock puppets: no audience, no content, every action on one target', () => {
      for (const l of labels('SOCK_PUPPET')) {
        expect(l.beneficiaryPersonExternalIds).toHaveLength(1);
        for (const a of accountsOf(l)) {
          expect(a.followersCount).toBe(0);
          expect(w.authored.has(key(a.network, a.externalId))).toBe(false);
          const acts = w.acted.get(key(a.network, a.externalId))!;
          expect(acts.length).toBeGreaterThan(5);
          for (const i of acts) expect(targetPerson(w, i)).toBe(l.beneficiaryPersonExternalIds[0]);
        }
        // Nobody follows or engages with a puppet.
        const puppets = new Set(l.accountExternalIds);
        expect(w.interactions.some((i) => i.network === l.network && (puppets.has(i.targetAccountExternalId ?? '') || false))).toBe(false);
      }
    });

    it('mass followers: follow most of their network, followed by few', () => {
      for (const l of labels('MASS_FOLLOW')) {
        const [account] = accountsOf(l);
        const follows = actsOf(l).filter((i) => i.kind === InteractionKind.FOLLOW);
        const networkSize = w.accounts.filter((a) => a.network === l.network).length;
        // Nearly every genuine account; the network also holds the planted ones.
        expect(follows.length).toBeGreaterThan(0.6 * networkSize);
        expect(account.followingCount).toBeGreaterThanOrEqual(2000);
        const followedBy = w.interactions.filter((i) => i.kind === InteractionKind.FOLLOW && i.targetAccountExternalId === account.externalId && i.network === l.network).length;
        expect(followedBy).toBeLessThan(follows.length / 20);
        expect(account.followersCount).toBeLessThan((account.followingCount ?? 0) / 20);
      }
    });

    it('duplicate posts: the same text, over and over, by one account', () => {
      for (const l of labels('DUPLICATE_CONTENT')) {
        const dupes = l.contentExternalIds!.map((id) => w.item.get(key(l.network, id))!);
        expect(dupes.length).toBeGreaterThanOrEqual(8);
        expect(new Set(dupes.map((x) => x.text)).size).toBe(1);
        expect(new Set(dupes.map((x) => x.authorExternalId))).toEqual(new Set(l.accountExternalIds));
      }
      // Genuine people never repeat a post word for word.
      const planted = new Set(labels('DUPLICATE_CONTENT').flatMap((l) => l.accountExternalIds));
      const texts = new Set<string>();
      for (const x of w.content) {
        if (x.kind === ContentKind.COMMENT || planted.has(x.authorExternalId)) continue;
        const k = `${w.account.get(key(x.network, x.authorExternalId))!.personExternalId}:${x.text}`;
        expect(texts.has(k), k).toBe(false);
        texts.add(k);
      }
    });
  });

  it('rejects options it cannot honour', () => {
    expect(() => generateDemoWorld({ anchor: ANCHOR, people: 50 })).toThrow(RangeError);
    expect(() => generateDemoWorld({ anchor: ANCHOR, days: 3 })).toThrow(RangeError);
    expect(() => generateDemoWorld({ anchor: 1.5 })).toThrow(RangeError);
    expect(startOfUtcDay(Date.UTC(2026, 2, 3, 17, 45))).toBe(Date.UTC(2026, 2, 3));
  });
});

describe.each(DIALECTS)('seeding the demo world on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const options = { anchor: ANCHOR, people: 300 };
  const world = collect(generateDemoWorld(options));

  const counts = async () => {
    const [row] = await db.reader.query(
      'SELECT (SELECT COUNT(*) FROM person) AS people, (SELECT COUNT(*) FROM network_account) AS accounts, (SELECT COUNT(*) FROM content) AS content, ' +
        '(SELECT COUNT(*) FROM interaction) AS interactions, (SELECT COUNT(*) FROM content_topic) AS topics, (SELECT COUNT(*) FROM content WHERE parent_content_id IS NOT NULL) AS comments',
    );
    return Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, Number(v)]));
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    db = await tdb.open();
    await ensureTopicOntology(db, path.join(REPO_ROOT, 'data'));
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('seeds an empty database through the ingest service, row for row', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    const lines: string[] = [];
    const result = await seedDemoWorld(systemContext(db, 'seed'), new IngestService(), { ...options, itemsPerBatch: 4000, log: (l) => lines.push(l) });
    expect(result.size).toEqual(world.world.size);
    expect(result.created).toEqual(world.world.size);
    expect(result.batches).toBe(Math.ceil((world.people.length + world.accounts.length + world.content.length + world.interactions.length) / 4000));
    expect(result.planted).toEqual(world.world.planted);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${world.interactions.length.toLocaleString('en')} interactions`);

    expect(await counts()).toEqual({
      ...world.world.size,
      topics: world.content.reduce((s, x) => s + new Set(x.topics).size, 0),
      comments: world.content.filter((x) => x.parentExternalId).length,
    });
    expect(await isDatabaseEmpty(db)).toBe(false);

    // Spot-check that relations survived: a blog comment's parent is the blog post it names.
    const comment = world.content.find((x) => x.network === Network.BLOG && x.parentExternalId)!;
    const [row] = await db.reader.query(
      `SELECT p.external_id AS parent FROM content c JOIN content p ON p.id = c.parent_content_id WHERE c.network = 'BLOG' AND c.external_id = ${db.placeholder(0)}`,
      [comment.externalId],
    );
    expect(row.parent).toBe(comment.parentExternalId);
  });

  it('is idempotent: seeding the same world again creates and changes nothing', async () => {
    const before = await counts();
    const again = await seedDemoWorld(systemContext(db, 'seed'), new IngestService(), options);
    expect(again.created).toEqual({ people: 0, accounts: 0, content: 0, interactions: 0 });
    expect(await counts()).toEqual(before);
  });
});
