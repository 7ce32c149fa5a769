import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config';
import type { Database } from '../../server/db/database';
import { ensureTopicOntology } from '../../server/db/topic-ontology';
import { ValidationError } from '../../server/services/errors';
import { IngestService } from '../../server/services/ingest.service';
import { systemContext } from '../../server/services/request-context';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases';
import { smallWorld } from '../support/factories';

describe.each(DIALECTS)('storage on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const ingest = new IngestService();

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    db = await tdb.open();
    await ensureTopicOntology(db, path.join(REPO_ROOT, 'data'));
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('migrations produce exactly the schema the entities describe', async () => {
    const pending = await db.reader.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('loads the whole Klout ontology with string ids', async () => {
    const [{ n }] = await db.reader.query('SELECT COUNT(*) AS n FROM topic');
    expect(Number(n)).toBe(8033);
    // Super-topic ids are past int64: they must come back exactly, as strings.
    const [sup] = await db.reader.query("SELECT id FROM topic WHERE slug = 'arts-and-humanities-super'");
    expect(sup.id).toBe('10000000000000000000');
    const parents = await db.reader.query(
      "SELECT p.slug FROM topic_edge e JOIN topic c ON c.id = e.child_id JOIN topic p ON p.id = e.parent_id WHERE c.slug = 'nba' ORDER BY p.slug",
    );
    expect(parents.map((p: { slug: string }) => p.slug)).toEqual(['basketball', 'sports']);
  });

  it('ingests a batch, and re-sending it changes nothing', async () => {
    const ctx = systemContext(db, 'test');
    const batch = smallWorld('st');
    const first = await ingest.ingest(ctx, batch);
    expect(first.people.created).toBe(batch.people!.length);
    expect(first.interactions.created).toBe(batch.interactions!.length);
    const counts = async () => db.reader.query('SELECT (SELECT COUNT(*) FROM person) p, (SELECT COUNT(*) FROM network_account) a, (SELECT COUNT(*) FROM content) c, (SELECT COUNT(*) FROM interaction) i, (SELECT COUNT(*) FROM content_topic) t');
    const before = await counts();
    const again = await ingest.ingest(ctx, batch);
    for (const s of ['people', 'accounts', 'content', 'interactions'] as const) {
      expect(again[s]).toMatchObject({ created: 0, updated: 0, unchanged: batch[s]!.length });
    }
    expect(await counts()).toEqual(before);
  });

  it('updates an account whose follower count changed, and only that', async () => {
    const ctx = systemContext(db, 'test');
    const batch = smallWorld('st');
    const accounts = batch.accounts!.map((a, i) => (i === 0 ? { ...a, followersCount: 999_999 } : a));
    const result = await ingest.ingest(ctx, { accounts });
    expect(result.accounts).toMatchObject({ created: 0, updated: 1 });
  });

  it('rejects a batch with one bad item and writes none of it', async () => {
    const ctx = systemContext(db, 'test');
    const batch = smallWorld('bad');
    batch.interactions![3] = { ...batch.interactions![3], actorExternalId: 'nobody' };
    const err = await ingest.ingest(ctx, batch).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.errors).toEqual([{ field: 'interactions[3].actorExternalId', message: expect.stringContaining('no TWITTER account') }]);
    const [{ n }] = await db.reader.query("SELECT COUNT(*) AS n FROM person WHERE external_id LIKE 'bad-%'");
    expect(Number(n)).toBe(0);
  });

  it('reports a duplicate external id inside one batch', async () => {
    const batch = smallWorld('dup');
    batch.interactions!.push({ ...batch.interactions![0] });
    const err = await ingest.ingest(systemContext(db, 'test'), batch).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.errors[0].field).toBe(`interactions[${batch.interactions!.length - 1}].externalId`);
  });
});

/**
 * Two handles on one SQLite file, as the server and its rescore worker thread are: a write
 * transaction that read first must not fail because the other committed meanwhile (SQLite refuses
 * a deferred transaction's upgrade at once); it takes the write lock first, and the other waits.
 */
describe('write transactions from two connections on one SQLite file', () => {
  let tdb: TestDatabase;
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    tdb = await createTestDatabase('sqlite');
    first = await tdb.open();
    second = await tdb.open();
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await tdb?.drop();
  });

  it('a transaction that reads, then writes, commits while the other connection writes too', async () => {
    const person = (name: string) => `INSERT INTO person (external_id, display_name, created_at) VALUES ('${name}', '${name}', 0)`;
    let readDone!: () => void;
    const hasRead = new Promise<void>((resolve) => (readDone = resolve));
    let letWrite!: () => void;
    const mayWrite = new Promise<void>((resolve) => (letWrite = resolve));
    const reader = first.transaction(async (m) => {
      const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM person');
      readDone();
      await mayWrite;
      await m.query(person(`after-${n}`));
    });
    await hasRead;
    // The other connection writes while the first holds its transaction open.
    const writer = second.transaction((m) => m.query(person('other')));
    setTimeout(letWrite, 200);
    await expect(Promise.all([reader, writer])).resolves.toBeDefined();
    const rows: { external_id: string }[] = await first.reader.query('SELECT external_id FROM person ORDER BY id');
    // The first committed before the second could start: it read an empty table.
    expect(rows.map((r) => r.external_id)).toEqual(['after-0', 'other']);
  });
});
