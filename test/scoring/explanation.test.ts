import { describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { compareScores, explainChange, scorePeople, type PersonScore } from '../../server/scoring';
import { DAY, HOUR, T0, WorldBuilder } from './world-builder';

/** An author whose posts each get `reactorsPerPost` likes from a pool of `pool` fans. */
function author(world: WorldBuilder, posts: number, reactorsPerPost: number, at: number, pool = reactorsPerPost * 3): number {
  const person = world.person();
  const fans = world.people(pool);
  for (const [i, post] of world.posts(person, posts, at).entries()) {
    for (let k = 0; k < reactorsPerPost; k++) world.react(fans[(i + k) % fans.length], post, InteractionKind.LIKE, at + HOUR);
  }
  return person;
}

describe('confidence band', () => {
  it('narrows as evidence grows', () => {
    let previousWidth = Infinity;
    for (const size of [1, 3, 10, 30, 100, 300]) {
      const world = new WorldBuilder();
      const person = author(world, size, 4, T0, Math.max(12, size));
      const s = scorePeople(world.input(T0 + DAY)).byPerson.get(person)!;
      const width = s.band.high - s.band.low;
      expect(width).toBeLessThan(previousWidth);
      expect(s.band.low).toBeLessThanOrEqual(s.score);
      expect(s.band.high).toBeGreaterThanOrEqual(s.score);
      previousWidth = width;
    }
    expect(previousWidth).toBeLessThan(3); // ±1.5 points on 300 reactors, 1,200 reactions, 300 posts
  });
});

describe('compareScores', () => {
  /**
   * Two people whose scores land on 51 and 48: the scale's midpoint is placed (it is a setting)
   * so that the first one scores 51.
   */
  function pair(reactorsA: number, reactorsB: number, posts: number): [PersonScore, PersonScore] {
    const world = new WorldBuilder();
    const a = author(world, posts, reactorsA, T0);
    const b = author(world, posts, reactorsB, T0);
    const probe = scorePeople(world.input(T0 + DAY));
    const rawA = probe.byPerson.get(a)!.raw;
    const rawB = probe.byPerson.get(b)!.raw;
    // score = 1 + 99 / (1 + M / raw): choose M for 51 for a; b follows from its raw.
    const midpoint = rawA * (99 / 50 - 1);
    const result = scorePeople(world.input(T0 + DAY, { config: { scale: { rawAtMidpoint: midpoint } } }));
    const scoreB = result.byPerson.get(b)!.score;
    expect(result.byPerson.get(a)!.score).toBe(51);
    expect(scoreB).toBeGreaterThanOrEqual(47.5);
    expect(scoreB).toBeLessThanOrEqual(48.5);
    expect(rawB).toBeLessThan(rawA);
    return [result.byPerson.get(a)!, result.byPerson.get(b)!];
  }

  it('does not call 51 and 48 different on little data', () => {
    const [a, b] = pair(8, 7, 3);
    const verdict = compareScores(a, b);
    expect(verdict.different).toBe(false);
    expect(verdict.higher).toBeNull();
    expect(verdict.reason).toMatch(/overlap/);
  });

  it('calls 51 and 48 different on lots of data', () => {
    const [a, b] = pair(40, 35, 120);
    const verdict = compareScores(a, b);
    expect(verdict.different).toBe(true);
    expect(verdict.higher).toBe('a');
    expect(compareScores(b, a).higher).toBe('b');
  });
});

describe('explainChange', () => {
  it('names the figure that moved, with its before and after values', () => {
    const world = new WorldBuilder();
    const person = world.person();
    const fans = world.people(12);
    // January: 10 posts, each shared by 4 people.
    for (const [i, post] of world.posts(person, 10, T0).entries()) {
      for (let k = 0; k < 4; k++) world.react(fans[(i + k) % 12], post, InteractionKind.SHARE, T0 + HOUR);
    }
    const before = scorePeople(world.input(T0 + 2 * DAY)).byPerson.get(person)!;
    // A week later: 40 more posts, nobody shares them. The January shares still count in full (28
    // days), so only the shares per post move.
    const later = T0 + 7 * DAY;
    world.posts(person, 40, later);
    const after = scorePeople(world.input(later + 2 * DAY)).byPerson.get(person)!;
    const change = explainChange(before, after);
    expect(change.delta).toBe(Math.round((after.score - before.score) * 10) / 10);
    expect(change.delta).toBeLessThan(0);
    const amplification = change.lines.find((line) => line.includes('shares per post'));
    expect(amplification).toMatch(/^\u2212\d+\.\d: shares per post fell from \d+\.\d to \d+\.\d \(posts \d+\.\d → \d+\.\d\)$/);
    expect(amplification).toContain(`from ${before.figures.reactionsPerPost.SHARE.toFixed(1)} to ${after.figures.reactionsPerPost.SHARE.toFixed(1)}`);
    expect(amplification).toContain('shares per post fell from 4.0 to 0.8 (posts 10.0 → 50.0)');
    expect(change.lines[0]).toBe(amplification); // the largest move comes first
    // The lines account for the change.
    const total = change.lines.reduce((sum, line) => sum + Number(line.split(':')[0].replace('\u2212', '-')), 0);
    expect(Math.abs(total - change.delta)).toBeLessThanOrEqual(0.1 * change.lines.length + 0.1);
  });

  it('says so when nothing moved', () => {
    const world = new WorldBuilder();
    const person = author(world, 3, 3, T0);
    const s = scorePeople(world.input(T0 + DAY)).byPerson.get(person)!;
    expect(explainChange(s, s)).toEqual({ delta: 0, lines: ['0.0: no component moved by 0.05 point or more'] });
  });

  it('explains a rise in reach by the people reacting', () => {
    const world = new WorldBuilder();
    const person = world.person();
    const post = world.post(person, T0);
    for (const fan of world.people(3)) world.react(fan, post, InteractionKind.LIKE, T0 + HOUR);
    const before = scorePeople(world.input(T0 + DAY)).byPerson.get(person)!;
    for (const fan of world.people(20)) world.react(fan, post, InteractionKind.LIKE, T0 + DAY + HOUR);
    const after = scorePeople(world.input(T0 + 2 * DAY)).byPerson.get(person)!;
    const change = explainChange(before, after);
    // Every reaction is younger than 28 days: each reactor counts 1.
    expect(change.lines.find((line) => line.includes('people reacting rose'))).toMatch(/^\+\d+\.\d: people reacting rose from 3\.0 to 23\.0$/);
  });
});

describe('components, networks and top contributors', () => {
  it('splits the score into components that add up, and exposes each network', () => {
    const world = new WorldBuilder();
    const person = world.person(Network.TWITTER);
    world.account(person, Network.BLOG);
    const tweet = world.post(person, T0, { network: Network.TWITTER });
    const blogPost = world.post(person, T0, { network: Network.BLOG });
    const fans = world.people(10, Network.TWITTER);
    for (const fan of fans) world.react(fan, tweet, InteractionKind.SHARE, T0 + HOUR);
    for (const fan of fans.slice(0, 3)) world.react(fan, blogPost, InteractionKind.COMMENT, T0 + HOUR);
    const s = scorePeople(world.input(T0 + DAY)).byPerson.get(person)!;
    const sum = Object.values(s.components).reduce((total, c) => total + c.contribution, 0);
    expect(sum).toBeCloseTo(s.score - 1, 0);
    for (const c of Object.values(s.components)) expect(c.contribution).toBeCloseTo(c.value * c.weight * ((sum) / s.raw), 9);
    expect(s.perNetwork.map((n) => n.network)).toEqual([Network.TWITTER, Network.BLOG]);
    expect(s.perNetwork.reduce((total, n) => total + n.share, 0)).toBeCloseTo(1, 12);
    const [twitter, blog] = s.perNetwork;
    expect(twitter.raw).toBeGreaterThan(blog.raw);
    expect(blog.raw).toBeGreaterThan(0);
    // Reactors are counted once overall, so the whole is at most the sum of the networks.
    expect(s.raw).toBeLessThanOrEqual(twitter.raw + blog.raw);
  });

  it('gives a single-network person the same network raw as total raw', () => {
    const world = new WorldBuilder();
    const person = author(world, 5, 3, T0);
    const s = scorePeople(world.input(T0 + DAY)).byPerson.get(person)!;
    expect(s.perNetwork).toHaveLength(1);
    expect(s.perNetwork[0].raw).toBeCloseTo(s.raw, 12);
    expect(s.perNetwork[0].score).toBe(s.score);
  });

  it('lists the content and engagers that contributed most, best first', () => {
    const world = new WorldBuilder();
    const person = world.person();
    const [hit, ok, flop] = world.posts(person, 3, T0);
    const fans = world.people(30);
    fans.forEach((fan, i) => world.react(fan, hit, InteractionKind.SHARE, T0 + HOUR + i));
    fans.slice(0, 5).forEach((fan) => world.react(fan, ok, InteractionKind.LIKE, T0 + HOUR));
    const superFan = fans[7];
    for (let k = 0; k < 10; k++) world.react(superFan, ok, InteractionKind.COMMENT, T0 + 2 * HOUR + k);
    const s = scorePeople(world.input(T0 + DAY)).byPerson.get(person)!;
    expect(s.topContent.map((c) => c.contentId)).toEqual([hit, ok]);
    expect(s.topContent.some((c) => c.contentId === flop)).toBe(false);
    expect(s.topEngagers).toHaveLength(5);
    expect(s.topEngagers[0].personId).toBe(superFan);
    for (let i = 1; i < 5; i++) expect(s.topEngagers[i].contribution).toBeLessThanOrEqual(s.topEngagers[i - 1].contribution);
    const contentTotal = s.topContent.reduce((sum, c) => sum + c.contribution, 0);
    expect(contentTotal).toBeLessThanOrEqual(s.score - 1 + 0.05);
  });
});
