import { describe, expect, it } from 'vitest';
import { InteractionKind } from '#shared/interactions';
import {
  computeNetworkImpact,
  interactionAt,
  prepareScoring,
  scorePeople,
  toInteractionColumns,
  toInteractionRecords,
  UNKNOWN_KIND,
  type ScoringInteraction,
} from '../../server/scoring';
import { SeededRandom } from '../../server/scoring/testing/random';
import { generateWorld, WORLD_TOPIC_EDGES } from '../../server/scoring/testing/synthetic-world';
import { exactJson } from './world-builder';

/**
 * The full rescore hands the engine its interactions as typed columns, and streams people one at
 * a time (prepareScoring): both must give exactly what records and scorePeople give.
 */
describe('interactions as columns', () => {
  const world = generateWorld({ people: 300, interactions: 6000, seed: 41 });
  // Edge cases the database can hold: a future interaction, an unknown kind, unknown accounts and content.
  const odd: ScoringInteraction[] = [
    { ...world.interactions[0], occurredAt: world.asOf + 1 },
    { ...world.interactions[1], kind: 'POKE' as InteractionKind },
    { ...world.interactions[2], actorAccountId: 987_654_321 },
    { ...world.interactions[3], targetContentId: 987_654_321 },
  ];
  const records = [...world.interactions, ...odd];
  const input = { ...world, interactions: records, topicEdges: WORLD_TOPIC_EDGES };

  it('score every person bit for bit as the same records do, whatever their order', () => {
    const expected = exactJson(scorePeople(input));
    expect(exactJson(scorePeople({ ...input, interactions: toInteractionColumns(records) }))).toBe(expected);
    const shuffled = new SeededRandom(7).shuffle([...records]);
    expect(exactJson(scorePeople({ ...input, interactions: toInteractionColumns(shuffled) }))).toBe(expected);
    // The future one, the unknown kind and the unknown actor are left out; the unknown content still counts, on its account.
    const ignored = scorePeople({ ...input, interactions: toInteractionColumns(records) }).stats.ignoredInteractions;
    expect(ignored).toBe(scorePeople({ ...input, interactions: world.interactions }).stats.ignoredInteractions + 3);
  });

  it('give the same network impact', () => {
    const fromRecords = computeNetworkImpact(world.accounts, records, world.asOf);
    expect(exactJson(computeNetworkImpact(world.accounts, toInteractionColumns(records), world.asOf))).toBe(exactJson(fromRecords));
  });

  it('turn back into the records they came from', () => {
    const columns = toInteractionColumns(records);
    expect(columns.count).toBe(records.length);
    expect(columns.kind[world.interactions.length + 1]).toBe(UNKNOWN_KIND);
    const back = toInteractionRecords(columns);
    for (let i = 0; i < world.interactions.length; i++) expect(back[i]).toEqual({ ...records[i], targetContentId: records[i].targetContentId ?? null });
    expect(interactionAt(columns, world.interactions.length + 1).kind).toBe('UNKNOWN');
  });
});

describe('prepareScoring', () => {
  it('scores each person as scorePeople does, one at a time, with the same expertise and impact', () => {
    const world = generateWorld({ people: 200, interactions: 4000, seed: 42 });
    const input = { ...world, topicEdges: WORLD_TOPIC_EDGES };
    const all = scorePeople(input);
    const prepared = prepareScoring(input);
    expect(prepared.count).toBe(all.people.length);
    // Any order, any number of times: each call scores from the shared state alone.
    for (const i of [5, 0, prepared.count - 1, 5]) expect(exactJson(prepared.score(i))).toBe(exactJson(all.people[i]));
    const streamed = Array.from({ length: prepared.count }, (_, i) => prepared.score(i));
    expect(exactJson(streamed)).toBe(exactJson(all.people));
    expect(exactJson(prepared.expertise())).toBe(exactJson(all.expertise));
    expect(exactJson(prepared.networkImpact)).toBe(exactJson(all.networkImpact));
    expect(prepared.stats).toEqual(all.stats);
  });
});
