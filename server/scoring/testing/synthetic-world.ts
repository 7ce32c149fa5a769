import { ContentKind, InteractionKind } from '#shared/interactions';
import { NETWORKS, Network } from '#shared/networks';
import { DAY_MS } from '../config';
import type { ScoringAccount, ScoringContent, ScoringInteraction } from '../types';
import { SeededRandom, WeightedSampler } from './random';

/**
 * Deterministic synthetic worlds for tests and the benchmark: heavy-tailed popularity (Zipf-like
 * author weights), heavy-tailed activity (a few people react a lot, a few bots react to anyone),
 * communities (most reactions stay inside one), people on 1–3 networks, topics from a small tree.
 */
export interface WorldOptions {
  people: number;
  interactions: number;
  seed: number;
  /** Pieces of content per interaction (default 0.2). */
  contentPerInteraction?: number;
  /** Days of history before asOf (default 120). */
  days?: number;
  asOf?: number;
  communities?: number;
  /** Zipf exponent of author popularity (default 1). */
  popularityExponent?: number;
}

export interface World {
  asOf: number;
  accounts: ScoringAccount[];
  content: ScoringContent[];
  interactions: ScoringInteraction[];
}

export const WORLD_AS_OF = Date.UTC(2026, 5, 1);

/** A small ontology: sports → basketball → nba, sports → football, tech → ai, tech → databases. */
export const WORLD_TOPIC_EDGES = [
  { parentId: 'sports', childId: 'basketball' },
  { parentId: 'basketball', childId: 'nba' },
  { parentId: 'sports', childId: 'football' },
  { parentId: 'tech', childId: 'ai' },
  { parentId: 'tech', childId: 'databases' },
];
const LEAF_TOPICS = ['nba', 'football', 'ai', 'databases', 'basketball', 'tech'];

const KIND_WHEEL: InteractionKind[] = [
  ...Array<InteractionKind>(9).fill(InteractionKind.LIKE),
  ...Array<InteractionKind>(3).fill(InteractionKind.SHARE),
  ...Array<InteractionKind>(2).fill(InteractionKind.REPLY),
  ...Array<InteractionKind>(2).fill(InteractionKind.COMMENT),
  ...Array<InteractionKind>(2).fill(InteractionKind.CLICK),
  InteractionKind.MENTION,
  InteractionKind.FOLLOW,
];

export function generateWorld(options: WorldOptions): World {
  const random = new SeededRandom(options.seed);
  const people = options.people;
  const asOf = options.asOf ?? WORLD_AS_OF;
  const days = options.days ?? 120;
  const communities = Math.max(1, options.communities ?? Math.max(1, Math.round(people / 200)));
  const exponent = options.popularityExponent ?? 1;

  // People: popularity by a random rank (Zipf), activity log-normal-ish, 1% bots.
  const rank = random.shuffle(Array.from({ length: people }, (_, i) => i + 1));
  const popularity = Float64Array.from(rank, (r) => 1 / Math.pow(r, exponent));
  const activity = new Float64Array(people);
  for (let i = 0; i < people; i++) activity[i] = random.chance(0.01) ? 40 : Math.exp(random.next() * 3);
  const community = Int32Array.from({ length: people }, (_, i) => i % communities);

  // Accounts: ids are 1-based and dense, like the database's.
  const accounts: ScoringAccount[] = [];
  const accountsOf: number[][] = [];
  for (let i = 0; i < people; i++) {
    const count = random.chance(0.6) ? 1 : random.chance(0.7) ? 2 : 3;
    const networks = random.shuffle([...NETWORKS]).slice(0, count);
    const mine: number[] = [];
    for (const network of networks) {
      const id = accounts.length + 1;
      const followers = Math.floor((Math.pow(10, 1 + random.next() * 2) * 100) / Math.sqrt(rank[i]));
      accounts.push({ id, personId: i + 1, network, followers, following: random.int(2000) });
      mine.push(id);
    }
    accountsOf.push(mine);
  }

  // Content: authors weighted by √popularity (popular people post more, not proportionally more).
  const contentCount = Math.max(people, Math.round(options.interactions * (options.contentPerInteraction ?? 0.2)));
  const authorSampler = new WeightedSampler(Float64Array.from(popularity, (w) => Math.sqrt(w)));
  const content: ScoringContent[] = [];
  const contentOf: number[][] = Array.from({ length: people }, () => []);
  for (let c = 0; c < contentCount; c++) {
    const author = c < people ? c : authorSampler.sample(random);
    const accountId = random.pick(accountsOf[author]);
    const network = accounts[accountId - 1].network;
    const kind =
      network === Network.BLOG ? ContentKind.BLOG_POST : random.chance(0.05) ? ContentKind.COMMENT : random.chance(0.1) ? ContentKind.VIDEO : ContentKind.POST;
    const topicCount = random.int(3);
    const topicIds: string[] = [];
    for (let t = 0; t < topicCount; t++) topicIds.push(LEAF_TOPICS[(author + t * 3 + random.int(2)) % LEAF_TOPICS.length]);
    content.push({ id: c + 1, authorAccountId: accountId, network, kind, postedAt: asOf - random.next() * days * DAY_MS, topicIds });
    contentOf[author].push(c);
  }

  // Interactions: target author by popularity (mostly within the actor's community), actor by activity.
  const actorSampler = new WeightedSampler(activity);
  const membersOf: number[][] = Array.from({ length: communities }, () => []);
  for (let i = 0; i < people; i++) membersOf[community[i]].push(i);
  const communitySamplers = membersOf.map((members) => new WeightedSampler(members.map((i) => popularity[i])));
  const globalSampler = new WeightedSampler(popularity);
  const interactions: ScoringInteraction[] = new Array<ScoringInteraction>(options.interactions);
  for (let n = 0; n < options.interactions; n++) {
    const actor = actorSampler.sample(random);
    let author = random.chance(0.7) ? membersOf[community[actor]][communitySamplers[community[actor]].sample(random)] : globalSampler.sample(random);
    if (author === actor) author = (author + 1) % people;
    const kind = KIND_WHEEL[random.int(KIND_WHEEL.length)];
    const actorAccountId = random.pick(accountsOf[actor]);
    if (kind === InteractionKind.MENTION || kind === InteractionKind.FOLLOW || contentOf[author].length === 0) {
      interactions[n] = {
        actorAccountId,
        targetAccountId: random.pick(accountsOf[author]),
        targetContentId: null,
        kind,
        occurredAt: asOf - random.next() * days * DAY_MS,
      };
      continue;
    }
    const c = contentOf[author][random.int(contentOf[author].length)];
    const item = content[c];
    interactions[n] = {
      actorAccountId,
      targetAccountId: item.authorAccountId,
      targetContentId: item.id,
      kind,
      occurredAt: Math.min(asOf, item.postedAt + random.exponential(DAY_MS)),
    };
  }
  return { asOf, accounts, content, interactions };
}
