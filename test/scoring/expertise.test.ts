import { describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import { checkKGrant, DEFAULT_SCORING_CONFIG, nextTopicActive, scorePeople, type KGrant, type TopicExpertise } from '../../server/scoring';
import { DAY, HOUR, T0, WorldBuilder } from './world-builder';

const ONTOLOGY = [
  { parentId: 'sports', childId: 'basketball' },
  { parentId: 'basketball', childId: 'nba' },
  { parentId: 'sports', childId: 'football' },
  { parentId: 'tech', childId: 'ai' },
];

function expertiseOf(list: TopicExpertise[] | undefined, topicId: string): TopicExpertise | undefined {
  return list?.find((t) => t.topicId === topicId);
}

/** A person with `posts` posts on `topics`, each liked by `likes` distinct fans. */
function writer(world: WorldBuilder, topics: string[], posts: number, likes: number, at = T0): number {
  const person = world.person();
  const fans = world.people(likes);
  for (const post of world.posts(person, posts, at, { topics })) for (const fan of fans) world.react(fan, post, InteractionKind.LIKE, at + HOUR);
  return person;
}

describe('topic expertise', () => {
  it('comes from engaged content and flows up the ontology: nba → basketball → sports', () => {
    const world = new WorldBuilder();
    const fan = writer(world, ['nba'], 6, 5);
    const list = scorePeople(world.input(T0 + DAY, { topicEdges: ONTOLOGY })).expertise.get(fan)!;
    const nba = expertiseOf(list, 'nba')!.expertise;
    const basketball = expertiseOf(list, 'basketball')!.expertise;
    const sports = expertiseOf(list, 'sports')!.expertise;
    expect(nba).toBeGreaterThan(basketball);
    expect(basketball).toBeGreaterThan(sports);
    expect(sports).toBeGreaterThan(0);
    expect(expertiseOf(list, 'football')).toBeUndefined();
    expect(expertiseOf(list, 'tech')).toBeUndefined();
    expect(list.map((t) => t.expertise)).toEqual([...list.map((t) => t.expertise)].sort((a, b) => b - a));
    // Without the ontology nothing flows.
    const flat = scorePeople(world.input(T0 + DAY)).expertise.get(fan)!;
    expect(flat.map((t) => t.topicId)).toEqual(['nba']);
  });

  it('adds up what children pass to a shared parent', () => {
    const world = new WorldBuilder();
    const person = world.person();
    const fans = world.people(5);
    for (const post of [...world.posts(person, 3, T0, { topics: ['nba'] }), ...world.posts(person, 3, T0, { topics: ['football'] })]) {
      for (const fan of fans) world.react(fan, post, InteractionKind.LIKE, T0 + HOUR);
    }
    const onlyNba = new WorldBuilder();
    const other = writer(onlyNba, ['nba'], 3, 5);
    const both = scorePeople(world.input(T0 + DAY, { topicEdges: ONTOLOGY })).expertise.get(person)!;
    const one = scorePeople(onlyNba.input(T0 + DAY, { topicEdges: ONTOLOGY })).expertise.get(other)!;
    expect(expertiseOf(both, 'sports')!.expertise).toBeGreaterThan(expertiseOf(one, 'sports')!.expertise);
  });

  it('needs engagement: posting about a topic alone earns nothing', () => {
    const world = new WorldBuilder();
    const person = world.person();
    world.posts(person, 50, T0, { topics: ['nba'] });
    expect(scorePeople(world.input(T0 + DAY, { topicEdges: ONTOLOGY })).expertise.get(person)).toEqual([]);
  });

  it('splits a post’s credit among its topics, so tagging more topics does not multiply it', () => {
    const world = new WorldBuilder();
    const single = writer(world, ['ai'], 4, 5);
    const tagged = writer(world, ['ai', 'nba', 'football', 'sports'], 4, 5);
    const result = scorePeople(world.input(T0 + DAY));
    expect(expertiseOf(result.expertise.get(single), 'ai')!.expertise).toBeGreaterThan(expertiseOf(result.expertise.get(tagged), 'ai')!.expertise);
  });

  it('enters a topic above one threshold and leaves it only below a lower one', () => {
    const { enterThreshold, leaveThreshold } = DEFAULT_SCORING_CONFIG.topics;
    expect(leaveThreshold).toBeLessThan(enterThreshold);
    expect(nextTopicActive(false, enterThreshold - 0.1, DEFAULT_SCORING_CONFIG.topics)).toBe(false);
    expect(nextTopicActive(false, enterThreshold, DEFAULT_SCORING_CONFIG.topics)).toBe(true);
    expect(nextTopicActive(true, leaveThreshold, DEFAULT_SCORING_CONFIG.topics)).toBe(true);
    expect(nextTopicActive(true, leaveThreshold - 0.1, DEFAULT_SCORING_CONFIG.topics)).toBe(false);
    // Hovering around the entry threshold does not flap: one transition, then stable.
    let active = false;
    let transitions = 0;
    for (const value of [30, 38, 41, 39, 42, 37, 40.5, 36, 33, 39]) {
      const next = nextTopicActive(active, value, DEFAULT_SCORING_CONFIG.topics);
      if (next !== active) transitions++;
      active = next;
    }
    expect(transitions).toBe(1);
    expect(active).toBe(true);
  });

  it('carries hysteresis and gradual fading through the previous result', () => {
    const world = new WorldBuilder();
    const person = writer(world, ['ai'], 5, 6); // about creditAtHalf of credit: expertise near 50
    const first = scorePeople(world.input(T0 + DAY));
    const start = expertiseOf(first.expertise.get(person), 'ai')!;
    expect(start.expertise).toBeGreaterThanOrEqual(DEFAULT_SCORING_CONFIG.topics.enterThreshold);
    expect(start.expertise).toBeLessThan(60);
    expect(start.active).toBe(true);

    // The likes count in full for 28 days, then halve every 30: 60 days on, without history the
    // expertise has fallen between the thresholds. A newcomer at this level is not active, but the
    // person who was stays active.
    const within = expertiseOf(scorePeople(world.input(T0 + 28 * DAY)).expertise.get(person), 'ai')!;
    expect(within.expertise).toBe(start.expertise);
    const later = T0 + 60 * DAY;
    const fresh = expertiseOf(scorePeople(world.input(later)).expertise.get(person), 'ai')!;
    expect(fresh.expertise).toBeLessThan(DEFAULT_SCORING_CONFIG.topics.enterThreshold);
    expect(fresh.expertise).toBeGreaterThanOrEqual(DEFAULT_SCORING_CONFIG.topics.leaveThreshold);
    expect(fresh.active).toBe(false);
    const carried = expertiseOf(scorePeople(world.input(later, { previousExpertise: first })).expertise.get(person), 'ai')!;
    expect(carried.active).toBe(true);

    // If the content vanishes, expertise fades by half per fade half-life instead of dropping to 0.
    const emptied = scorePeople({ ...world.input(T0 + 31 * DAY, { previousExpertise: first }), content: [], interactions: [] });
    const faded = expertiseOf(emptied.expertise.get(person), 'ai')!;
    expect(faded.expertise).toBeCloseTo(start.expertise / 2, 0);
    expect(scorePeople({ ...world.input(T0 + 31 * DAY), content: [], interactions: [] }).expertise.get(person)).toEqual([]);
  });
});

describe('+K', () => {
  it('weighs more when the giver has expertise in the topic, and flows up too', () => {
    const world = new WorldBuilder();
    const expert = writer(world, ['nba'], 8, 8);
    const layman = world.person();
    const byExpert = world.person();
    const byLayman = world.person();
    world.grant(expert, byExpert, 'nba', T0 + HOUR);
    world.grant(layman, byLayman, 'nba', T0 + HOUR);
    world.grant(byLayman, byLayman, 'nba', T0 + HOUR); // to oneself: ignored
    const result = scorePeople(world.input(T0 + DAY, { topicEdges: ONTOLOGY }));
    const a = expertiseOf(result.expertise.get(byExpert), 'nba')!.expertise;
    const b = expertiseOf(result.expertise.get(byLayman), 'nba')!.expertise;
    expect(a).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(0);
    expect(expertiseOf(result.expertise.get(byExpert), 'sports')!.expertise).toBeGreaterThan(0);
    const withoutSelf = new WorldBuilder();
    const alone = withoutSelf.person();
    withoutSelf.person();
    withoutSelf.grant(alone, alone, 'nba', T0 + HOUR);
    expect(scorePeople(withoutSelf.input(T0 + DAY)).expertise.get(alone)).toEqual([]);
  });
});

describe('checkKGrant', () => {
  const now = T0 + 100 * DAY;
  const grant = (giver: number, receiver: number, topicId: string, givenAt: number): KGrant => ({ giverPersonId: giver, receiverPersonId: receiver, topicId, givenAt });

  it('accepts an ordinary grant', () => {
    expect(checkKGrant([], grant(1, 2, 'nba', now), now)).toEqual({ ok: true });
  });

  it('refuses +K to oneself, in the future, or without a topic', () => {
    expect(checkKGrant([], grant(1, 1, 'nba', now), now)).toMatchObject({ ok: false, rule: 'SELF' });
    expect(checkKGrant([], grant(1, 2, 'nba', now + 1), now)).toMatchObject({ ok: false, rule: 'NOT_YET' });
    expect(checkKGrant([], grant(1, 2, ' ', now), now)).toMatchObject({ ok: false, rule: 'NO_TOPIC' });
  });

  it('allows 5 a day per giver, over a rolling 24 hours', () => {
    const five = [2, 3, 4, 5, 6].map((receiver, i) => grant(1, receiver, 'nba', now - (20 - i) * HOUR));
    expect(checkKGrant(five.slice(0, 4), grant(1, 7, 'nba', now), now)).toEqual({ ok: true });
    expect(checkKGrant(five, grant(1, 7, 'nba', now), now)).toMatchObject({ ok: false, rule: 'DAILY_LIMIT' });
    // Once the oldest is more than 24 hours old, there is room again.
    expect(checkKGrant(five, grant(1, 7, 'nba', now + 4 * HOUR + 1), now + 4 * HOUR + 1)).toEqual({ ok: true });
    // Other givers' grants do not count.
    const others = five.map((g) => ({ ...g, giverPersonId: 9 }));
    expect(checkKGrant(others, grant(1, 7, 'nba', now), now)).toEqual({ ok: true });
  });

  it('allows one grant per giver, receiver and topic per month', () => {
    const earlier = [grant(1, 2, 'nba', now - 29 * DAY)];
    expect(checkKGrant(earlier, grant(1, 2, 'nba', now), now)).toMatchObject({ ok: false, rule: 'PAIR_TOPIC_COOLDOWN' });
    expect(checkKGrant(earlier, grant(1, 2, 'football', now), now)).toEqual({ ok: true });
    expect(checkKGrant(earlier, grant(1, 3, 'nba', now), now)).toEqual({ ok: true });
    expect(checkKGrant(earlier, grant(4, 2, 'nba', now), now)).toEqual({ ok: true });
    expect(checkKGrant([grant(1, 2, 'nba', now - 31 * DAY)], grant(1, 2, 'nba', now), now)).toEqual({ ok: true });
  });
});
