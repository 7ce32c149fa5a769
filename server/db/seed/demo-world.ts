import { ContentKind, InteractionKind } from '#shared/interactions';
import { NETWORKS, Network } from '#shared/networks';
import type { AccountRecord, ContentRecord, IngestBatch, InteractionRecord, PersonRecord } from '../../services/ingest.records';
import type { DemoKGrant, DemoWorldCast, PlantedLabel } from './planted';
import { Random, WeightedTable, zipfSampler } from './random';
import {
  COMMENT_TEMPLATES,
  COMMUNITIES,
  DUPLICATE_POST_TEXTS,
  NETWORK_AUDIENCE_SCALE,
  NETWORK_LAUNCH_YEAR,
  NETWORK_POPULARITY,
  POST_CLOSERS,
  POST_OPENERS,
  REGIONS,
  REPLY_BACK_TEMPLATES,
  RING_COMMENTS,
  type Community,
  type Region,
} from './vocabulary';

export interface DemoWorldOptions {
  /** Seed of the pseudo-random generator; the same options always give the same world. */
  seed?: number;
  /** People in the world, planted bad actors included. At least 200. */
  people?: number;
  /** The world's "now" in epoch ms (the seed run's day, UTC midnight): all activity is before it. */
  anchor: number;
  /** Days of content and interactions before the anchor. */
  days?: number;
}

export const DEMO_WORLD_DEFAULTS = { seed: 42, people: 3000, days: 90 } as const;
export const MIN_DEMO_PEOPLE = 200;

export interface DemoWorldSize {
  people: number;
  accounts: number;
  content: number;
  interactions: number;
}

export interface DemoWorld {
  options: Required<DemoWorldOptions>;
  size: DemoWorldSize;
  /** The answer key of inauthentic behaviour; not part of the data. */
  planted: PlantedLabel[];
  /** Genuine people with notable patterns, for scoring tests. */
  cast: DemoWorldCast;
  /** +K given in the world: a few hundred genuine ones, and the planted trades. Not part of the batches. */
  kGrants: DemoKGrant[];
  /**
   * The world as ingest batches of about `itemsPerBatch` items: every person, then accounts,
   * content (parents before their comments), and interactions, so each batch only refers to
   * rows of itself or of earlier batches.
   */
  batches(itemsPerBatch?: number): Generator<IngestBatch>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** UTC midnight of the day holding `epochMs`: the anchor a seed run passes in. */
export function startOfUtcDay(epochMs: number): number {
  return Math.floor(epochMs / DAY) * DAY;
}

/**
 * Generates the deterministic demo world. Pure: no clock, no I/O, no Math.random; the whole
 * world is built in memory (under a hundred megabytes at the default size) and then cut into batches.
 */
export function generateDemoWorld(options: DemoWorldOptions): DemoWorld {
  const resolved: Required<DemoWorldOptions> = {
    seed: options.seed ?? DEMO_WORLD_DEFAULTS.seed,
    people: options.people ?? DEMO_WORLD_DEFAULTS.people,
    days: options.days ?? DEMO_WORLD_DEFAULTS.days,
    anchor: options.anchor,
  };
  if (!Number.isInteger(resolved.people) || resolved.people < MIN_DEMO_PEOPLE) throw new RangeError(`people must be an integer ≥ ${MIN_DEMO_PEOPLE}, got ${resolved.people}`);
  if (!Number.isInteger(resolved.days) || resolved.days < 14 || resolved.days > 365) throw new RangeError(`days must be an integer from 14 to 365, got ${resolved.days}`);
  if (!Number.isInteger(resolved.seed)) throw new RangeError(`seed must be an integer, got ${resolved.seed}`);
  if (!Number.isInteger(resolved.anchor) || resolved.anchor < Date.UTC(2012, 0, 1)) throw new RangeError('anchor must be an epoch-ms integer after 2012');

  const builder = new WorldBuilder(resolved);
  builder.build();
  const people = builder.people.map((p) => p.record);
  const accounts = builder.accounts.map((a) => a.record);
  const content = builder.content.map((c) => c.record).sort(byTime((c) => c.postedAt as number));
  const interactions = builder.interactions.sort(byTime((i) => i.occurredAt as number));
  return {
    options: resolved,
    size: { people: people.length, accounts: accounts.length, content: content.length, interactions: interactions.length },
    planted: builder.planted,
    cast: builder.cast(),
    kGrants: builder.kGrants.sort((a, b) => a.givenAt - b.givenAt || (a.giverExternalId < b.giverExternalId ? -1 : 1)),
    *batches(itemsPerBatch = 5000) {
      if (!(itemsPerBatch >= 1)) throw new RangeError('itemsPerBatch must be ≥ 1');
      let batch: IngestBatch = {};
      let size = 0;
      const sections = [['people', people], ['accounts', accounts], ['content', content], ['interactions', interactions]] as const;
      for (const [section, items] of sections) {
        for (let at = 0; at < items.length; ) {
          const take = Math.min(itemsPerBatch - size, items.length - at);
          (batch[section] as unknown[]) = items.slice(at, at + take);
          at += take;
          size += take;
          if (size === itemsPerBatch) {
            yield batch;
            batch = {};
            size = 0;
          }
        }
      }
      if (size > 0) yield batch;
    },
  };
}

/** Sorts by time, then external id, so the order never depends on generation order. */
function byTime<T extends { externalId: string }>(time: (item: T) => number): (a: T, b: T) => number {
  return (a, b) => time(a) - time(b) || (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// The model behind the records.

/** Genuine roles, then the planted ones whose every account is inauthentic. */
type Role = 'ORDINARY' | 'INFLUENCER' | 'PROLIFIC' | 'HOLLOW' | 'CONVERSATIONALIST' | 'RING' | 'BUYER' | 'PUPPET' | 'MASS_FOLLOWER';
const PLANTED_ROLES: ReadonlySet<Role> = new Set(['RING', 'BUYER', 'PUPPET', 'MASS_FOLLOWER']);

interface Topic {
  slug: string;
  name: string;
}

interface SimPerson {
  externalId: string;
  first: string;
  last: string;
  region: Region;
  community: Community;
  secondary: Community | null;
  role: Role;
  /** How much engagement their content draws, before luck. */
  appeal: number;
  /** How often they react to others. */
  activity: number;
  /** Chance of answering someone who replied to them. */
  conversational: number;
  /** Posts over the whole window, all networks but the blog. */
  postBudget: number;
  writesBlog: boolean;
  accounts: SimAccount[];
  usedTexts: Set<string>;
  record: PersonRecord;
}

interface SimAccount {
  externalId: string;
  network: Network;
  person: SimPerson;
  handle: string;
  /** Takes part in organic activity: reacts, follows, is drawn for mentions. */
  organic: boolean;
  posts: SimContent[];
  record: AccountRecord;
}

interface SimContent {
  externalId: string;
  network: Network;
  author: SimAccount;
  postedAt: number;
  topic: Topic;
  /** Multiplies the organic engagement it draws: spam and ring posts draw little. */
  engagement: number;
  /** Accounts that reacted organically, so no one reacts twice. */
  reactors: Set<SimAccount>;
  record: ContentRecord;
}

const NETWORK_PREFIX: Readonly<Record<Network, string>> = {
  TWITTER: 'tw',
  FACEBOOK: 'fb',
  LINKEDIN: 'li',
  INSTAGRAM: 'ig',
  YOUTUBE: 'yt',
  TIKTOK: 'tt',
  BLOG: 'bl',
};

/** Organic reactions a post of appeal 1 draws on average, per network. */
const NETWORK_ENGAGEMENT: Readonly<Record<Network, number>> = {
  TWITTER: 1.0,
  FACEBOOK: 0.8,
  LINKEDIN: 0.8,
  INSTAGRAM: 1.3,
  YOUTUBE: 1.2,
  TIKTOK: 1.5,
  BLOG: 0.9,
};

type ReactionKind = InteractionKind.LIKE | InteractionKind.SHARE | InteractionKind.REPLY | InteractionKind.COMMENT | InteractionKind.CLICK;
const REACTION_KINDS: readonly ReactionKind[] = [InteractionKind.LIKE, InteractionKind.SHARE, InteractionKind.REPLY, InteractionKind.COMMENT, InteractionKind.CLICK];

/** Weights of LIKE, SHARE, REPLY, COMMENT, CLICK: Twitter replies, elsewhere people comment. */
const REACTION_MIX: Readonly<Record<Network, readonly number[]>> = {
  TWITTER: [62, 14, 5, 0, 10],
  FACEBOOK: [62, 9, 0, 5, 10],
  LINKEDIN: [58, 8, 0, 5, 16],
  INSTAGRAM: [82, 4, 0, 5, 2],
  YOUTUBE: [42, 5, 0, 4, 40],
  TIKTOK: [74, 12, 0, 4, 0],
  BLOG: [14, 8, 0, 14, 50],
};

/** Relative posting activity by local hour: quiet nights, lunch and evening peaks. */
const LOCAL_HOUR_WEIGHTS = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 3.5, 3.5, 4, 5, 4.5, 4, 4, 4.5, 5, 6, 7, 7.5, 7, 5, 2.5];
const HOURS = LOCAL_HOUR_WEIGHTS.map((_, h) => h);

/**
 * Which of a person's networks (in the order they joined) a post goes to: Zipf-distributed, so
 * most posts go to their first network and few to the fifth.
 */
const POSTING_NETWORK_RANK = NETWORKS.map((_, i) => zipfSampler(i + 1, 1.4));

/** Scales organic engagement so the default world holds about 200k interactions. */
const ENGAGEMENT_BASE = 4.2;

class WorldBuilder {
  readonly people: SimPerson[] = [];
  readonly accounts: SimAccount[] = [];
  readonly content: SimContent[] = [];
  readonly interactions: InteractionRecord[] = [];
  readonly planted: PlantedLabel[] = [];
  readonly kGrants: DemoKGrant[] = [];

  private readonly root: Random;
  private readonly windowStart: number;
  private readonly anchor: number;
  private readonly scale: number;
  private readonly sequence = new Map<string, number>();
  private readonly handles = new Map<Network, Set<string>>();
  /** Genuine people already given a part in a planted scheme, so that no one plays two. */
  private readonly recruited = new Set<SimPerson>();

  /** Organic accounts of a network, by how often their owner reacts. */
  private readonly reactors = new Map<Network, WeightedTable<SimAccount>>();
  /** The same, restricted to a community (key: network + community). */
  private readonly communityReactors = new Map<string, WeightedTable<SimAccount>>();
  /** Organic accounts of a network and community by prominence: who gets mentioned and followed. */
  private readonly prominent = new Map<string, WeightedTable<SimAccount>>();
  private readonly prominentOnNetwork = new Map<Network, WeightedTable<SimAccount>>();

  constructor(private readonly options: Required<DemoWorldOptions>) {
    this.root = new Random(options.seed);
    this.anchor = options.anchor;
    this.windowStart = options.anchor - options.days * DAY;
    this.scale = options.people / DEMO_WORLD_DEFAULTS.people;
  }

  build(): void {
    const { ring, buyersLarge, buyersSmall, puppets, massFollowers } = this.createPeople();
    for (const person of this.people) this.createAccounts(person);
    this.buildPools();
    for (const person of this.people) this.createOrganicPosts(person);

    const rng = this.root.fork('planted');
    // Planted parts that need content of their own come before organic reactions, so that
    // spam and ring posts draw the little organic engagement they would in reality.
    const selfPromoters = this.plantSelfPromoters(rng.fork('self'));
    this.plantDuplicatePosters(rng.fork('duplicates'));
    const ringPosts = this.createRingPosts(ring, rng.fork('ring-posts'));
    const bursts = this.prepareBursts(buyersLarge, buyersSmall, rng.fork('bursts'));
    const puppetTargets = this.preparePuppetTargets(puppets, rng.fork('puppets'));

    this.createOrganicReactions();
    this.createFollows();

    this.ringEngagement(ring, ringPosts, rng.fork('ring'));
    for (const s of selfPromoters) this.selfEngagement(s.main, s.alts, rng.fork(`self-${s.main.externalId}`));
    for (const b of bursts) this.burst(b, rng.fork(`burst-${b.target.externalId}`));
    for (const p of puppetTargets) this.sockPuppets(p.target, p.puppets, rng.fork(`puppets-${p.target.externalId}`));
    const massFollowNetworks = [Network.TWITTER, Network.INSTAGRAM, Network.TWITTER, Network.INSTAGRAM];
    massFollowers.forEach((m, i) => this.massFollow(m, massFollowNetworks[i % massFollowNetworks.length], rng.fork(`mass-${m.externalId}`)));
    this.plantDuplicateCommenters(rng.fork('duplicate-comments'));
    this.createOrganicK(this.root.fork('k'));
    this.plantKTrading(rng.fork('k-trading'));

    // A person appears with their oldest account, planted ones included.
    for (const person of this.people) person.record.createdAt = Math.min(...person.accounts.map((a) => a.record.createdAt as number));
  }

  cast(): DemoWorldCast {
    const ids = (role: Role) => this.people.filter((p) => p.role === role).map((p) => p.externalId);
    return {
      influencers: ids('INFLUENCER'),
      prolificPosters: ids('PROLIFIC'),
      hollowAudiences: ids('HOLLOW'),
      conversationalists: ids('CONVERSATIONALIST'),
      bloggers: this.people.filter((p) => p.writesBlog && p.accounts.some((a) => a.network === Network.BLOG && a.posts.length > 0)).map((p) => p.externalId),
    };
  }

  // -------------------------------------------------------------------------------------------
  // People and accounts.

  private createPeople() {
    const rng = this.root.fork('people');
    const n = this.options.people;
    const scaled = (atDefault: number, min: number) => Math.max(min, Math.round(atDefault * this.scale));
    const ringSize = Math.min(24, scaled(20, 8));
    const buyersLarge = scaled(200, 20);
    const buyersSmall = scaled(80, 10);
    const puppetCount = 6;
    const massFollowerCount = 4;
    const plantedCount = ringSize + buyersLarge + buyersSmall + puppetCount + massFollowerCount;
    const regularCount = n - plantedCount;

    // Genuine roles first, by rank of a shuffled list; then the planted people.
    const roles: Role[] = [];
    const push = (role: Role, count: number) => {
      for (let i = 0; i < count; i++) roles.push(role);
    };
    push('INFLUENCER', scaled(15, 3));
    push('PROLIFIC', scaled(8, 2));
    push('HOLLOW', scaled(7, 2));
    push('CONVERSATIONALIST', scaled(180, 12));
    push('ORDINARY', regularCount - roles.length);
    rng.shuffle(roles);
    push('RING', ringSize);
    push('BUYER', buyersLarge + buyersSmall);
    push('PUPPET', puppetCount);
    push('MASS_FOLLOWER', massFollowerCount);

    // Person numbers are shuffled so that an id says nothing about the role.
    const numbers = rng.shuffle(Array.from({ length: n }, (_, i) => i + 1));
    const communityWeights = COMMUNITIES.map((c) => c.weight);
    const regionWeights = REGIONS.map((r) => r.weight);
    const ringCommunity = COMMUNITIES.find((c) => c.key === 'fashion') ?? COMMUNITIES[0];
    roles.forEach((role, i) => {
      const region = rng.weighted(REGIONS, regionWeights);
      const community = role === 'RING' ? ringCommunity : rng.weighted(COMMUNITIES, communityWeights);
      let secondary: Community | null = null;
      if (!PLANTED_ROLES.has(role) && rng.chance(role === 'INFLUENCER' ? 0.4 : 0.2)) {
        secondary = rng.weighted(COMMUNITIES, communityWeights);
        if (secondary === community) secondary = null;
      }
      const first = rng.pick(region.firstNames);
      const last = rng.pick(region.lastNames);
      const language = rng.weighted(region.languages.map((l) => l[0]), region.languages.map((l) => l[1]));
      const externalId = `p${String(numbers[i]).padStart(5, '0')}`;
      const person: SimPerson = {
        externalId,
        first,
        last,
        region,
        community,
        secondary,
        role,
        appeal: 0,
        activity: 0,
        conversational: 0,
        postBudget: 0,
        writesBlog: false,
        accounts: [],
        usedTexts: new Set(),
        record: { externalId, displayName: `${first} ${last}`, region: region.code, language },
      };
      this.characterize(person, rng);
      this.people.push(person);
    });
    // Output in id order, like an export would be.
    this.people.sort((a, b) => (a.externalId < b.externalId ? -1 : 1));

    const byRole = (role: Role) => this.people.filter((p) => p.role === role);
    const buyers = byRole('BUYER');
    return {
      ring: byRole('RING'),
      buyersLarge: buyers.slice(0, buyersLarge),
      buyersSmall: buyers.slice(buyersLarge),
      puppets: byRole('PUPPET'),
      massFollowers: byRole('MASS_FOLLOWER'),
    };
  }

  /** Appeal, activity, conversation and posting volume, by role, with a heavy tail. */
  private characterize(p: SimPerson, rng: Random): void {
    switch (p.role) {
      case 'INFLUENCER':
        p.appeal = rng.between(6, 15);
        p.activity = rng.lognormal(0, 0.6);
        p.conversational = 0.08;
        p.postBudget = rng.int(25, 60);
        break;
      case 'PROLIFIC':
        p.appeal = rng.between(0.04, 0.12);
        p.activity = rng.lognormal(0, 0.6);
        p.conversational = 0.03;
        p.postBudget = rng.int(250, 450);
        break;
      case 'HOLLOW':
        p.appeal = rng.between(0.1, 0.3);
        p.activity = rng.lognormal(-1, 0.5);
        p.conversational = 0.02;
        p.postBudget = rng.int(15, 40);
        break;
      case 'CONVERSATIONALIST':
        p.appeal = rng.lognormal(-0.1, 0.8);
        p.activity = rng.lognormal(0.5, 0.8);
        p.conversational = rng.between(0.65, 0.9);
        p.postBudget = Math.round(rng.lognormal(Math.log(6), 0.8));
        break;
      case 'ORDINARY': {
        p.appeal = rng.lognormal(-0.3, 0.9);
        const lurker = rng.chance(0.2);
        p.activity = rng.lognormal(lurker ? 0.4 : 0, 1.0);
        p.conversational = rng.between(0.05, 0.2);
        p.postBudget = lurker ? 0 : Math.round(rng.lognormal(Math.log(5), 0.9));
        break;
      }
      case 'RING':
        p.appeal = 0.3;
        break;
      default:
        // Buyers, puppets and mass followers have no audience and post nothing organically.
        break;
    }
    // Budgets are for 90 days; a shorter world is quieter, a longer one only a little busier.
    p.postBudget = Math.round(p.postBudget * Math.min(1.5, this.options.days / 90));
  }

  private createAccounts(person: SimPerson): void {
    const rng = this.root.fork(`accounts-${person.externalId}`);
    const networks = this.networksOf(person, rng);
    for (const network of networks) this.addAccount(person, network, rng);
    person.writesBlog = person.accounts.some((a) => a.network === Network.BLOG) && (person.role === 'INFLUENCER' || rng.chance(0.5));
  }

  private networksOf(person: SimPerson, rng: Random): Network[] {
    switch (person.role) {
      case 'RING':
        return [Network.INSTAGRAM];
      case 'BUYER':
      case 'PUPPET':
      case 'MASS_FOLLOWER':
        return []; // Given their single account when planted.
      default:
        break;
    }
    const count =
      person.role === 'INFLUENCER'
        ? rng.int(3, 6)
        : person.role === 'HOLLOW' || person.role === 'PROLIFIC'
          ? rng.int(2, 4)
          : rng.weighted([1, 2, 3, 4, 5, 6], [40, 30, 16, 8, 4, 2]);
    const affinity = (n: Network) => NETWORK_POPULARITY[n] * (person.community.networkAffinity[n] ?? 1);
    const chosen: Network[] = [];
    const left = [...NETWORKS];
    while (chosen.length < count && left.length) {
      const n = rng.weighted(left, left.map(affinity));
      chosen.push(n);
      left.splice(left.indexOf(n), 1);
    }
    return chosen;
  }

  private addAccount(person: SimPerson, network: Network, rng: Random, handleStyle: 'own' | 'alt' | 'bot' = 'own'): SimAccount {
    const externalId = this.nextId(NETWORK_PREFIX[network], 'a', 6);
    const handle = this.uniqueHandle(network, person, handleStyle, rng);
    const { followers, following } = this.audience(person, network, rng);
    const launch = Date.UTC(NETWORK_LAUNCH_YEAR[network], 0, 1);
    const youngest = this.windowStart - 30 * DAY;
    const oldest = Math.min(youngest, Math.max(launch, this.anchor - 14 * 365 * DAY));
    const account: SimAccount = {
      externalId,
      network,
      person,
      handle,
      organic: !PLANTED_ROLES.has(person.role) && handleStyle === 'own',
      posts: [],
      record: {
        network,
        externalId,
        personExternalId: person.externalId,
        handle,
        followersCount: followers,
        followingCount: following,
        createdAt: Math.round(rng.between(oldest, youngest)),
      },
    };
    person.accounts.push(account);
    this.accounts.push(account);
    return account;
  }

  /** Follower and following counts: lognormal, scaled by appeal and by how big the network's audiences are. */
  private audience(person: SimPerson, network: Network, rng: Random): { followers: number; following: number } {
    const scale = NETWORK_AUDIENCE_SCALE[network];
    let followers: number;
    let following: number;
    switch (person.role) {
      case 'INFLUENCER':
        // The top of the audience distribution follows a power law.
        followers = Math.min(rng.pareto(40_000, 1.1), 8_000_000) * scale;
        following = rng.lognormal(Math.log(400), 0.8);
        break;
      case 'HOLLOW':
        followers = rng.lognormal(Math.log(900_000), 0.5) * Math.max(scale, 0.5);
        following = rng.lognormal(Math.log(300), 0.6);
        break;
      case 'PROLIFIC':
        followers = rng.lognormal(Math.log(600), 0.8) * scale;
        following = rng.lognormal(Math.log(1500), 0.5);
        break;
      case 'RING':
        followers = rng.lognormal(Math.log(2500), 0.5);
        following = rng.lognormal(Math.log(1500), 0.4);
        break;
      case 'ORDINARY':
      case 'CONVERSATIONALIST':
        followers = rng.lognormal(Math.log(120), 1.1) * Math.pow(person.appeal, 0.8) * scale;
        following = rng.lognormal(Math.log(180), 0.8);
        break;
      default:
        followers = 0;
        following = 0;
    }
    return { followers: Math.min(2_000_000_000, Math.round(followers)), following: Math.min(7500, Math.round(following)) };
  }

  private uniqueHandle(network: Network, person: SimPerson, style: 'own' | 'alt' | 'bot', rng: Random): string {
    const first = asciiSlug(person.first);
    const last = asciiSlug(person.last);
    let base: string;
    if (style === 'bot') base = `${first}${last}${rng.int(1000, 99999)}`;
    else if (style === 'alt') base = rng.pick([`${first}${last}_official`, `real${first}${last}`, `${first}.${last}.daily`, `${first}${last}fans`, `team${first}${last}`]);
    else {
      switch (network) {
        case Network.INSTAGRAM:
        case Network.FACEBOOK:
          base = `${first}.${last}`;
          break;
        case Network.TIKTOK:
          base = `${first}_${last}`;
          break;
        case Network.LINKEDIN:
          base = `${first}-${last}`;
          break;
        default:
          base = `${first}${last}`;
      }
    }
    let taken = this.handles.get(network);
    if (!taken) this.handles.set(network, (taken = new Set()));
    let candidate = base;
    while (taken.has(candidate)) candidate = `${base}${rng.int(2, 999)}`;
    taken.add(candidate);
    switch (network) {
      case Network.TWITTER:
      case Network.TIKTOK:
      case Network.YOUTUBE:
        return `@${candidate}`;
      case Network.BLOG:
        return `${candidate.replace(/[^a-z0-9-]/g, '')}.example.net`;
      default:
        return candidate;
    }
  }

  private buildPools(): void {
    const organic = this.accounts.filter((a) => a.organic);
    const prominence = (a: SimAccount) => Math.sqrt((a.record.followersCount ?? 0) + 1) * Math.sqrt(a.person.appeal + 0.05);
    for (const network of NETWORKS) {
      const onNetwork = organic.filter((a) => a.network === network);
      this.reactors.set(network, new WeightedTable(onNetwork, (a) => a.person.activity));
      this.prominentOnNetwork.set(network, new WeightedTable(onNetwork, prominence));
      for (const community of COMMUNITIES) {
        const member = (a: SimAccount) => (a.person.community === community ? 1 : a.person.secondary === community ? 0.5 : 0);
        const members = onNetwork.filter((a) => member(a) > 0);
        const key = poolKey(network, community);
        this.communityReactors.set(key, new WeightedTable(members, (a) => a.person.activity * member(a)));
        this.prominent.set(key, new WeightedTable(members, (a) => prominence(a) * member(a)));
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Content.

  private createOrganicPosts(person: SimPerson): void {
    const rng = this.root.fork(`posts-${person.externalId}`);
    const social = person.accounts.filter((a) => a.network !== Network.BLOG && a.organic);
    if (social.length && person.postBudget > 0) {
      // The first network a person joined is where they post most.
      const rank = POSTING_NETWORK_RANK[social.length - 1];
      for (let k = 0; k < person.postBudget; k++) this.addPost(social[rank(rng)], this.postTime(person, rng), rng);
    }
    const blog = person.accounts.find((a) => a.network === Network.BLOG);
    if (blog && person.writesBlog) {
      const count = person.role === 'INFLUENCER' ? rng.int(6, 14) : rng.int(1, 8);
      for (let k = 0; k < count; k++) this.addPost(blog, this.postTime(person, rng), rng);
    }
  }

  /** A day of the window and an hour of the person's local day. */
  private postTime(person: SimPerson, rng: Random, dayFrom = 0, dayTo = this.options.days): number {
    const day = rng.int(dayFrom, dayTo - 1);
    const localHour = rng.weighted(HOURS, LOCAL_HOUR_WEIGHTS);
    let t = this.windowStart + day * DAY + Math.round((localHour - person.region.utcOffset) * HOUR) + rng.int(0, HOUR - 1);
    if (t < this.windowStart) t += DAY;
    if (t >= this.anchor) t -= DAY;
    return t;
  }

  private addPost(account: SimAccount, postedAt: number, rng: Random, engagement = 1, fixedText?: string, fixedUrl?: string): SimContent {
    const person = account.person;
    const topics = this.postTopics(person, rng);
    const kind = postKind(account.network, rng);
    const long = kind === ContentKind.BLOG_POST || kind === ContentKind.ARTICLE;
    let text = fixedText ?? (long ? this.longText(person.community, topics[0], rng) : this.shortText(person.community, topics[0], rng));
    if (!fixedText) {
      // A person never repeats a post word for word; only the planted duplicate posters do.
      for (let attempt = 0; person.usedTexts.has(text) && attempt < 4; attempt++) text = this.shortText(person.community, topics[0], rng);
      for (let n = 2; person.usedTexts.has(text); n++) text = `${text} (${n})`;
      person.usedTexts.add(text);
    }
    if (!fixedText && account.organic && rng.chance(person.role === 'CONVERSATIONALIST' ? 0.25 : 0.07)) {
      const mentioned = this.drawProminent(account.network, person.community, rng, person);
      if (mentioned) {
        text += ` cc ${mentioned.handle.startsWith('@') ? mentioned.handle : `@${mentioned.handle}`}`;
        this.interact(InteractionKind.MENTION, account, { account: mentioned }, postedAt);
      }
    }
    const externalId = this.nextId(NETWORK_PREFIX[account.network], 'c', 7);
    const url = fixedUrl ?? contentUrl(account, kind, externalId, text);
    const record: ContentRecord = {
      network: account.network,
      externalId,
      kind,
      authorExternalId: account.externalId,
      text,
      topics: topics.map((t) => t.slug),
      postedAt,
    };
    if (url) record.url = url;
    const content: SimContent = { externalId, network: account.network, author: account, postedAt, topic: topics[0], engagement, reactors: new Set(), record };
    account.posts.push(content);
    this.content.push(content);
    return content;
  }

  /** One to three topics: mostly the community's own, its main topic most of all. */
  private postTopics(person: SimPerson, rng: Random): Topic[] {
    let community = person.community;
    const r = rng.next();
    if (person.secondary && r < 0.25) community = person.secondary;
    else if (r > 0.93) community = rng.pick(COMMUNITIES);
    const main = rng.chance(0.6) ? community.topics[0] : rng.pick(community.topics);
    const topics = [main];
    const extra = rng.weighted([0, 1, 2], [50, 35, 15]);
    for (const t of rng.sample(community.topics, extra + 1)) if (topics.length <= extra && !topics.includes(t)) topics.push(t);
    return topics;
  }

  private shortText(community: Community, topic: Topic, rng: Random): string {
    return `${rng.pick(POST_OPENERS)} ${rng.pick(community.subjects)}. ${rng.pick(POST_CLOSERS)} #${topic.slug.replace(/-/g, '')}`;
  }

  private longText(community: Community, topic: Topic, rng: Random): string {
    const subjects = rng.sample(community.subjects, 3);
    const title = `${rng.pick(community.titleWords)} notes: ${subjects[0]}`;
    const body = [
      `${rng.pick(POST_OPENERS)} ${subjects[0]}, and why it matters for anyone into ${topic.name.toLowerCase()}.`,
      `I spent the last few weeks on ${subjects[1]}; here is what held up and what did not.`,
      `The short version: ${rng.pick(POST_CLOSERS).toLowerCase()} The long version starts with ${subjects[2]}.`,
      rng.pick(POST_CLOSERS),
    ];
    return `${title}\n\n${body.join(' ')}`;
  }

  /** A comment by `author` on `parent`, as content; the matching interaction is the caller's. */
  private addComment(author: SimAccount, parent: SimContent, postedAt: number, text: string): SimContent {
    const externalId = this.nextId(NETWORK_PREFIX[author.network], 'c', 7);
    const record: ContentRecord = {
      network: author.network,
      externalId,
      kind: ContentKind.COMMENT,
      authorExternalId: author.externalId,
      text,
      topics: [parent.topic.slug],
      postedAt,
      parentExternalId: parent.externalId,
    };
    const comment: SimContent = { externalId, network: author.network, author, postedAt, topic: parent.topic, engagement: 0, reactors: new Set(), record };
    this.content.push(comment);
    return comment;
  }

  private commentText(topic: Topic, rng: Random): string {
    return rng.pick(COMMENT_TEMPLATES).replace('{topic}', topic.name);
  }

  // -------------------------------------------------------------------------------------------
  // Organic interactions.

  private createOrganicReactions(): void {
    const rng = this.root.fork('reactions');
    // Comments are appended while iterating; only what existed before reacts here.
    const posts = this.content.filter((c) => c.engagement > 0);
    for (const post of posts) this.react(post, rng);
    this.influencersReactToEachOther(posts, rng.fork('influencers'));
  }

  private react(post: SimContent, rng: Random): void {
    const author = post.author;
    const pool = this.reactors.get(post.network)!;
    const virality = rng.lognormal(-0.5, 1.0);
    const expected = ENGAGEMENT_BASE * author.person.appeal * post.engagement * virality * NETWORK_ENGAGEMENT[post.network];
    const wanted = Math.min(Math.floor(pool.size * 0.5), rng.poisson(expected));
    if (wanted <= 0) return;
    const chosen = post.reactors;
    const skip = (a: SimAccount) => a.person === author.person || chosen.has(a);
    // Most reactions come from the author's community; the rest from anywhere on the network.
    const community = this.communityReactors.get(poolKey(post.network, author.person.community));
    if (community) for (const a of community.drawDistinct(rng, Math.round(wanted * 0.72), skip)) chosen.add(a);
    for (const a of pool.drawDistinct(rng, wanted - chosen.size, skip)) chosen.add(a);
    for (const reactor of chosen) this.reactOnce(post, reactor, rng);
  }

  private reactOnce(post: SimContent, reactor: SimAccount, rng: Random, kind?: ReactionKind): void {
    const mix = REACTION_MIX[post.network].map((w, i) => {
      const k = REACTION_KINDS[i];
      if ((k === InteractionKind.REPLY || k === InteractionKind.COMMENT) && reactor.person.role === 'CONVERSATIONALIST') return w * 3;
      if (k === InteractionKind.CLICK && post.record.url) return w * 2;
      return w;
    });
    const chosenKind = kind ?? rng.weighted(REACTION_KINDS, mix);
    const at = post.postedAt + reactionDelay(rng);
    if (at >= this.anchor) return; // Reactions that would come after "now" have not happened yet.
    if (chosenKind === InteractionKind.REPLY || chosenKind === InteractionKind.COMMENT) {
      const comment = this.addComment(reactor, post, at, this.commentText(post.topic, rng));
      this.interact(chosenKind, reactor, { content: post }, at);
      this.thread(post, comment, rng);
      return;
    }
    if (chosenKind === InteractionKind.SHARE && rng.chance(0.5)) this.interact(InteractionKind.LIKE, reactor, { content: post }, Math.max(post.postedAt + MINUTE, at - rng.int(1, 30) * MINUTE));
    this.interact(chosenKind, reactor, { content: post }, at);
  }

  /**
   * The back-and-forth under a post: the author answers the commenter, who may answer again.
   * Conversationalists keep it going; most people answer rarely. Bloggers answer on their blog.
   */
  private thread(post: SimContent, firstComment: SimContent, rng: Random): void {
    let last = firstComment;
    let speaker = post.author;
    let listener = firstComment.author;
    for (let depth = 1; depth <= 6; depth++) {
      const onOwnBlog = speaker === post.author && post.network === Network.BLOG;
      const willing = Math.max(speaker.person.conversational, onOwnBlog ? 0.45 : 0) * Math.pow(0.85, depth - 1);
      if (!rng.chance(willing)) return;
      const at = last.postedAt + Math.max(2 * MINUTE, Math.round(rng.lognormal(Math.log(40 * MINUTE), 1.0)));
      if (at >= this.anchor) return;
      if (rng.chance(0.3)) this.interact(InteractionKind.LIKE, speaker, { content: last }, at - MINUTE);
      const reply = this.addComment(speaker, last, at, rng.pick(REPLY_BACK_TEMPLATES));
      this.interact(InteractionKind.REPLY, speaker, { content: last }, at);
      last = reply;
      [speaker, listener] = [listener, speaker];
    }
  }

  /** Influential people notice each other: a share of influencer posts draws reactions from peers. */
  private influencersReactToEachOther(posts: SimContent[], rng: Random): void {
    const influencerAccounts = new Map<Network, SimAccount[]>();
    for (const a of this.accounts) {
      if (a.organic && a.person.role === 'INFLUENCER') {
        const list = influencerAccounts.get(a.network) ?? [];
        list.push(a);
        influencerAccounts.set(a.network, list);
      }
    }
    for (const post of posts) {
      if (post.author.person.role !== 'INFLUENCER' || !rng.chance(0.4)) continue;
      const peers = (influencerAccounts.get(post.network) ?? []).filter((a) => a.person !== post.author.person && !post.reactors.has(a));
      for (const peer of rng.sample(peers, rng.int(1, 3))) {
        post.reactors.add(peer);
        this.reactOnce(post, peer, rng, rng.weighted([InteractionKind.LIKE, InteractionKind.SHARE], [3, 1]));
      }
    }
  }

  /** New followers over the window, in proportion to audience and appeal, mostly from the same community. */
  private createFollows(): void {
    const rng = this.root.fork('follows');
    for (const account of this.accounts) {
      if (!account.organic) continue;
      const person = account.person;
      // A bought audience does not grow; appeal does, within the limits of a few thousand accounts per network.
      const growth = person.role === 'HOLLOW' ? 0.00002 : person.role === 'INFLUENCER' ? 0.002 : 0.006 * Math.min(3, person.appeal);
      const followers = account.record.followersCount ?? 0;
      const cap = Math.min(followers, person.role === 'INFLUENCER' ? 150 : 60);
      const count = Math.min(cap, rng.poisson(0.5 + followers * growth));
      if (count <= 0) continue;
      const chosen = new Set<SimAccount>();
      const skip = (a: SimAccount) => a.person === person || chosen.has(a);
      const community = this.communityReactors.get(poolKey(account.network, person.community));
      if (community) for (const a of community.drawDistinct(rng, Math.round(count * 0.7), skip)) chosen.add(a);
      for (const a of this.reactors.get(account.network)!.drawDistinct(rng, count - chosen.size, skip)) chosen.add(a);
      for (const follower of chosen) this.interact(InteractionKind.FOLLOW, follower, { account }, this.windowStart + rng.int(0, this.options.days * DAY - 1));
    }
  }

  private drawProminent(network: Network, community: Community, rng: Random, except: SimPerson): SimAccount | undefined {
    const table = rng.chance(0.8) ? this.prominent.get(poolKey(network, community)) : this.prominentOnNetwork.get(network);
    if (!table || !(table.total > 0)) return undefined;
    const [account] = table.drawDistinct(rng, 1, (a) => a.person === except);
    return account;
  }

  // -------------------------------------------------------------------------------------------
  // Planted behaviour.

  /** A genuine, ordinary person with an account on one of the networks, not yet given a part. */
  private recruit(rng: Random, networks: readonly Network[]): { person: SimPerson; account: SimAccount } {
    const candidates: { person: SimPerson; account: SimAccount }[] = [];
    for (const person of this.people) {
      if (person.role !== 'ORDINARY' || person.writesBlog || this.recruited.has(person) || person.appeal < 0.4 || person.appeal > 3) continue;
      const account = person.accounts.find((a) => networks.includes(a.network) && a.organic);
      if (account) candidates.push({ person, account });
    }
    if (!candidates.length) throw new Error(`demo world: no ordinary person on ${networks.join('/')} left to plant`);
    const chosen = rng.pick(candidates);
    this.recruited.add(chosen.person);
    return chosen;
  }

  /** Posts by `account` until it has `count` in [from, to). */
  private topUpPosts(account: SimAccount, count: number, from: number, to: number, rng: Random): SimContent[] {
    const inRange = () => account.posts.filter((c) => c.postedAt >= from && c.postedAt < to);
    while (inRange().length < count) this.addPost(account, rng.int(from, to - 1), rng);
    return inRange().sort((a, b) => a.postedAt - b.postedAt);
  }

  private plantSelfPromoters(rng: Random): { main: SimAccount; alts: SimAccount[] }[] {
    const plans = [
      { network: Network.TWITTER, alts: 3 },
      { network: Network.INSTAGRAM, alts: 2 },
    ];
    return plans.map(({ network, alts }) => {
      const { person, account: main } = this.recruit(rng, [network]);
      this.topUpPosts(main, 15, this.windowStart, this.anchor - DAY, rng);
      const altAccounts: SimAccount[] = [];
      for (let i = 0; i < alts; i++) {
        const alt = this.addAccount(person, network, rng, 'alt');
        alt.record.followersCount = rng.int(5, 120);
        alt.record.followingCount = rng.int(20, 300);
        alt.record.createdAt = this.windowStart - rng.int(60, 500) * DAY;
        // A few posts of their own, which the main account and the other alts boost.
        const posts = rng.int(3, 8);
        for (let k = 0; k < posts; k++) this.addPost(alt, this.postTime(person, rng), rng, 0.1);
        altAccounts.push(alt);
      }
      return { main, alts: altAccounts };
    });
  }

  private plantDuplicatePosters(rng: Random): void {
    const networks = [Network.FACEBOOK, Network.TWITTER, Network.INSTAGRAM];
    networks.forEach((network, i) => {
      const { person, account } = this.recruit(rng, [network]);
      const topic = person.community.topics[0];
      const text = DUPLICATE_POST_TEXTS[i % DUPLICATE_POST_TEXTS.length].replace('{topic}', topic.name);
      const url = `https://courses.example.com/${asciiSlug(person.first)}-${asciiSlug(person.last)}/${topic.slug}`;
      const count = Math.max(8, Math.round(rng.int(12, 25) * Math.min(1, this.options.days / 90)));
      const posts: SimContent[] = [];
      for (let k = 0; k < count; k++) posts.push(this.addPost(account, this.postTime(person, rng), rng, 0.15, text, url));
      const times = posts.map((p) => p.postedAt);
      this.planted.push({
        kind: 'DUPLICATE_CONTENT',
        description: `${person.record.displayName} posted the same promotional text ${count} times on ${network}`,
        network,
        personExternalIds: [person.externalId],
        accountExternalIds: [account.externalId],
        beneficiaryPersonExternalIds: [person.externalId],
        beneficiaryAccountExternalIds: [account.externalId],
        window: { from: Math.min(...times), to: Math.max(...times) + 1 },
        contentExternalIds: posts.map((p) => p.externalId).sort(),
      });
    });
  }

  /** Ring members post at their own fixed time on most days, and the ring engages at once. */
  private createRingPosts(ring: SimPerson[], rng: Random): SimContent[] {
    const posts: SimContent[] = [];
    ring.forEach((member, i) => {
      const account = member.accounts[0];
      const slot = 18 * HOUR + i * 3 * MINUTE;
      for (let day = 0; day < this.options.days; day++) {
        if (!rng.chance(0.45)) continue;
        const at = this.windowStart + day * DAY + slot;
        if (at < this.anchor) posts.push(this.addPost(account, at, rng, 0.08));
      }
    });
    return posts;
  }

  private ringEngagement(ring: SimPerson[], posts: SimContent[], rng: Random): void {
    const accounts = ring.map((p) => p.accounts[0]);
    for (const post of posts) {
      for (const member of accounts) {
        if (member === post.author) continue;
        if (rng.chance(0.9)) this.interact(InteractionKind.LIKE, member, { content: post }, post.postedAt + rng.int(2, 25) * MINUTE);
        if (rng.chance(0.1)) this.interact(InteractionKind.SHARE, member, { content: post }, post.postedAt + rng.int(5, 40) * MINUTE);
        if (rng.chance(0.12)) {
          const at = post.postedAt + rng.int(5, 40) * MINUTE;
          this.addComment(member, post, at, rng.pick(RING_COMMENTS));
          this.interact(InteractionKind.COMMENT, member, { content: post }, at);
        }
      }
    }
    // The ring follows itself, and now and then likes an outsider's post to look normal.
    for (const member of accounts) {
      for (const other of accounts) if (other !== member && rng.chance(0.5)) this.interact(InteractionKind.FOLLOW, member, { account: other }, this.windowStart + rng.int(0, 7 * DAY));
      const outsiders = this.communityReactors.get(poolKey(Network.INSTAGRAM, member.person.community));
      const seen = new Set<SimContent>();
      for (let k = 0; k < 8 && outsiders && outsiders.total > 0; k++) {
        const target = outsiders.draw(rng).posts.find((p) => !seen.has(p) && p.postedAt < this.anchor - DAY);
        if (!target) continue;
        seen.add(target);
        this.interact(InteractionKind.LIKE, member, { content: target }, target.postedAt + rng.int(30, 600) * MINUTE);
      }
    }
    this.planted.push({
      kind: 'ENGAGEMENT_RING',
      description: `${accounts.length} Instagram accounts that like, comment on and share each other's daily posts within minutes`,
      network: Network.INSTAGRAM,
      personExternalIds: ring.map((p) => p.externalId),
      accountExternalIds: accounts.map((a) => a.externalId),
      beneficiaryPersonExternalIds: ring.map((p) => p.externalId),
      beneficiaryAccountExternalIds: accounts.map((a) => a.externalId),
      window: { from: this.windowStart, to: this.anchor },
    });
  }

  private selfEngagement(main: SimAccount, alts: SimAccount[], rng: Random): void {
    const all = [main, ...alts];
    let first = this.anchor;
    let last = this.windowStart;
    const act = (kind: InteractionKind, actor: SimAccount, target: { content?: SimContent; account?: SimAccount }, at: number) => {
      if (at >= this.anchor) return;
      this.interact(kind, actor, target, at);
      first = Math.min(first, at);
      last = Math.max(last, at);
    };
    for (const author of all) {
      for (const post of author.posts.filter((p) => p.postedAt >= this.windowStart)) {
        for (const other of all) {
          if (other === author) continue;
          // The alts boost everything of the main account; the main returns the favour less often.
          const eager = author === main ? 1 : 0.6;
          if (rng.chance(0.95 * eager)) act(InteractionKind.LIKE, other, { content: post }, post.postedAt + rng.int(1, 10) * MINUTE);
          if (rng.chance(0.6 * eager)) act(InteractionKind.SHARE, other, { content: post }, post.postedAt + rng.int(2, 15) * MINUTE);
          if (rng.chance(0.15 * eager)) {
            const at = post.postedAt + rng.int(3, 20) * MINUTE;
            if (at < this.anchor) {
              this.addComment(other, post, at, rng.pick(['This! 👆', 'So true.', 'Must read.', 'Everyone should see this.']));
              act(other.network === Network.TWITTER ? InteractionKind.REPLY : InteractionKind.COMMENT, other, { content: post }, at);
            }
          }
        }
      }
    }
    for (const alt of alts) {
      act(InteractionKind.FOLLOW, alt, { account: main }, this.windowStart + rng.int(0, 3 * DAY));
      for (let k = rng.int(2, 6); k > 0; k--) act(InteractionKind.MENTION, alt, { account: main }, this.windowStart + rng.int(0, this.options.days * DAY - 1));
    }
    const person = main.person;
    this.planted.push({
      kind: 'SELF_ENGAGEMENT',
      description: `${person.record.displayName} runs ${all.length} ${main.network} accounts that like and share each other's posts`,
      network: main.network,
      personExternalIds: [person.externalId],
      accountExternalIds: all.map((a) => a.externalId),
      beneficiaryPersonExternalIds: [person.externalId],
      beneficiaryAccountExternalIds: [main.externalId],
      window: { from: first, to: last + 1 },
    });
  }

  private prepareBursts(large: SimPerson[], small: SimPerson[], rng: Random) {
    const plans = [
      { buyers: large, network: Network.INSTAGRAM, posts: 10, day: Math.floor(this.options.days * 0.6), hour: 20 },
      { buyers: small, network: Network.TWITTER, posts: 6, day: Math.floor(this.options.days * 0.85), hour: 3 },
    ];
    return plans.map((plan) => {
      const { account: target } = this.recruit(rng, [plan.network]);
      const start = this.windowStart + plan.day * DAY + plan.hour * HOUR;
      // The bought likes land on the target's latest posts before the hour they were bought.
      const posts = this.topUpPosts(target, plan.posts, Math.max(this.windowStart, start - 21 * DAY), start - HOUR, rng).slice(-plan.posts);
      const accounts = plan.buyers.map((buyer) => {
        const account = this.addAccount(buyer, plan.network, rng, 'bot');
        account.record.followersCount = rng.int(0, 3);
        account.record.followingCount = rng.int(0, 8);
        account.record.createdAt = start - rng.int(1 * HOUR, 4 * DAY);
        return account;
      });
      return { target, posts, accounts, start };
    });
  }

  private burst(plan: { target: SimAccount; posts: SimContent[]; accounts: SimAccount[]; start: number }, rng: Random): void {
    for (const account of plan.accounts) for (const post of plan.posts) this.interact(InteractionKind.LIKE, account, { content: post }, plan.start + rng.int(0, HOUR - 1));
    const likes = plan.accounts.length * plan.posts.length;
    this.planted.push({
      kind: 'BURST',
      description: `${likes} likes within one hour on ${plan.target.person.record.displayName}'s ${plan.target.network} posts from ${plan.accounts.length} accounts created days before, with no audience and no content`,
      network: plan.target.network,
      personExternalIds: plan.accounts.map((a) => a.person.externalId),
      accountExternalIds: plan.accounts.map((a) => a.externalId),
      beneficiaryPersonExternalIds: [plan.target.person.externalId],
      beneficiaryAccountExternalIds: [plan.target.externalId],
      window: { from: plan.start, to: plan.start + HOUR },
      contentExternalIds: plan.posts.map((p) => p.externalId),
    });
  }

  private preparePuppetTargets(puppets: SimPerson[], rng: Random) {
    const networks = [Network.TWITTER, Network.FACEBOOK];
    const perTarget = Math.ceil(puppets.length / networks.length);
    return networks.map((network, i) => {
      const { account: target } = this.recruit(rng, [network]);
      this.topUpPosts(target, 8, this.windowStart + 7 * DAY, this.anchor - DAY, rng);
      const accounts = puppets.slice(i * perTarget, (i + 1) * perTarget).map((puppet) => {
        const account = this.addAccount(puppet, network, rng, 'bot');
        account.record.followersCount = 0;
        account.record.followingCount = 1;
        account.record.createdAt = this.windowStart + rng.int(0, 6 * DAY);
        return account;
      });
      return { target, puppets: accounts };
    });
  }

  private sockPuppets(target: SimAccount, puppets: SimAccount[], rng: Random): void {
    let first = this.anchor;
    let last = this.windowStart;
    const act = (kind: InteractionKind, actor: SimAccount, on: { content?: SimContent; account?: SimAccount }, at: number) => {
      if (at >= this.anchor) return;
      this.interact(kind, actor, on, at);
      first = Math.min(first, at);
      last = Math.max(last, at);
    };
    for (const puppet of puppets) {
      const born = puppet.record.createdAt as number;
      act(InteractionKind.FOLLOW, puppet, { account: target }, born + rng.int(5, 60) * MINUTE);
      for (const post of target.posts) {
        if (post.postedAt < born) continue;
        if (rng.chance(0.9)) act(InteractionKind.LIKE, puppet, { content: post }, post.postedAt + rng.int(5, 120) * MINUTE);
        if (rng.chance(0.5)) act(InteractionKind.SHARE, puppet, { content: post }, post.postedAt + rng.int(10, 180) * MINUTE);
        if (rng.chance(0.3)) act(InteractionKind.CLICK, puppet, { content: post }, post.postedAt + rng.int(5, 180) * MINUTE);
      }
      for (let k = rng.int(3, 8); k > 0; k--) act(InteractionKind.MENTION, puppet, { account: target }, born + rng.int(HOUR, this.anchor - born - 1));
    }
    this.planted.push({
      kind: 'SOCK_PUPPET',
      description: `${puppets.length} ${target.network} accounts with no audience and no content whose every action boosts ${target.person.record.displayName}`,
      network: target.network,
      personExternalIds: puppets.map((a) => a.person.externalId),
      accountExternalIds: puppets.map((a) => a.externalId),
      beneficiaryPersonExternalIds: [target.person.externalId],
      beneficiaryAccountExternalIds: [target.externalId],
      window: { from: first, to: last + 1 },
    });
  }

  private massFollow(person: SimPerson, network: Network, rng: Random): void {
    const account = this.addAccount(person, network, rng, 'bot');
    account.record.createdAt = this.windowStart - rng.int(30, 200) * DAY;
    // It follows nearly every genuine account of the network: the tool does not choose.
    const everyone = this.accounts.filter((a) => a.network === network && a.organic);
    const targets = rng.sample(everyone, Math.min(rng.int(2000, 3000), Math.floor(everyone.length * 0.9)));
    // Follows come in bursts on a few days, seconds apart, as follow tools do.
    const days = rng.sample(Array.from({ length: this.options.days - 1 }, (_, d) => d), Math.min(30, this.options.days - 1)).sort((a, b) => a - b);
    const perDay = Math.ceil(targets.length / days.length);
    let first = this.anchor;
    let last = this.windowStart;
    let at = 0;
    targets.forEach((target, i) => {
      if (i % perDay === 0) at = this.windowStart + days[i / perDay] * DAY + 9 * HOUR;
      at += Math.round(2000 + rng.exponential(28_000));
      this.interact(InteractionKind.FOLLOW, account, { account: target }, at);
      first = Math.min(first, at);
      last = Math.max(last, at);
    });
    // A few follow back, out of courtesy; that is all the audience it gets.
    let followBacks = 0;
    for (const target of targets) {
      if (!target.organic || !rng.chance(0.02)) continue;
      followBacks++;
      this.interact(InteractionKind.FOLLOW, target, { account }, Math.min(this.anchor - 1, last + rng.int(1, 72) * HOUR));
    }
    account.record.followersCount = followBacks + rng.int(0, 15);
    account.record.followingCount = targets.length + rng.int(1500, 4500);
    this.planted.push({
      kind: 'MASS_FOLLOW',
      description: `${account.handle} on ${network} followed ${targets.length} accounts in bursts; ${followBacks} followed back`,
      network,
      personExternalIds: [person.externalId],
      accountExternalIds: [account.externalId],
      beneficiaryPersonExternalIds: [person.externalId],
      beneficiaryAccountExternalIds: [account.externalId],
      window: { from: first, to: last + 1 },
    });
  }

  /** Accounts that paste the same comment two or three times under other people's posts. */
  private plantDuplicateCommenters(rng: Random): void {
    const texts = ['Love this!! Check my profile for more like it 🔥🔥', 'Great post, DM me for a collab and free promo!'];
    [Network.TWITTER, Network.FACEBOOK].forEach((network, n) => {
      const { person, account } = this.recruit(rng, [network]);
      const candidates = this.content.filter((c) => c.network === network && c.engagement > 0 && c.author.person !== person && c.author.organic && c.postedAt < this.anchor - 2 * DAY && !c.record.parentExternalId);
      const posts = rng.sample(candidates, Math.min(5, candidates.length));
      const times: number[] = [];
      const kind = network === Network.TWITTER ? InteractionKind.REPLY : InteractionKind.COMMENT;
      for (const post of posts) {
        let at = post.postedAt + rng.int(10, 300) * MINUTE;
        for (let copy = rng.int(2, 3); copy > 0; copy--) {
          this.addComment(account, post, at, texts[n]);
          this.interact(kind, account, { content: post }, at);
          times.push(at);
          at += rng.int(1, 20) * MINUTE;
        }
      }
      this.planted.push({
        kind: 'DUPLICATE_COMMENT',
        description: `${person.record.displayName} left the same comment two or three times under ${posts.length} ${network} posts`,
        network,
        personExternalIds: [person.externalId],
        accountExternalIds: [account.externalId],
        beneficiaryPersonExternalIds: [person.externalId],
        beneficiaryAccountExternalIds: [account.externalId],
        window: { from: Math.min(...times), to: Math.max(...times) + 1 },
        contentExternalIds: posts.map((p) => p.externalId).sort(),
      });
    });
  }

  /** Genuine +K: people vouch for someone prominent in their community, one way. */
  private createOrganicK(rng: Random): void {
    const givers = this.people.filter((p) => (p.role === 'ORDINARY' || p.role === 'CONVERSATIONALIST') && !this.recruited.has(p) && p.accounts.length > 0);
    const receivers = this.people.filter((p) => (p.role === 'INFLUENCER' || p.role === 'CONVERSATIONALIST') && !this.recruited.has(p));
    const pairs = new Set<string>();
    const count = Math.round(300 * this.scale);
    for (let k = 0; k < count && givers.length && receivers.length; k++) {
      const giver = rng.pick(givers);
      const inCommunity = receivers.filter((r) => r.community === giver.community);
      const receiver = rng.pick(inCommunity.length ? inCommunity : receivers);
      if (receiver === giver || pairs.has(`${giver.externalId}>${receiver.externalId}`) || pairs.has(`${receiver.externalId}>${giver.externalId}`)) continue;
      pairs.add(`${giver.externalId}>${receiver.externalId}`);
      const topic = rng.pick(receiver.community.topics);
      this.kGrants.push({ giverExternalId: giver.externalId, receiverExternalId: receiver.externalId, topicSlug: topic.slug, givenAt: this.windowStart + rng.int(0, this.options.days * DAY - 1) });
    }
  }

  /** +K traded: a reciprocal pair (in two topics) and a circle of three, each within days. */
  private plantKTrading(rng: Random): void {
    const networks = [...NETWORKS];
    for (const size of [2, 3]) {
      const traders = Array.from({ length: size }, () => this.recruit(rng, networks).person);
      const start = this.windowStart + rng.int(10, this.options.days - 10) * DAY;
      const topics = traders[0].community.topics.slice(0, 2);
      let last = start;
      for (const topic of topics) {
        traders.forEach((giver, i) => {
          const receiver = traders[(i + 1) % size];
          last = start + rng.int(0, 3 * DAY);
          this.kGrants.push({ giverExternalId: giver.externalId, receiverExternalId: receiver.externalId, topicSlug: topic.slug, givenAt: last });
        });
      }
      const ids = traders.map((p) => p.externalId);
      this.planted.push({
        kind: 'K_TRADING',
        description: size === 2 ? `${traders[0].record.displayName} and ${traders[1].record.displayName} give each other +K` : `${size} people give +K round a circle`,
        network: traders[0].accounts[0].network,
        personExternalIds: ids,
        accountExternalIds: [],
        beneficiaryPersonExternalIds: ids,
        beneficiaryAccountExternalIds: [],
        window: { from: start, to: start + 3 * DAY + 1 },
      });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Records.

  private interact(kind: InteractionKind, actor: SimAccount, target: { content?: SimContent; account?: SimAccount }, occurredAt: number): void {
    const record: InteractionRecord = {
      network: actor.network,
      externalId: this.nextId(NETWORK_PREFIX[actor.network], 'i', 7),
      kind,
      actorExternalId: actor.externalId,
      occurredAt,
    };
    if (target.content) record.targetContentExternalId = target.content.externalId;
    else record.targetAccountExternalId = target.account!.externalId;
    this.interactions.push(record);
  }

  private nextId(prefix: string, type: string, digits: number): string {
    const key = `${prefix}-${type}`;
    const n = (this.sequence.get(key) ?? 0) + 1;
    this.sequence.set(key, n);
    return `${prefix}-${type}${String(n).padStart(digits, '0')}`;
  }
}

function poolKey(network: Network, community: Community): string {
  return `${network}/${community.key}`;
}

function postKind(network: Network, rng: Random): ContentKind {
  switch (network) {
    case Network.BLOG:
      return ContentKind.BLOG_POST;
    case Network.YOUTUBE:
    case Network.TIKTOK:
      return ContentKind.VIDEO;
    case Network.INSTAGRAM:
      return rng.chance(0.2) ? ContentKind.VIDEO : ContentKind.POST;
    case Network.LINKEDIN:
      return rng.chance(0.25) ? ContentKind.ARTICLE : ContentKind.POST;
    case Network.FACEBOOK:
      return rng.chance(0.08) ? ContentKind.ARTICLE : ContentKind.POST;
    default:
      return ContentKind.POST;
  }
}

/** Blog posts, articles and videos have a URL; plain posts do not. Demo URLs stay on example domains. */
function contentUrl(account: SimAccount, kind: ContentKind, externalId: string, text: string): string | undefined {
  switch (kind) {
    case ContentKind.BLOG_POST:
      return `https://${account.handle}/${asciiSlug(text.split('\n')[0]).slice(0, 60)}-${externalId}`;
    case ContentKind.ARTICLE:
      return `https://${account.network.toLowerCase()}.example.com/articles/${externalId}`;
    case ContentKind.VIDEO:
      return `https://${account.network.toLowerCase()}.example.com/watch/${externalId}`;
    default:
      return undefined;
  }
}

/** Minutes to days: most reactions come within hours, a long tail over days. */
function reactionDelay(rng: Random): number {
  return Math.max(MINUTE, Math.round(rng.lognormal(Math.log(90 * MINUTE), 1.3)));
}

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
