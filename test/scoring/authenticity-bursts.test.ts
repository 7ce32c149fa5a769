import { describe, expect, it } from 'vitest';
import { FlagKind, FlagRole } from '#shared/authenticity';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { detectAuthenticity, type ScoringAccount, type ScoringContent, type ScoringInteraction } from '../../server/scoring';
import { SeededRandom } from '../../server/scoring/testing/random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 9, 1);
const DAYS = 30;

/**
 * A popular Instagram account that posts three photos at 18:00 every day. Each day 300 of its 3,000
 * small fans (no posts, a handful of followers: thin accounts) like two or three of them within the
 * hour, and others like one now and then through the day; the fans like other accounts' posts too.
 * Its busiest hour is every day's 18:00, some twenty times its average hour.
 */
function popularAccount(seed = 7) {
  const random = new SeededRandom(seed);
  const accounts: ScoringAccount[] = [{ id: 1, personId: 1, network: Network.INSTAGRAM, followers: 1_200_000, following: 300 }];
  const content: ScoringContent[] = [];
  const interactions: ScoringInteraction[] = [];
  let nextContent = 1;
  const post = (author: number, postedAt: number) => {
    const c = { id: nextContent++, authorAccountId: author, network: Network.INSTAGRAM, kind: ContentKind.POST, postedAt, topicIds: [] };
    content.push(c);
    return c;
  };
  const like = (actor: number, c: ScoringContent, at: number) =>
    interactions.push({ actorAccountId: actor, targetAccountId: c.authorAccountId, targetContentId: c.id, kind: InteractionKind.LIKE, occurredAt: at });
  // Other accounts the fans also like.
  const others: ScoringContent[] = [];
  for (let o = 0; o < 20; o++) {
    accounts.push({ id: 10 + o, personId: 10 + o, network: Network.INSTAGRAM, followers: 5_000 + o, following: 400 });
    for (let d = 0; d < DAYS; d += 3) others.push(post(10 + o, START + d * DAY + 9 * HOUR));
  }
  const fans = Array.from({ length: 3000 }, (_, i) => 1000 + i);
  for (const f of fans) accounts.push({ id: f, personId: f, network: Network.INSTAGRAM, followers: random.int(6), following: 80 });
  const daily: ScoringContent[][] = [];
  for (let d = 0; d < DAYS; d++) {
    const posts = [0, 1, 2].map((k) => post(1, START + d * DAY + 18 * HOUR + k * MINUTE));
    daily.push(posts);
    for (let k = 0; k < 300; k++) {
      const fan = fans[random.int(fans.length)];
      for (const p of posts) if (random.chance(0.8)) like(fan, p, p.postedAt + random.between(1, 55) * MINUTE);
    }
    // Through the day, single likes on recent posts.
    for (let k = 0; k < 150; k++) {
      const p = daily[Math.max(0, d - random.int(3))][random.int(3)];
      like(fans[random.int(fans.length)], p, Math.max(p.postedAt + MINUTE, START + d * DAY + random.int(DAY)));
    }
  }
  // The fans like the other accounts' posts as much as the popular one's.
  for (const f of fans) for (let k = 0; k < 6; k++) {
    const p = others[random.int(others.length)];
    like(f, p, p.postedAt + random.between(1, 48 * 60) * MINUTE);
  }
  return { asOf: START + DAYS * DAY, accounts, content, interactions, daily };
}

describe('bursts against the account’s own rhythm', () => {
  it('a popular account whose small fans like several posts within the hour after it posts, every day, is not flagged', () => {
    const world = popularAccount();
    const result = detectAuthenticity(world);
    expect(result.flags.map((f) => `${f.key}: ${f.evidence.summary}`).slice(0, 3)).toEqual([]);
  });

  it('likes bought for it, about five times its usual busiest hour, are a burst, and only the bots are in it', () => {
    const world = popularAccount();
    const random = new SeededRandom(3);
    const posts = world.daily[24];
    const start = posts[0].postedAt + 9 * HOUR; // 03:00, the night after
    const bots = Array.from({ length: 1200 }, (_, i) => 100_000 + i);
    for (const b of bots) {
      world.accounts.push({ id: b, personId: b, network: Network.INSTAGRAM, followers: random.int(3), following: random.int(9) });
      for (const p of posts) world.interactions.push({ actorAccountId: b, targetAccountId: 1, targetContentId: p.id, kind: InteractionKind.LIKE, occurredAt: start + random.int(HOUR) });
    }
    const result = detectAuthenticity(world);
    const burst = result.flags.find((f) => f.kind === FlagKind.BURST && f.role === FlagRole.BENEFICIARY);
    expect(burst?.personId).toBe(1);
    expect(burst?.evidence.interactionCount).toBe(3600);
    expect(burst?.evidence.figures.usualDailyPeak).toBeGreaterThan(500);
    const actors = new Set(result.flags.filter((f) => f.kind === FlagKind.BURST && f.role === FlagRole.ACTOR).map((f) => f.personId));
    expect(actors).toEqual(new Set(bots));
    expect(result.flags.filter((f) => f.kind !== FlagKind.BURST)).toEqual([]);
  });
});
