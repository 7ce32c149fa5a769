import { describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { explainChange, relativeRankOf, scorePeople } from '../../server/scoring';
import { DAY, HOUR, WorldBuilder } from './world-builder';

/** The worked example of server/scoring/README.md: if this test has to change, update the README. */
describe('the README worked example', () => {
  const T = Date.UTC(2026, 5, 1, 12);
  const world = new WorldBuilder();
  const ada = world.person(Network.TWITTER, 2_000);
  world.account(ada, Network.BLOG);
  const [ben, cleo, dan, eve] = world.people(4);
  const tweet1 = world.post(ada, T);
  const tweet2 = world.post(ada, T);
  const blogPost = world.post(ada, T - 2 * HOUR, { network: Network.BLOG });
  const oldTweet = world.post(ada, T - 30 * DAY);
  world.react(ben, tweet1, InteractionKind.SHARE, T);
  world.react(ben, tweet2, InteractionKind.LIKE, T);
  world.react(cleo, oldTweet, InteractionKind.LIKE, T - 30 * DAY);
  for (const other of world.people(40)) world.react(cleo, world.post(other, T), InteractionKind.LIKE, T);
  world.react(dan, blogPost, InteractionKind.COMMENT, T - HOUR);
  world.touch(ada, dan, InteractionKind.REPLY, T, Network.BLOG); // Ada answers Dan
  const evePost = world.post(eve, T);
  for (const fan of world.people(30)) world.react(fan, evePost, InteractionKind.LIKE, T);
  world.react(eve, tweet1, InteractionKind.LIKE, T);

  const result = scorePeople(world.input(T));
  const s = result.byPerson.get(ada)!;
  const rankOf = (person: number) => relativeRankOf(result.networkImpact, person)!;

  it('has the figures the README quotes', () => {
    expect(s.evidence.distinctReactors).toBeCloseTo(3.5, 2);
    expect(s.evidence.contentCount).toBeCloseTo(3.5, 2);
    expect(rankOf(eve)).toBeCloseTo(15.83, 2);
    for (const reactor of [ben, cleo, dan]) expect(rankOf(reactor)).toBeCloseTo(0.6, 2);
    const c = s.components;
    expect([c.reach.value, c.amplification.value, c.networkImpact.value, c.conversation.value].map((v) => v.toFixed(2))).toEqual(['3.64', '1.41', '9.37', '1.46']);
    expect([c.reach.contribution, c.amplification.contribution, c.networkImpact.contribution, c.conversation.contribution].map((v) => v.toFixed(1))).toEqual([
      '6.6',
      '1.3',
      '17.0',
      '1.3',
    ]);
    expect(s.raw.toFixed(2)).toBe('14.44');
    expect(s.score).toBe(27.3);
    expect(s.band).toEqual({ low: 15.1, high: 39.5 });
    expect(s.topEngagers.map((e) => [e.personId, Number(e.contribution.toFixed(1))])).toEqual([
      [eve, 13.7],
      [ben, 5.5],
      [dan, 5.3],
      [cleo, 0.7],
    ]);
    expect(s.perNetwork.map((n) => [n.network, n.raw.toFixed(2), n.share.toFixed(2), n.score])).toEqual([
      [Network.TWITTER, '11.73', '0.77', 23.4],
      [Network.BLOG, '3.44', '0.23', 8.8],
    ]);
  });

  it('explains the month after, when nothing new happens', () => {
    const later = scorePeople(world.input(T + 30 * DAY)).byPerson.get(ada)!;
    expect(later.score).toBe(20.3);
    expect(explainChange(s, later)).toEqual({
      delta: -7,
      lines: [
        '\u22126.7: people reacting, weighted by their influence fell from 9.4 to 5.2',
        '\u22120.5: conversations (replies and comments, both ways) fell from 2.0 to 1.0',
        '+0.3: engagement per post rose from 1.41 to 1.63 (posts 3.5 → 1.7)',
        '\u22120.2: people reacting fell from 3.5 to 1.7',
      ],
    });
  });
});
