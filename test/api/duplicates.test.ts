import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { hashStoredTexts } from '../../server/db/migrations/1732000000700-content-text-hash';
import { textHash } from '../../server/scoring';
import type { IngestBatch } from '../../server/services/ingest.records';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { content { created } } }`;
const HOUR = 3_600_000;
const COPY = 'Our new sneakers are out now, grab yours today';

/**
 * A copier posts one text four times (case and spacing differ: the hash normalises them) and leaves
 * one comment twice on a fan's post; an honest author posts four different texts.
 */
function copiesAndOriginals(now: number): IngestBatch {
  const batch: Required<IngestBatch> = { people: [], accounts: [], content: [], interactions: [] };
  for (const who of ['copier', 'honest', 'fan']) {
    batch.people.push({ externalId: `dup-${who}`, displayName: `Dup ${who}` });
    batch.accounts.push({ network: Network.FACEBOOK, externalId: `dup-fb-${who}`, personExternalId: `dup-${who}`, handle: `dup.${who}`, followersCount: 300, followingCount: 200 });
  }
  const variants = [COPY, COPY.toUpperCase(), `  ${COPY.replace(/ /g, '  ')} `, COPY];
  variants.forEach((text, i) => {
    batch.content.push({ network: Network.FACEBOOK, externalId: `dup-copy${i}`, kind: ContentKind.POST, authorExternalId: 'dup-fb-copier', text, postedAt: now - (10 - i) * HOUR });
    batch.content.push({ network: Network.FACEBOOK, externalId: `dup-orig${i}`, kind: ContentKind.POST, authorExternalId: 'dup-fb-honest', text: `Honest post number ${i} about running`, postedAt: now - (10 - i) * HOUR });
  });
  batch.content.push({ network: Network.FACEBOOK, externalId: 'dup-fanpost', kind: ContentKind.POST, authorExternalId: 'dup-fb-fan', text: 'A fan post about trail running', postedAt: now - 9 * HOUR });
  for (const [i, at] of [now - 8 * HOUR, now - 7 * HOUR].entries()) {
    batch.content.push({ network: Network.FACEBOOK, externalId: `dup-comment${i}`, kind: ContentKind.COMMENT, authorExternalId: 'dup-fb-copier', parentExternalId: 'dup-fanpost', text: 'Check out my profile for deals!', postedAt: at });
    batch.interactions.push({ network: Network.FACEBOOK, externalId: `dup-comment${i}-i`, kind: InteractionKind.COMMENT, actorExternalId: 'dup-fb-copier', targetContentExternalId: 'dup-fanpost', occurredAt: at });
  }
  for (let i = 0; i < 4; i++) {
    for (const target of [`dup-copy${i}`, `dup-orig${i}`]) {
      batch.interactions.push({ network: Network.FACEBOOK, externalId: `dup-like-${target}`, kind: InteractionKind.LIKE, actorExternalId: 'dup-fb-fan', targetContentExternalId: target, occurredAt: now - 6 * HOUR });
    }
  }
  return batch;
}

const FLAGS = `query($id: ID!) { person(id: $id) { authenticity { flags { kind role evidence { content { externalId } figures { name value } } } } } }`;

/**
 * Duplicates end to end: the hash of each text is written at ingest, a full rescore reads hashes
 * (never texts) and flags the copies; content stored before the column existed gets the same hash
 * from the migration's backfill.
 */
describe.each(DIALECTS)('duplicate content through ingest and rescore on %s', (dialect) => {
  let server: TestServer;
  const idOf: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const res = await server.gql(INGEST, { input: asGraphQLInput(copiesAndOriginals(Date.now())) });
    expect(res.errors).toBeUndefined();
    expect((await server.gql(`mutation { rescore { people } }`)).errors).toBeUndefined();
    const people = await server.gql(`{ people(first: 10) { nodes { id externalId } } }`);
    for (const p of people.data.people.nodes) idOf[p.externalId] = p.id;
  });
  afterAll(() => server?.close());

  const flagsOf = async (externalId: string) => {
    const res = await server.gql(FLAGS, { id: idOf[externalId] });
    expect(res.errors).toBeUndefined();
    return res.data.person.authenticity.flags as { kind: string; role: string; evidence: { content: { externalId: string }[]; figures: { name: string; value: number }[] } }[];
  };

  it('flags the copied posts and the repeated comment, and nothing of the honest author', async () => {
    // One flag per person, kind and network: the copied posts and the comment left again, with the post it was left on.
    const [flag, ...others] = await flagsOf('dup-copier');
    expect(others).toEqual([]);
    expect(flag).toMatchObject({ kind: 'DUPLICATE_CONTENT', role: 'ACTOR' });
    expect(flag.evidence.content.map((c) => c.externalId).sort()).toEqual(['dup-comment1', 'dup-copy0', 'dup-copy1', 'dup-copy2', 'dup-copy3', 'dup-fanpost']);
    expect(flag.evidence.figures).toEqual(expect.arrayContaining([{ name: 'copies', value: 4 }, { name: 'repeatedComments', value: 1 }]));
    expect(await flagsOf('dup-honest')).toEqual([]);
  });

  it('stores each text hash at ingest, and the backfill of older rows computes the same', async () => {
    const read = async () =>
      (await server.app.db.reader.query(`SELECT external_id, text, text_hash FROM content WHERE external_id LIKE 'dup-%' ORDER BY external_id`)) as { external_id: string; text: string; text_hash: string | number | null }[];
    const stored = await read();
    expect(stored).toHaveLength(11);
    for (const r of stored) expect(r.text_hash == null ? 0 : Number(r.text_hash), r.external_id).toBe(textHash(r.text));
    expect(new Set(stored.filter((r) => r.external_id.startsWith('dup-copy')).map((r) => Number(r.text_hash))).size).toBe(1);
    // As if stored before the column existed: the migration's backfill gives each row its hash again.
    await server.app.db.transaction(async (m) => {
      await m.query('UPDATE content SET text_hash = NULL');
      await hashStoredTexts(m.queryRunner!);
    });
    expect(await read()).toEqual(stored);
  });
});
