import { describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { explainChange, onwardAudienceOf, scorePeople } from '../../server/scoring';
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
  const oldTweet = world.post(ada, T - 58 * DAY);
  world.react(ben, tweet1, InteractionKind.SHARE, T);
  world.react(ben, tweet2, InteractionKind.LIKE, T);
  world.react(cleo, oldTweet, InteractionKind.LIKE, T - 58 * DAY);
  // Cleo likes everything: 1,500 likes in the last three weeks on the posts of 10 accounts she follows.
  const followed = world.people(10).map((person) => world.post(person, T - 21 * DAY));
  for (let k = 0; k < 1500; k++) world.react(cleo, followed[k % 10], InteractionKind.LIKE, T - k * 20 * 60_000);
  world.react(dan, blogPost, InteractionKind.COMMENT, T - HOUR);
  world.touch(ada, dan, InteractionKind.REPLY, T, Network.BLOG); // Ada answers Dan
  const evePost = world.post(eve, T);
  for (const fan of world.people(30)) world.react(fan, evePost, InteractionKind.LIKE, T);
  world.react(eve, tweet1, InteractionKind.LIKE, T);

  const result = scorePeople(world.input(T));
  const s = result.byPerson.get(ada)!;
  const impact = result.networkImpact;
  const onward = (person: number) => onwardAudienceOf(impact, person)!;

  it('has the figures the README quotes', () => {
    expect(s.evidence).toEqual({ distinctReactors: 3.5, reactions: 4.5, contentCount: 3.5, conversations: 2 });
    // One community of 45 people. k = audience (distinct reactors): Ada 4, Eve 30, each account Cleo follows 1,
    // everyone else 0 (Ada's answer to Dan is a reply-back, not a reaction proper). Σk = 44, Σk² = 926, so λ = 2 × 44 / 926.
    expect(new Set(impact.transmissibility)).toEqual(new Set([(2 * 44) / 926]));
    expect(onward(eve)).toBeCloseTo(28.62, 2);
    for (const reactor of [ben, cleo]) expect(onward(reactor)).toBe(0);
    expect(onward(dan)).toBeCloseTo(2.6, 2); // Ada's answer: her own walk back, which Dan's influence on her behalf leaves out
    expect(s.figures.reactorSelectivity).toBeCloseTo(0.947, 3);
    expect(s.figures.reactorInfluence).toBeCloseTo(1.46, 2);
    const c = s.components;
    expect([c.reach.value, c.amplification.value, c.networkImpact.value, c.conversation.value].map((v) => v.toFixed(2))).toEqual(['3.64', '1.41', '7.19', '1.46']);
    expect([c.reach.weight, c.amplification.weight, c.networkImpact.weight, c.conversation.weight]).toEqual([0.5, 0.25, 1, 0]);
    expect([c.reach.contribution, c.amplification.contribution, c.networkImpact.contribution, c.conversation.contribution].map((v) => v.toFixed(1))).toEqual([
      '3.7',
      '0.7',
      '14.4',
      '0.0',
    ]);
    expect(s.raw.toFixed(2)).toBe('9.36');
    expect(s.score).toBe(19.8);
    expect(s.band).toEqual({ low: 7.6, high: 32 });
    expect(s.topEngagers.map((e) => [e.personId, Number(e.contribution.toFixed(1))])).toEqual([
      [eve, 7.2],
      [ben, 6.3],
      [dan, 4.1],
      [cleo, 0.6],
    ]);
    expect(s.perNetwork.map((n) => [n.network, n.raw.toFixed(2), n.share.toFixed(2), n.score])).toEqual([
      [Network.TWITTER, '7.40', '0.76', 16.5],
      [Network.BLOG, '2.32', '0.24', 6.4],
    ]);
  });

  it('lifts Dan with Ada’s answer, at no cost to Ada', () => {
    const unanswered = world.clone();
    unanswered.interactions.splice(
      unanswered.interactions.findIndex((i) => i.kind === InteractionKind.REPLY),
      1,
    );
    const without = scorePeople(unanswered.input(T));
    expect(without.byPerson.get(ada)!.raw).toBe(s.raw);
    expect(without.networkImpact.transmissibility).toEqual(impact.transmissibility); // a reply-back never moves λ
    expect(without.byPerson.get(dan)!.score).toBe(1);
    expect(result.byPerson.get(dan)!.score).toBe(8.6);
  });

  it('explains two months later, when nothing new happens', () => {
    const later = scorePeople(world.input(T + 58 * DAY)).byPerson.get(ada)!;
    expect(later.score).toBe(12.9);
    expect(explainChange(s, later)).toEqual({
      delta: -6.9,
      lines: [
        '\u22126.9: people reacting, weighted by their influence fell from 7.2 to 3.4',
        '+0.2: shares per post held at 0.3 (posts 3.5 → 1.6)',
        '\u22120.2: people reacting fell from 3.5 to 1.6',
      ],
    });
  });
});
