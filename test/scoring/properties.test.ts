import { describe, expect, it } from 'vitest';
import { CONVERSATION_KINDS, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { DEFAULT_SCORING_CONFIG, onwardAudienceOf, scorePeople, toScale, type ScoringInput, type ScoringInteraction, type ScoringResult } from '../../server/scoring';
import { SeededRandom } from '../../server/scoring/testing/random';
import { generateWorld, WORLD_TOPIC_EDGES, type World } from '../../server/scoring/testing/synthetic-world';
import { steadyWorld } from './steady-world';
import { DAY, HOUR, T0, exactJson } from './world-builder';

const smallWorld = (seed: number, people = 60, interactions = 800): World => generateWorld({ people, interactions, seed, days: 90 });

function inputOf(world: World, extra: Partial<ScoringInput> = {}): ScoringInput {
  return { asOf: world.asOf, accounts: world.accounts, content: world.content, interactions: world.interactions, ...extra };
}

function personOfAccount(world: World): Map<number, number> {
  return new Map(world.accounts.map((a) => [a.id, a.personId]));
}

describe('more genuine reactions never lower a score', () => {
  it('holds for a random extra reaction in random worlds (and raises the raw value)', () => {
    const random = new SeededRandom(101);
    for (let trial = 0; trial < 40; trial++) {
      const world = smallWorld(1000 + trial);
      const before = scorePeople(inputOf(world));
      const item = world.content[random.int(world.content.length)];
      const author = personOfAccount(world).get(item.authorAccountId)!;
      const actorAccount = world.accounts.filter((a) => a.personId !== author)[random.int(world.accounts.length - 3)];
      const extra: ScoringInteraction = {
        actorAccountId: actorAccount.id,
        targetAccountId: item.authorAccountId,
        targetContentId: item.id,
        kind: random.pick([InteractionKind.LIKE, InteractionKind.SHARE, InteractionKind.MENTION, InteractionKind.CLICK]),
        occurredAt: world.asOf - random.next() * 20 * DAY,
      };
      const after = scorePeople(inputOf(world, { interactions: [...world.interactions, extra] }));
      const b = before.byPerson.get(author)!;
      const a = after.byPerson.get(author)!;
      expect(a.raw).toBeGreaterThan(b.raw);
      expect(a.score).toBeGreaterThanOrEqual(b.score);
    }
  });
});

describe('talking with one’s audience never lowers a score', () => {
  /** A reply from A to X, after X's interaction `on` A's content, on X's content when X has some. */
  function replyBack(world: World, on: ScoringInteraction, random: SeededRandom): ScoringInteraction {
    const personOf = personOfAccount(world);
    const x = personOf.get(on.actorAccountId)!;
    const xContent = world.content.find((c) => personOf.get(c.authorAccountId) === x);
    return {
      actorAccountId: on.targetAccountId,
      targetAccountId: xContent?.authorAccountId ?? on.actorAccountId,
      targetContentId: xContent?.id ?? null,
      kind: random.chance(0.5) ? InteractionKind.REPLY : InteractionKind.COMMENT,
      occurredAt: on.occurredAt + random.next() * (world.asOf - on.occurredAt),
    };
  }

  it('holds exactly for a reply from A to someone who reacted to A: nobody’s score falls, the one answered rises', () => {
    const random = new SeededRandom(202);
    for (let trial = 0; trial < 60; trial++) {
      const world = smallWorld(2000 + trial);
      const personOf = personOfAccount(world);
      // A reaction: a like, share or click, or a reply/comment that opened the exchange (A had not
      // touched X before). A reply that answered A is conversation, not a reaction: see README.
      const opened = (i: ScoringInteraction) =>
        !world.interactions.some(
          (j) => personOf.get(j.actorAccountId) === personOf.get(i.targetAccountId) && personOf.get(j.targetAccountId) === personOf.get(i.actorAccountId) && j.occurredAt <= i.occurredAt,
        );
      const reactions = world.interactions.filter(
        (i) => i.targetContentId !== null && i.occurredAt < world.asOf - HOUR && (!CONVERSATION_KINDS.has(i.kind) || (trial % 2 === 0 && opened(i))),
      );
      const reaction = reactions[random.int(reactions.length)];
      const a = personOf.get(reaction.targetAccountId)!;
      const x = personOf.get(reaction.actorAccountId)!;
      const before = scorePeople(inputOf(world));
      const after = scorePeople(inputOf(world, { interactions: [...world.interactions, replyBack(world, reaction, random)] }));
      for (const b of before.people) {
        const s = after.byPerson.get(b.personId)!;
        expect(s.raw, `trial ${trial}, person ${b.personId}`).toBeGreaterThanOrEqual(b.raw);
        expect(s.score).toBeGreaterThanOrEqual(b.score);
      }
      // A's words reached X: for X the answer counts like any reaction (and as conversation)...
      const xBefore = before.byPerson.get(x)!;
      const xAfter = after.byPerson.get(x)!;
      expect(xAfter.raw).toBeGreaterThan(xBefore.raw);
      expect(xAfter.components.networkImpact.value).toBeGreaterThan(xBefore.components.networkImpact.value);
      expect(xAfter.evidence.reactions).toBeGreaterThan(xBefore.evidence.reactions);
      expect(xAfter.components.conversation.value).toBeGreaterThan(xBefore.components.conversation.value);
      // ...and it costs A nothing: A's conversation grows, A's reactions given (everyone's
      // selectivity) and the communities' onward weights stay the same bits, and X's onward audience
      // grows by A alone, which X's influence on A's behalf leaves out (no walk straight back).
      expect(after.byPerson.get(a)!.components.conversation.value).toBeGreaterThan(before.byPerson.get(a)!.components.conversation.value);
      expect(after.byPerson.get(a)!.raw).toBeGreaterThanOrEqual(before.byPerson.get(a)!.raw);
      expect(exactJson(after.networkImpact.reactionsGiven)).toBe(exactJson(before.networkImpact.reactionsGiven));
      expect(exactJson(after.networkImpact.transmissibility)).toBe(exactJson(before.networkImpact.transmissibility));
      expect(onwardAudienceOf(after.networkImpact, x)!).toBeGreaterThan(onwardAudienceOf(before.networkImpact, x) ?? 0);
      const ids = Array.from(before.networkImpact.personIds);
      for (const [v, id] of ids.entries()) {
        expect(onwardAudienceOf(after.networkImpact, id)!, `trial ${trial}, onward audience of ${id}`).toBeGreaterThanOrEqual(before.networkImpact.onwardAudience[v] * (1 - 1e-12));
      }
    }
  });

  it('counts blog comments both ways: the blogger and the commenter answered back', () => {
    const world = new WorldBuilderForBlog();
    const { blogger, commenter, result, before } = world.run();
    expect(before.byPerson.get(blogger)!.components.conversation.value).toBeGreaterThan(0);
    expect(before.byPerson.get(commenter)!.components.conversation.value).toBe(0);
    // After the blogger answers the comment, both hold a conversation.
    expect(result.byPerson.get(blogger)!.components.conversation.value).toBeGreaterThan(before.byPerson.get(blogger)!.components.conversation.value);
    expect(result.byPerson.get(commenter)!.components.conversation.value).toBeGreaterThan(0);
    expect(result.byPerson.get(blogger)!.perNetwork.find((n) => n.network === Network.BLOG)!.raw).toBeGreaterThan(0);
  });
});

/** A blogger, a commenter's COMMENT on the blog post, and the blogger's reply to that comment. */
class WorldBuilderForBlog {
  run() {
    const accounts = [
      { id: 1, personId: 1, network: Network.BLOG, followers: 0, following: 0 },
      { id: 2, personId: 2, network: Network.BLOG, followers: 0, following: 0 },
    ];
    const content = [
      { id: 10, authorAccountId: 1, network: Network.BLOG, kind: 'BLOG_POST' as const, postedAt: T0, topicIds: [] },
      { id: 11, authorAccountId: 2, network: Network.BLOG, kind: 'COMMENT' as const, postedAt: T0 + HOUR, topicIds: [] },
    ].map((c) => ({ ...c, kind: c.kind as never }));
    const comment: ScoringInteraction = { actorAccountId: 2, targetAccountId: 1, targetContentId: 10, kind: InteractionKind.COMMENT, occurredAt: T0 + HOUR };
    const answer: ScoringInteraction = { actorAccountId: 1, targetAccountId: 2, targetContentId: 11, kind: InteractionKind.REPLY, occurredAt: T0 + 2 * HOUR };
    const asOf = T0 + DAY;
    const before = scorePeople({ asOf, accounts, content, interactions: [comment] });
    const result = scorePeople({ asOf, accounts, content, interactions: [comment, answer] });
    return { blogger: 1, commenter: 2, before, result };
  }
}

describe('time', () => {
  it('fades smoothly: an hour later never moves a score abruptly, at any age', () => {
    const world = smallWorld(303, 80, 1500);
    const random = new SeededRandom(303);
    // Every event is before world.asOf; look at ages from 0 to 2 years after it.
    for (let step = 0; step < 40; step++) {
      const asOf = world.asOf + random.next() * 730 * DAY;
      const now = scorePeople(inputOf(world, { asOf }));
      const later = scorePeople(inputOf(world, { asOf: asOf + HOUR }));
      for (const person of now.people) {
        expect(Math.abs(later.byPerson.get(person.personId)!.score - person.score)).toBeLessThanOrEqual(0.2);
        expect(later.byPerson.get(person.personId)!.raw).toBeLessThanOrEqual(person.raw * 1.0001);
      }
    }
  });

  it('has no window edge: one reaction counts in full for the full-weight period, then fades continuously by the half-life', () => {
    const accounts = [
      { id: 1, personId: 1, network: Network.TWITTER, followers: 0, following: 0 },
      { id: 2, personId: 2, network: Network.TWITTER, followers: 0, following: 0 },
    ];
    const content = [{ id: 1, authorAccountId: 1, network: Network.TWITTER, kind: 'POST' as never, postedAt: T0, topicIds: [] }];
    const interactions: ScoringInteraction[] = [{ actorAccountId: 2, targetAccountId: 1, targetContentId: 1, kind: InteractionKind.SHARE, occurredAt: T0 }];
    const scoreAt = (ageHours: number, config: ScoringInput['config'] = {}) =>
      scorePeople({ asOf: T0 + ageHours * HOUR, accounts, content, interactions, config }).byPerson.get(1)!;
    const rawAt = (ageHours: number) => scoreAt(ageHours).raw;
    const { fullWeightDays, halfLifeDays } = DEFAULT_SCORING_CONFIG;
    expect([fullWeightDays, halfLifeDays]).toEqual([28, 30]);
    // The first 28 days: the moment of a reaction does not matter, only that it happened.
    const fresh = rawAt(0);
    expect(fresh).toBeGreaterThan(0);
    for (let hours = 6; hours <= fullWeightDays * 24; hours += 6) expect(rawAt(hours)).toBe(fresh);
    // Then it fades, a little every 6 hours and never by a step: at most 1%, the first step included.
    let previous = fresh;
    for (let hours = fullWeightDays * 24 + 6; hours <= 400 * 24; hours += 6) {
      const raw = rawAt(hours);
      expect(raw).toBeLessThan(previous);
      expect(raw).toBeGreaterThan(previous * 0.99);
      previous = raw;
    }
    // The event's weight: 1 up to 28 days, then halving every 30 (evidence counts each reaction by it).
    const weightAt = (days: number, config: ScoringInput['config'] = {}) => scoreAt(days * 24, config).evidence.reactions;
    expect(weightAt(28)).toBe(1);
    expect(weightAt(28 + 30)).toBeCloseTo(0.5, 12);
    expect(weightAt(28 + 90)).toBeCloseTo(0.125, 12);
    // Both are settings: a shorter half-life fades faster; no full-weight period is a plain half-life from age 0.
    expect(weightAt(28 + 10, { halfLifeDays: 10 })).toBeCloseTo(0.5, 12);
    expect(scoreAt(60 * 24, { halfLifeDays: 10 }).raw).toBeLessThan(rawAt(60 * 24));
    expect(weightAt(30, { fullWeightDays: 0 })).toBeCloseTo(0.5, 12);
    expect(weightAt(7, { fullWeightDays: 7 })).toBe(1);
    expect(weightAt(7 + 30, { fullWeightDays: 7 })).toBeCloseTo(0.5, 12);
  });

  it('moves a steady person’s score by at most 1 point a day', () => {
    let checks = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const { world, people } = steadyWorld(400 + seed, 150);
      let previous: ScoringResult | null = null;
      for (let day = 110; day <= 150; day++) {
        const result = scorePeople(world.input(T0 + day * DAY));
        if (previous !== null) {
          for (const person of people) {
            const move = Math.abs(result.byPerson.get(person)!.score - previous.byPerson.get(person)!.score);
            expect(move, `world ${seed}, person ${person}, day ${day}`).toBeLessThanOrEqual(1);
            checks++;
          }
        }
        previous = result;
      }
    }
    expect(checks).toBeGreaterThan(5000);
  });
});

describe('determinism', () => {
  it('gives the same bits whatever order the data arrived in', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const world = smallWorld(500 + seed, 120, 3000);
      const random = new SeededRandom(seed);
      const kGrants = Array.from({ length: 40 }, () => ({
        giverPersonId: 1 + random.int(120),
        receiverPersonId: 1 + random.int(120),
        topicId: random.pick(['nba', 'ai', 'sports', 'tech']),
        givenAt: world.asOf - random.next() * 60 * DAY,
      }));
      const base = scorePeople(inputOf(world, { kGrants, topicEdges: WORLD_TOPIC_EDGES }));
      const shuffled = scorePeople({
        asOf: world.asOf,
        accounts: random.shuffle([...world.accounts]),
        content: random.shuffle(world.content.map((c) => ({ ...c, topicIds: random.shuffle([...c.topicIds]) }))),
        interactions: random.shuffle([...world.interactions]),
        kGrants: random.shuffle([...kGrants]),
        topicEdges: random.shuffle([...WORLD_TOPIC_EDGES]),
      });
      expect(exactJson(shuffled)).toBe(exactJson(base));
    }
  });
});

describe('scores are not relative to the population', () => {
  it('leaves a person’s score bit-for-bit alone when unrelated people, data or changes appear', () => {
    const world = smallWorld(600, 100, 2000);
    const base = scorePeople(inputOf(world));
    // Strangers: isolated people, and a whole separate community with its own busy life.
    const offset = 10_000;
    const other = generateWorld({ people: 300, interactions: 8000, seed: 601, days: 90 });
    const shift = (w: World, by: number): World => ({
      asOf: w.asOf,
      accounts: w.accounts.map((a) => ({ ...a, id: a.id + by, personId: a.personId + by })),
      content: w.content.map((c) => ({ ...c, id: c.id + by, authorAccountId: c.authorAccountId + by })),
      interactions: w.interactions.map((i) => ({
        ...i,
        actorAccountId: i.actorAccountId + by,
        targetAccountId: i.targetAccountId + by,
        targetContentId: i.targetContentId === null ? null : i.targetContentId + by,
      })),
    });
    const shifted = shift(other, offset);
    const isolated = Array.from({ length: 50 }, (_, k) => ({ id: 50_000 + k, personId: 50_000 + k, network: Network.TWITTER, followers: 10 ** (k % 8), following: 0 }));
    const variants = [
      { accounts: [...world.accounts, ...isolated], content: world.content, interactions: world.interactions },
      { accounts: [...world.accounts, ...shifted.accounts], content: [...world.content, ...shifted.content], interactions: [...world.interactions, ...shifted.interactions] },
      // ...and that other community changing: half its interactions gone, a burst of new ones.
      {
        accounts: [...world.accounts, ...shifted.accounts],
        content: [...world.content, ...shifted.content],
        interactions: [...world.interactions, ...shifted.interactions.filter((_, k) => k % 2 === 0), ...shift(generateWorld({ people: 300, interactions: 3000, seed: 602, days: 9 }), offset).interactions],
      },
    ];
    for (const variant of variants) {
      const result = scorePeople({ asOf: world.asOf, ...variant });
      for (const person of base.people) expect(exactJson(result.byPerson.get(person.personId))).toBe(exactJson(person));
    }
  });

  it('maps raw to the scale by a fixed, monotone formula', () => {
    expect(toScale(0)).toBe(1);
    expect(toScale(40)).toBe(50.5);
    expect(toScale(160)).toBeCloseTo(80.2, 1);
    expect(toScale(Infinity)).toBe(100);
    let previous = 1;
    for (let raw = 0.01; raw < 1e7; raw *= 1.3) {
      const s = toScale(raw);
      expect(s).toBeGreaterThan(previous);
      expect(s).toBeLessThan(100);
      previous = s;
    }
  });
});

describe('the distribution', () => {
  it('is heavy-tailed on a synthetic world: most people low, very few above 80, the range used', () => {
    const world = generateWorld({ people: 5000, interactions: 60_000, seed: 700 });
    const scores = scorePeople(inputOf(world))
      .people.map((p) => p.score)
      .sort((a, b) => a - b);
    const quantile = (q: number) => scores[Math.floor(q * (scores.length - 1))];
    expect(quantile(0.5)).toBeLessThan(15);
    expect(quantile(0.9)).toBeLessThan(40);
    expect(scores.filter((s) => s > 80).length / scores.length).toBeLessThan(0.01);
    expect(scores.filter((s) => s > 80).length).toBeGreaterThan(0);
    expect(quantile(1)).toBeGreaterThan(80);
    expect(new Set(scores.map((s) => Math.floor(s / 10))).size).toBeGreaterThanOrEqual(9);
  });
});

describe('scoring a subset with a cached network impact', () => {
  it('reproduces the full run exactly for the people whose data the subset holds', () => {
    const world = smallWorld(800, 150, 4000);
    const full = scorePeople(inputOf(world));
    const personOf = personOfAccount(world);
    const random = new SeededRandom(800);
    const chosen = Array.from({ length: 6 }, () => 1 + random.int(150));
    const touches = (i: ScoringInteraction) => chosen.includes(personOf.get(i.actorAccountId)!) || chosen.includes(personOf.get(i.targetAccountId)!);
    const interactions = world.interactions.filter(touches);
    const people = new Set([...chosen, ...interactions.flatMap((i) => [personOf.get(i.actorAccountId)!, personOf.get(i.targetAccountId)!])]);
    const subset = scorePeople({
      asOf: world.asOf,
      accounts: world.accounts.filter((a) => people.has(a.personId)),
      content: world.content.filter((c) => chosen.includes(personOf.get(c.authorAccountId)!)),
      interactions,
      networkImpact: full.networkImpact,
      personIds: chosen,
    });
    expect(subset.people.map((p) => p.personId)).toEqual([...new Set(chosen)].sort((a, b) => a - b));
    for (const person of subset.people) expect(exactJson(person)).toBe(exactJson(full.byPerson.get(person.personId)));
  });
});
