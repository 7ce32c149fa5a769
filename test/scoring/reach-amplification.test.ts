import { describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { DEFAULT_SCORING_CONFIG, onwardAudienceOf, scorePeople, type PersonScore, type ScoringConfigOverrides } from '../../server/scoring';
import { DAY, HOUR, T0, WorldBuilder } from './world-builder';

const AS_OF = T0 + 10 * DAY;

function score(world: WorldBuilder, personId: number, extra: Parameters<WorldBuilder['input']>[1] = {}): PersonScore {
  return scorePeople(world.input(AS_OF, extra)).byPerson.get(personId)!;
}

describe('reach', () => {
  it('counts a reactor person once, however many networks they react on', () => {
    const oneOnThree = new WorldBuilder();
    const author = oneOnThree.person(Network.TWITTER);
    const reactor = oneOnThree.person(Network.TWITTER);
    const threeOnThree = oneOnThree.clone();
    const others = [threeOnThree.person(Network.FACEBOOK), threeOnThree.person(Network.INSTAGRAM)];
    for (const [i, network] of [Network.TWITTER, Network.FACEBOOK, Network.INSTAGRAM].entries()) {
      const inOne = oneOnThree.post(author, T0, { network });
      oneOnThree.react(reactor, inOne, InteractionKind.LIKE, T0 + HOUR);
      const inThree = threeOnThree.post(author, T0, { network });
      threeOnThree.react([reactor, ...others][i], inThree, InteractionKind.LIKE, T0 + HOUR);
    }
    const one = score(oneOnThree, author);
    const three = score(threeOnThree, author);
    // Effective counts: each reactor counts by the decay of their latest reaction (here all the same age).
    expect(one.evidence.distinctReactors).toBeLessThanOrEqual(1);
    expect(three.evidence.distinctReactors).toBeCloseTo(3 * one.evidence.distinctReactors, 12);
    expect(three.evidence.reactions).toBeCloseTo(one.evidence.reactions, 12);
    // Without person-level deduplication the single reactor would be worth three.
    expect(one.components.reach.value).toBeLessThanOrEqual(1);
    expect(three.components.reach.value).toBeGreaterThan(2 * one.components.reach.value);
    expect(three.score).toBeGreaterThan(one.score);
    expect(one.perNetwork.map((n) => n.network).sort()).toEqual([Network.FACEBOOK, Network.INSTAGRAM, Network.TWITTER]);
  });

  it('gives followers a small, capped, logarithmic weight: being followed is not enough', () => {
    const world = new WorldBuilder();
    const famous = world.person(Network.TWITTER, 10_000_000);
    const superFamous = world.person(Network.TWITTER, 2_000_000_000);
    const someFollowers = world.person(Network.TWITTER, 1_000);
    const engaging = world.person(Network.TWITTER, 0);
    world.posts(famous, 20, T0);
    const post = world.post(engaging, T0);
    for (const fan of world.people(8)) world.react(fan, post, InteractionKind.LIKE, T0 + HOUR);
    const result = scorePeople(world.input(AS_OF));
    const famousScore = result.byPerson.get(famous)!;
    expect(famousScore.score).toBeLessThan(5);
    expect(result.byPerson.get(superFamous)!.score).toBe(famousScore.score); // capped
    expect(result.byPerson.get(someFollowers)!.score).toBeLessThan(famousScore.score); // but log-increasing below the cap
    expect(result.byPerson.get(engaging)!.score).toBeGreaterThan(famousScore.score + 5);
  });

  it('gives nothing for activity alone: posting and reacting a lot without reactions stays at the floor', () => {
    const world = new WorldBuilder();
    const busy = world.person();
    const others = world.people(5);
    const theirPosts = others.map((o) => world.post(o, T0));
    world.posts(busy, 300, T0);
    for (let k = 0; k < 300; k++) world.react(busy, theirPosts[k % 5], InteractionKind.LIKE, T0 + k * 60_000);
    const busyScore = score(world, busy);
    expect(busyScore.score).toBe(1);
    expect(busyScore.raw).toBe(0);
  });

  it('increases with more genuine reactors', () => {
    let previous = 0;
    for (const reactors of [1, 2, 5, 10, 40]) {
      const world = new WorldBuilder();
      const author = world.person();
      const post = world.post(author, T0);
      for (const fan of world.people(reactors)) world.react(fan, post, InteractionKind.LIKE, T0 + HOUR);
      const s = score(world, author);
      expect(s.raw).toBeGreaterThan(previous);
      previous = s.raw;
    }
  });
});

describe('amplification', () => {
  it('ranks 100 shares of 10 posts above 100 shares of 1,000 posts', () => {
    const world = new WorldBuilder();
    const few = world.person();
    const many = world.person();
    const fewPosts = world.posts(few, 10, T0);
    const manyPosts = world.posts(many, 1000, T0);
    for (const [k, fan] of world.people(100).entries()) {
      world.react(fan, fewPosts[k % 10], InteractionKind.SHARE, T0 + HOUR);
      world.react(fan, manyPosts[k * 10], InteractionKind.SHARE, T0 + HOUR);
    }
    const result = scorePeople(world.input(AS_OF));
    const a = result.byPerson.get(few)!;
    const b = result.byPerson.get(many)!;
    expect(a.components.reach.value).toBeCloseTo(b.components.reach.value, 10);
    expect(a.components.amplification.value).toBeGreaterThan(50 * b.components.amplification.value);
    expect(a.score).toBeGreaterThan(b.score);
    expect(a.figures.reactionsPerPost.SHARE).toBeGreaterThan(b.figures.reactionsPerPost.SHARE);
  });

  it('ranks 100 reactions from 100 people above 100 from one person, even at equal selectivity', () => {
    const world = new WorldBuilder();
    const popular = world.person();
    const fanOfOne = world.person();
    const crowdPost = world.post(popular, T0);
    const fanPost = world.post(fanOfOne, T0);
    const crowd = world.people(100);
    for (const fan of crowd) world.react(fan, crowdPost, InteractionKind.LIKE, T0 + HOUR);
    const superFan = world.person();
    for (let k = 0; k < 100; k++) world.react(superFan, fanPost, InteractionKind.LIKE, T0 + HOUR + k * 60_000);

    const natural = scorePeople(world.input(AS_OF));
    expect(natural.byPerson.get(popular)!.score).toBeGreaterThan(natural.byPerson.get(fanOfOne)!.score);

    // Same selectivity for everyone (each gave 50 reactions to others): the difference is the
    // diminishing return per reactor. Effective reactions given to the author = what they received.
    const perCrowdMember = natural.byPerson.get(popular)!.evidence.reactions / 100;
    const bySuperFan = natural.byPerson.get(fanOfOne)!.evidence.reactions;
    const sameActivity = new Map([...crowd.map((p): [number, number] => [p, perCrowdMember + 50]), [superFan, bySuperFan + 50]]);
    const equalized = scorePeople(world.input(AS_OF, { reactorActivity: sameActivity }));
    const crowdScore = equalized.byPerson.get(popular)!;
    const fanScore = equalized.byPerson.get(fanOfOne)!;
    // 100 × 2(√2 − 1) ≈ 83 against 2(√101 − 1) ≈ 18.
    expect(crowdScore.components.amplification.value).toBeGreaterThan(4 * fanScore.components.amplification.value);
    expect(crowdScore.score).toBeGreaterThan(fanScore.score);
  });

  it('weighs a reaction by the selectivity of whoever gives it: only reacting to hundreds costs', () => {
    const world = new WorldBuilder();
    const a = world.person();
    const b = world.person();
    const c = world.person();
    const postA = world.post(a, T0);
    const postB = world.post(b, T0);
    const postC = world.post(c, T0);
    const elsewhere = world.people(10).map((p) => world.post(p, T0));
    // a: fans who react to nothing else. c: an ordinary audience, 200 reactions each to others.
    // b: like-everything accounts, 3,000 reactions each to others.
    const giving = (fan: number, count: number) => {
      for (let k = 0; k < count; k++) world.react(fan, elsewhere[k % 10], InteractionKind.LIKE, T0 + 2 * HOUR + k * 60_000);
    };
    for (const fan of world.people(10)) world.react(fan, postA, InteractionKind.LIKE, T0 + HOUR);
    for (const fan of world.people(10)) {
      world.react(fan, postB, InteractionKind.LIKE, T0 + HOUR);
      giving(fan, 3000);
    }
    for (const fan of world.people(10)) {
      world.react(fan, postC, InteractionKind.LIKE, T0 + HOUR);
      giving(fan, 200);
    }
    const result = scorePeople(world.input(AS_OF));
    const selective = result.byPerson.get(a)!;
    const indiscriminate = result.byPerson.get(b)!;
    const ordinary = result.byPerson.get(c)!;
    // 3,000 given elsewhere: 1 / log2(2 + (3,000 − 300) / 300) = 1 / log2(11) ≈ 0.29.
    expect(indiscriminate.figures.reactorSelectivity).toBeCloseTo(1 / Math.log2(11), 12);
    expect(selective.figures.reactorSelectivity).toBe(1);
    expect(selective.components.reach.value).toBeGreaterThan(3 * indiscriminate.components.reach.value);
    expect(selective.score).toBeGreaterThan(indiscriminate.score);
    // Reacting to people is what an audience does: 200 reactions elsewhere cost nothing.
    expect(ordinary.figures.reactorSelectivity).toBe(1);
    expect(ordinary.components.reach.value).toBe(selective.components.reach.value);
    expect(ordinary.components.amplification.value).toBe(selective.components.amplification.value);

    // Free up to 300 given elsewhere, then the more a reactor gives elsewhere, the less their reaction is worth.
    const rawWith = (given: number) =>
      scorePeople(world.input(AS_OF, { reactorActivity: new Map(world.accounts.map((acc) => [acc.personId, given])) })).byPerson.get(a)!.raw;
    const free = rawWith(0);
    for (const given of [1, 100, 301]) expect(rawWith(given)).toBe(free); // 301 given = 300 elsewhere + the one like to a
    let previous = free;
    for (const given of [400, 1000, 3000, 30_000]) {
      const raw = rawWith(given);
      expect(raw).toBeLessThan(previous);
      previous = raw;
    }
  });
});

describe('network impact', () => {
  it('values a reaction from an influential person more than the same reaction from nobody', () => {
    const world = new WorldBuilder();
    const a = world.person();
    const b = world.person();
    const influential = world.person();
    const nobody = world.person();
    const influentialPost = world.post(influential, T0);
    for (const fan of world.people(50)) world.react(fan, influentialPost, InteractionKind.LIKE, T0 + HOUR);
    world.react(influential, world.post(a, T0), InteractionKind.LIKE, T0 + 2 * HOUR);
    world.react(nobody, world.post(b, T0), InteractionKind.LIKE, T0 + 2 * HOUR);
    const result = scorePeople(world.input(AS_OF));
    const impact = result.networkImpact;
    const byInfluential = result.byPerson.get(a)!;
    const byNobody = result.byPerson.get(b)!;
    expect(byInfluential.components.reach.value).toBeCloseTo(byNobody.components.reach.value, 12);
    // Someone nobody reacts to passes nothing on: influence exactly 1.
    expect(onwardAudienceOf(impact, nobody)).toBe(0);
    expect(byNobody.figures.reactorInfluence).toBe(1);
    // The influential person's 50 fans are their onward audience, counted at the community's onward weight λ.
    const lambda = impact.transmissibility[impact.personIds.indexOf(influential)];
    expect(lambda).toBeGreaterThan(0);
    expect(lambda).toBeLessThanOrEqual(DEFAULT_SCORING_CONFIG.onward.maxWeight);
    expect(onwardAudienceOf(impact, influential)).toBeGreaterThan(40);
    expect(byInfluential.figures.reactorInfluence).toBeCloseTo(1 + lambda * onwardAudienceOf(impact, influential)!, 12);
    expect(byInfluential.components.networkImpact.value).toBeGreaterThan(2 * byNobody.components.networkImpact.value);
    expect(byInfluential.score).toBeGreaterThan(byNobody.score);
    expect(byInfluential.topEngagers[0].personId).toBe(influential);
  });

  it('counts a reactor by how far their audience carries it: more reactors, and reactors of reactors, count more', () => {
    // One community (so one λ): three reactors, each liking one author's post. `wide` has 100 fans,
    // `narrow` 20, `deep` 20 who each have 5 fans of their own. One fan of each links them.
    const world = new WorldBuilder();
    const [toNarrow, toWide, toDeep] = world.people(3);
    const [narrow, wide, deep] = world.people(3);
    const audience = (reactor: number, size: number) => {
      const post = world.post(reactor, T0);
      const fans = world.people(size);
      for (const fan of fans) world.react(fan, post, InteractionKind.LIKE, T0 + HOUR);
      return fans;
    };
    const narrowFans = audience(narrow, 20);
    const wideFans = audience(wide, 100);
    for (const fan of audience(deep, 20)) audience(fan, 5);
    const link = world.person();
    for (const reactor of [narrow, wide, deep]) world.react(link, world.post(reactor, T0 + DAY), InteractionKind.LIKE, T0 + DAY + HOUR);
    world.react(wideFans[0], world.post(narrowFans[0], T0), InteractionKind.LIKE, T0 + HOUR);
    world.react(narrow, world.post(toNarrow, T0), InteractionKind.LIKE, T0 + 2 * HOUR);
    world.react(wide, world.post(toWide, T0), InteractionKind.LIKE, T0 + 2 * HOUR);
    world.react(deep, world.post(toDeep, T0), InteractionKind.LIKE, T0 + 2 * HOUR);
    const result = scorePeople(world.input(AS_OF));
    const impact = result.networkImpact;
    expect(new Set(impact.transmissibility).size).toBe(1);
    const onward = (p: number) => onwardAudienceOf(impact, p)!;
    expect(onward(wide)).toBeGreaterThan(onward(narrow));
    expect(onward(deep)).toBeGreaterThan(onward(narrow)); // the same 20 reactors, whose own audience carries further
    const value = (p: number) => result.byPerson.get(p)!.components.networkImpact.value;
    expect(value(toWide)).toBeGreaterThan(value(toNarrow));
    expect(value(toDeep)).toBeGreaterThan(value(toNarrow));
    for (const p of [toNarrow, toWide, toDeep]) expect(result.byPerson.get(p)!.components.reach.value).toBe(result.byPerson.get(toNarrow)!.components.reach.value);
  });

  it('uses a given network impact instead of computing one, and rejects one made with another half-life', () => {
    const world = new WorldBuilder();
    const a = world.person();
    for (const fan of world.people(3)) world.react(fan, world.post(a, T0), InteractionKind.LIKE, T0 + HOUR);
    const full = scorePeople(world.input(AS_OF));
    const reused = scorePeople(world.input(AS_OF, { networkImpact: full.networkImpact }));
    expect(reused.networkImpact).toBe(full.networkImpact);
    expect(reused.byPerson.get(a)).toEqual(full.byPerson.get(a));
    const config: ScoringConfigOverrides = { halfLifeDays: 7 };
    expect(() => scorePeople(world.input(AS_OF, { networkImpact: full.networkImpact, config }))).toThrow(RangeError);
  });
});

describe('every person with an account is scored', () => {
  it('gives people with no activity the floor score and a wide band', () => {
    const world = new WorldBuilder();
    const idle = world.person();
    const result = scorePeople(world.input(AS_OF));
    const s = result.byPerson.get(idle)!;
    expect(s.score).toBe(1);
    expect(s.band.low).toBe(1);
    expect(s.band.high).toBeGreaterThanOrEqual(30);
    expect(s.topContent).toEqual([]);
    expect(result.expertise.get(idle)).toEqual([]);
  });

  it('ignores self-interactions, unknown accounts and the future', () => {
    const world = new WorldBuilder();
    const a = world.person();
    const other = world.person(Network.FACEBOOK);
    const post = world.post(a, T0);
    world.react(a, post, InteractionKind.SHARE, T0 + HOUR); // self
    world.account(a, Network.LINKEDIN);
    world.interactions.push({ actorAccountId: world.account(a, Network.LINKEDIN), targetAccountId: world.account(a), targetContentId: post, kind: InteractionKind.LIKE, occurredAt: T0 + HOUR }); // self, other network
    world.interactions.push({ actorAccountId: 999, targetAccountId: world.account(a), targetContentId: post, kind: InteractionKind.LIKE, occurredAt: T0 + HOUR }); // unknown
    world.react(other, post, InteractionKind.LIKE, AS_OF + HOUR); // future
    const result = scorePeople(world.input(AS_OF));
    expect(result.byPerson.get(a)!.score).toBe(1);
    expect(result.stats.ignoredInteractions).toBe(4);
  });
});
