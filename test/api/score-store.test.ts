import { describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { ContentKind } from '#shared/interactions';
import { explainChange, scorePeople } from '../../server/scoring';
import { PackedText, packBreakdown, packScore, unpackScore } from '../../server/services/scoring/score-store';

const DAY = 86_400_000;
const asOf = Date.UTC(2026, 10, 1);

function world(extraShares: number) {
  const accounts = [1, 2, 3, 4].map((id) => ({ id, personId: id, network: Network.TWITTER, followers: 100 * id, following: 10 }));
  accounts.push({ id: 5, personId: 1, network: Network.BLOG, followers: 0, following: 0 });
  const content = [{ id: 10, authorAccountId: 1, network: Network.TWITTER, kind: ContentKind.POST, postedAt: asOf - 3 * DAY, topicIds: [] }];
  const interactions = [2, 3, 4].map((actor) => ({ actorAccountId: actor, targetAccountId: 1, targetContentId: 10, kind: InteractionKind.LIKE, occurredAt: asOf - DAY }));
  for (let i = 0; i < extraShares; i++) interactions.push({ actorAccountId: 2 + (i % 3), targetAccountId: 1, targetContentId: 10, kind: InteractionKind.SHARE, occurredAt: asOf - DAY + i });
  return scorePeople({ asOf, accounts, content, interactions }).byPerson.get(1)!;
}

describe('packed scores', () => {
  it('keep every figure a current score shows, to four significant digits', () => {
    const score = world(2);
    const back = unpackScore(packScore(score), packBreakdown(score));
    expect(back.score).toBe(score.score);
    expect(back.band).toEqual(score.band);
    expect(back.perNetwork.map((n) => n.network)).toEqual(score.perNetwork.map((n) => n.network));
    expect(back.topContent.map((c) => c.contentId)).toEqual(score.topContent.map((c) => c.contentId));
    expect(back.topEngagers.map((e) => e.personId)).toEqual(score.topEngagers.map((e) => e.personId));
    for (const name of ['reach', 'amplification', 'networkImpact', 'conversation'] as const) {
      expect(back.components[name].contribution).toBeCloseTo(score.components[name].contribution, 3);
    }
    expect(back.figures.reactionsPerPost.SHARE).toBeCloseTo(score.figures.reactionsPerPost.SHARE, 3);
  });

  it('read rows written before the breakdown had a column (lists at the end of details) the same way', () => {
    const score = world(2);
    expect(score.perNetwork.length).toBeGreaterThan(0);
    const before = `${packScore(score).slice(0, -1)},${packBreakdown(score).slice(1)}`;
    expect(unpackScore(before, '[]')).toEqual(unpackScore(packScore(score), packBreakdown(score)));
  });

  it('explain a change between two snapshots as the full scores would', () => {
    const before = world(0);
    const after = world(6);
    const packed = explainChange(unpackScore(packScore(before)), unpackScore(packScore(after)));
    expect(packed).toEqual(explainChange(before, after));
    expect(packed.lines.join(' ')).toMatch(/shares per post/);
  });
});

describe('PackedText', () => {
  it('writes numbers exactly as String(Math.round(v * 1e4) / 1e4) would', () => {
    const round4 = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0);
    const values = [0, -0, 1, -1, 0.5, 2.9, 99.95, 0.00004, 0.00005, -0.00005, 1e-9, 1.00005, 214748.3647, 214748.3648, -214748.3648,
      2_147_483_647, 2_147_483_648, -2_147_483_648, 123_456_789_012, 1e12 + 0.25, 1e21, NaN, Infinity, -Infinity];
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 20000; i++) {
      const r = random();
      values.push([r, -r * 10, r * 1e5, Math.round(r * 1e6), r * 1e-3, r * 3e9, Math.round(r * 1e4) / 1e4][i % 7]);
    }
    const text = new PackedText(16);
    for (const v of values) text.fixed4(v).comma();
    expect(text.take()).toBe(values.map((v) => `${String(round4(v))},`).join(''));
  });
});
