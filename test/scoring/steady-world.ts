import { InteractionKind } from '#shared/interactions';
import { NETWORKS } from '#shared/networks';
import { SeededRandom } from '../../server/scoring/testing/random';
import { DAY, HOUR, T0, WorldBuilder } from './world-builder';

/**
 * A world where nobody's behaviour or audience changes: every person posts the same number of
 * posts every day, and each member of their (fixed) audience reacts with a fixed daily chance and
 * a fixed favourite kind; authors reply back to some reactors at a fixed rate.
 */
export function steadyWorld(seed: number, days: number): { world: WorldBuilder; people: number[] } {
  const random = new SeededRandom(seed);
  const world = new WorldBuilder();
  const count = random.between(15, 30);
  const people = Array.from({ length: count }, () => world.person(random.pick(NETWORKS), random.int(5000)));
  const kinds = [InteractionKind.LIKE, InteractionKind.SHARE, InteractionKind.COMMENT, InteractionKind.REPLY, InteractionKind.CLICK];
  const profiles = people.map((person) => ({
    person,
    postsPerDay: random.between(1, 3),
    replyBackChance: random.next() * 0.5,
    audience: people
      .filter((other) => other !== person && random.chance(0.35))
      .map((member) => ({ member, chance: 0.3 + random.next() * 0.6, kind: random.pick(kinds) })),
  }));
  for (let day = 0; day < days; day++) {
    for (const profile of profiles) {
      const dayStart = T0 + day * DAY;
      const posts = world.posts(profile.person, profile.postsPerDay, dayStart + 8 * HOUR);
      for (const { member, chance, kind } of profile.audience) {
        if (!random.chance(chance)) continue;
        const at = dayStart + 9 * HOUR + random.int(12 * HOUR);
        world.react(member, random.pick(posts), kind, at);
        if (random.chance(profile.replyBackChance)) world.touch(profile.person, member, InteractionKind.REPLY, at + HOUR, world.accounts[world.account(member) - 1].network);
      }
    }
  }
  return { world, people };
}
