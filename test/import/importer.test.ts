import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config';
import type { Database } from '../../server/db/database';
import { ensureTopicOntology } from '../../server/db/topic-ontology';
import { importFile, type ImportSummary } from '../../server/import/importer';
import type { ImportRow } from '../../server/import/rows';
import type { IngestBatch, IngestResult } from '../../server/services/ingest.records';
import { IngestService, type IngestOptions } from '../../server/services/ingest.service';
import type { RequestContext } from '../../server/services/request-context';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases';
import { smallWorld } from '../support/factories';

/** The factory's batch as import rows, in the order a file must give them: people first. */
function rowsOf(batch: IngestBatch): ImportRow[] {
  return [
    ...(batch.people ?? []).map((r): ImportRow => ({ type: 'person', ...r })),
    ...(batch.accounts ?? []).map((r): ImportRow => ({ type: 'account', ...r })),
    ...(batch.content ?? []).map((r): ImportRow => ({ type: 'content', ...r })),
    ...(batch.interactions ?? []).map((r): ImportRow => ({ type: 'interaction', ...r })),
  ];
}

const T0 = Date.UTC(2026, 5, 1);

describe.each(DIALECTS)('importer on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let dir: string;

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
  /** Rows of each table whose external id starts with the prefix. */
  const countsFor = async (prefix: string) => {
    const like = `${prefix}-%`;
    const [row] = await db.reader.query(
      `SELECT (SELECT COUNT(*) FROM person WHERE external_id LIKE '${like}') AS people,
              (SELECT COUNT(*) FROM network_account WHERE external_id LIKE '${like}') AS accounts,
              (SELECT COUNT(*) FROM content WHERE external_id LIKE '${like}') AS content,
              (SELECT COUNT(*) FROM interaction WHERE external_id LIKE '${like}') AS interactions,
              (SELECT COUNT(*) FROM content_topic ct JOIN content c ON c.id = ct.content_id WHERE c.external_id LIKE '${like}') AS topics`,
    );
    return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
  };
  const exists = async (table: string, externalId: string) => Number((await db.reader.query(`SELECT COUNT(*) AS n FROM ${table} WHERE external_id = '${externalId}'`))[0].n) === 1;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    db = await tdb.open();
    await ensureTopicOntology(db, path.join(REPO_ROOT, 'data'));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-import-'));
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('an NDJSON file', () => {
    const world = smallWorld('nd', 6, 3, T0);
    const rows = rowsOf(world);
    let file: string;
    let first: ImportSummary;

    beforeAll(async () => {
      file = write('world.ndjson', ndjson(rows));
      // Small batches, so rows refer to people, accounts and content written by earlier batches.
      first = await importFile(db, file, { batchSize: 7 });
    });

    it('is written whole, batch by batch', async () => {
      expect(first.errors).toEqual([]);
      expect(first).toMatchObject({ format: 'ndjson', rowsRead: rows.length, rowsWritten: rows.length, rowsSkipped: 0, batches: Math.ceil(rows.length / 7), failedBatches: 0 });
      expect(first.sections.people.created).toBe(world.people!.length);
      expect(first.sections.accounts.created).toBe(world.accounts!.length);
      expect(first.sections.content.created).toBe(world.content!.length);
      expect(first.sections.interactions.created).toBe(world.interactions!.length);
      expect(await countsFor('nd')).toEqual({
        people: world.people!.length,
        accounts: world.accounts!.length,
        content: world.content!.length,
        interactions: world.interactions!.length,
        topics: world.content!.length,
      });
      // A like written in a later batch than its post points at that post and at its author.
      const [like] = await db.reader.query(
        `SELECT i.kind, a.external_id AS actor, c.external_id AS content, t.external_id AS target
           FROM interaction i JOIN network_account a ON a.id = i.actor_account_id
           JOIN content c ON c.id = i.target_content_id JOIN network_account t ON t.id = i.target_account_id
          WHERE i.external_id = 'nd-post2-1-like'`,
      );
      expect(like).toEqual({ kind: 'LIKE', actor: 'nd-tw3', content: 'nd-post2-1', target: 'nd-tw2' });
    });

    it('changes nothing when imported again', async () => {
      const before = await countsFor('nd');
      const again = await importFile(db, file, { batchSize: 7 });
      expect(again.errors).toEqual([]);
      expect(again.rowsWritten).toBe(rows.length);
      for (const section of ['people', 'accounts', 'content', 'interactions'] as const) {
        expect(again.sections[section]).toMatchObject({ created: 0, updated: 0, unchanged: first.sections[section].received });
      }
      expect(await countsFor('nd')).toEqual(before);
    });

    it('updates what changed on a later import, and only that', async () => {
      const changed = rows.map((r) => (r.type === 'account' && r.externalId === 'nd-tw0' ? { ...r, followersCount: 4242 } : r));
      const summary = await importFile(db, write('changed.jsonl', ndjson(changed)));
      expect(summary.sections.accounts).toMatchObject({ created: 0, updated: 1 });
      expect(summary.sections.people).toMatchObject({ created: 0, updated: 0 });
      const [account] = await db.reader.query(`SELECT followers_count FROM network_account WHERE external_id = 'nd-tw0'`);
      expect(Number(account.followers_count)).toBe(4242);
    });
  });

  it('reads lines and multi-byte characters that straddle the reader\'s 64 KiB chunks', async () => {
    // About 300 KiB, with no line a round number of bytes long, and no trailing newline.
    const people = Array.from({ length: 3000 }, (_, i) => ({ type: 'person', externalId: `utf-p${i}`, displayName: `Zoë ${'🎉'.repeat(i % 7)} Ça ${i}`, region: 'FR' }));
    const file = write('utf8.jsonl', people.map((p) => JSON.stringify(p)).join('\r\n'));
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 65536);
    const summary = await importFile(db, file, { batchSize: 1000 });
    expect(summary.errors).toEqual([]);
    expect(summary.rowsWritten).toBe(3000);
    const stored = await db.reader.query(`SELECT external_id, display_name FROM person WHERE external_id LIKE 'utf-p%'`);
    const byId = new Map(stored.map((r: { external_id: string; display_name: string }) => [r.external_id, r.display_name]));
    expect(people.filter((p) => byId.get(p.externalId) !== p.displayName)).toEqual([]);
  });

  it('reads CSV: quoted cells, a multi-line cell, ";"-separated topics, empty cells as absent', async () => {
    const file = write(
      'world.csv',
      [
        'type,externalId,displayName,region,network,personExternalId,handle,followersCount,kind,authorExternalId,text,topics,postedAt,actorExternalId,targetContentExternalId,targetAccountExternalId,occurredAt',
        'person,csv-p1,"Doe, Jane",FR,,,,,,,,,,,,,',
        'person,csv-p2,Max,,,,,,,,,,,,,,',
        'account,csv-a1,,,TWITTER,csv-p1,@jane,1500,,,,,,,,,',
        'account,csv-a2,,,TWITTER,csv-p2,@max,,,,,,,,,,',
        'content,csv-c1,,,TWITTER,,,,POST,csv-a1,"First line,\nsecond line",basketball; nba,2026-05-01T10:00:00Z,,,,',
        'interaction,csv-i1,,,TWITTER,,,,LIKE,,,,,csv-a2,csv-c1,,1780308000000',
        'interaction,csv-i2,,,TWITTER,,,,FOLLOW,,,,,csv-a2,,csv-a1,2026-05-02T08:00:00Z',
      ].join('\r\n'),
    );
    const summary = await importFile(db, file);
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ format: 'csv', rowsRead: 7, rowsWritten: 7 });
    expect(await countsFor('csv')).toEqual({ people: 2, accounts: 2, content: 1, interactions: 2, topics: 2 });
    const [person] = await db.reader.query(`SELECT display_name, region, language FROM person WHERE external_id = 'csv-p1'`);
    expect(person).toEqual({ display_name: 'Doe, Jane', region: 'FR', language: null });
    const [account] = await db.reader.query(`SELECT followers_count FROM network_account WHERE external_id = 'csv-a2'`);
    expect(Number(account.followers_count)).toBe(0);
    const [content] = await db.reader.query(`SELECT text, posted_at FROM content WHERE external_id = 'csv-c1'`);
    expect(content.text).toBe('First line,\nsecond line');
    expect(Number(content.posted_at)).toBe(Date.parse('2026-05-01T10:00:00Z'));
    const topics = await db.reader.query(`SELECT t.slug FROM content_topic ct JOIN topic t ON t.id = ct.topic_id JOIN content c ON c.id = ct.content_id WHERE c.external_id = 'csv-c1' ORDER BY t.slug`);
    expect(topics.map((t: { slug: string }) => t.slug)).toEqual(['basketball', 'nba']);
  });

  it('places a bad CSV row on its own line, after a cell spanning lines', async () => {
    const file = write(
      'bad.csv',
      ['type,externalId,displayName,region', 'person,csvb-p1,"Two', 'lines",', 'person,csvb-p2,,US', 'person,csvb-p3,Three,US,extra'].join('\n'),
    );
    const summary = await importFile(db, file, { batchSize: 1 });
    expect(summary.errors).toEqual([
      { line: 4, type: 'person', field: 'displayName', message: 'is required' },
      { line: 5, field: '(row)', message: 'has 5 cells; the header has 4' },
    ]);
    expect(summary).toMatchObject({ rowsRead: 3, rowsWritten: 1, rowsSkipped: 2, failedBatches: 2 });
    expect(await exists('person', 'csvb-p1')).toBe(true);
  });

  it('gives rows without a type column the --type default', async () => {
    const file = write(
      'interactions.csv',
      ['network,externalId,kind,actorExternalId,targetAccountExternalId,occurredAt', 'TWITTER,nd-extra-m1,MENTION,nd-tw1,nd-tw0,2026-05-03T00:00:00Z', 'TWITTER,nd-extra-m2,MENTION,nd-tw2,nd-tw0,2026-05-03T00:00:01Z'].join('\n'),
    );
    const untyped = await importFile(db, file);
    expect(untyped.errors[0]).toMatchObject({ line: 2, field: 'type', message: expect.stringContaining('is required') });
    const typed = await importFile(db, file, { defaultType: 'interaction' });
    expect(typed.errors).toEqual([]);
    expect(typed.sections.interactions.created).toBe(2);
  });

  it('reports bad rows by line and field, skips their whole batch, and writes the other batches', async () => {
    const person = (n: number) => ({ type: 'person', externalId: `bad-p${n}`, displayName: `P${n}` });
    const account = (n: number) => ({ type: 'account', network: 'TWITTER', externalId: `bad-a${n}`, personExternalId: `bad-p${n}`, handle: `@p${n}` });
    const mention = (id: string, actor: string, target = 'bad-a1') => ({ type: 'interaction', network: 'TWITTER', externalId: id, kind: 'MENTION', actorExternalId: actor, targetAccountExternalId: target, occurredAt: T0 });
    const lines = [
      // Batch 1 (lines 1-4): fine.
      person(1), account(1), person(2), account(2),
      // Batch 2 (lines 5-8): a line that is not JSON, a field no person has, an unknown type.
      person(3), '{"type": "person", "externalId": "bad-p4",', { ...person(5), followers: 10 }, { type: 'robot' },
      // Batch 3 (lines 9-12), after a blank line that is not a row: fields the service rejects.
      '', mention('bad-m1', 'bad-a1', 'bad-a2'), { ...mention('bad-m2', 'bad-a2'), kind: 'POKE' }, { ...mention('bad-m3', 'bad-a2'), occurredAt: 'yesterday' }, mention('bad-m4', 'bad-a2'),
      // Batch 4 (lines 14-17): an actor that does not exist, found only when writing.
      mention('bad-m5', 'bad-a1', 'bad-a2'), mention('bad-m6', 'bad-a9'), mention('bad-m7', 'bad-a2'), mention('bad-m10', 'bad-a1', 'bad-a2'),
      // Batch 5 (lines 18-19): fine, and refers to batch 1.
      mention('bad-m8', 'bad-a2'), mention('bad-m9', 'bad-a1', 'bad-a2'),
    ];
    const summary = await importFile(db, write('bad.ndjson', ndjson(lines)), { batchSize: 4 });
    expect(summary.errors).toEqual([
      { line: 6, field: '(row)', message: expect.stringContaining('invalid JSON') },
      { line: 7, type: 'person', field: 'followers', message: 'is not a field of person rows' },
      { line: 8, field: 'type', message: 'must be one of person, account, content, interaction; got "robot"' },
      { line: 11, type: 'interaction', field: 'kind', message: expect.stringContaining('must be one of LIKE') },
      { line: 12, type: 'interaction', field: 'occurredAt', message: 'must be an ISO 8601 date-time or epoch milliseconds' },
      { line: 15, type: 'interaction', field: 'actorExternalId', message: 'no TWITTER account with externalId "bad-a9"' },
    ]);
    expect(summary.errorCount).toBe(6);
    expect(summary).toMatchObject({ rowsRead: 18, rowsWritten: 6, rowsSkipped: 12, batches: 5, failedBatches: 3, stoppedEarly: false });
    // Rejected batches are not written at all, their good rows included.
    expect(await countsFor('bad')).toMatchObject({ people: 2, accounts: 2, interactions: 2 });
    for (const id of ['bad-p3', 'bad-p5']) expect(await exists('person', id)).toBe(false);
    for (const id of ['bad-m1', 'bad-m4', 'bad-m5', 'bad-m7', 'bad-m10']) expect(await exists('interaction', id)).toBe(false);
    for (const id of ['bad-m8', 'bad-m9']) expect(await exists('interaction', id)).toBe(true);
  });

  it('reports errors found while writing on the lines of their rows', async () => {
    const lines = [
      { type: 'interaction', network: 'TWITTER', externalId: 'late-m1', kind: 'MENTION', actorExternalId: 'nd-tw1', targetAccountExternalId: 'nd-tw0', occurredAt: T0 },
      { type: 'content', network: 'TWITTER', externalId: 'late-c1', kind: 'POST', authorExternalId: 'nobody', postedAt: T0 },
      { type: 'interaction', network: 'TWITTER', externalId: 'late-m2', kind: 'MENTION', actorExternalId: 'ghost', targetAccountExternalId: 'nd-tw0', occurredAt: T0 },
    ];
    const summary = await importFile(db, write('late.ndjson', ndjson(lines)));
    expect(summary.errors).toEqual([
      { line: 2, type: 'content', field: 'authorExternalId', message: 'no TWITTER account with externalId "nobody"' },
      { line: 3, type: 'interaction', field: 'actorExternalId', message: 'no TWITTER account with externalId "ghost"' },
    ]);
    expect(await exists('interaction', 'late-m1')).toBe(false);
  });

  it('writes a batch of long texts, which SQLite receives in several statements, in file order', async () => {
    const rows: unknown[] = [
      { type: 'person', externalId: 'long-p1', displayName: 'Long' },
      { type: 'account', network: 'BLOG', externalId: 'long-a1', personExternalId: 'long-p1', handle: 'long.example.org' },
    ];
    // 40 posts of 9,000 characters: several times what one SQLite statement carries.
    for (let i = 0; i < 40; i++) rows.push({ type: 'content', network: 'BLOG', externalId: `long-c${i}`, kind: 'BLOG_POST', authorExternalId: 'long-a1', text: `${i}:`.padEnd(9000, 'x'), postedAt: T0 + i });
    const summary = await importFile(db, write('long.ndjson', ndjson(rows)));
    expect(summary.errors).toEqual([]);
    expect(summary.sections.content.created).toBe(40);
    const stored = await db.reader.query(`SELECT external_id, text FROM content WHERE external_id LIKE 'long-c%' ORDER BY id`);
    expect(stored.map((r: { external_id: string }) => r.external_id)).toEqual(Array.from({ length: 40 }, (_, i) => `long-c${i}`));
    expect(stored.every((r: { external_id: string; text: string }) => r.text.length === 9000 && r.text.startsWith(`${r.external_id.slice(6)}:`))).toBe(true);
  });

  // SQLite's JSON functions would cut at NUL and keep a lone surrogate as invalid UTF-8; such text takes the bound-parameter path.
  it.runIf(dialect === 'sqlite')('stores text with a NUL or a lone surrogate exactly as a bound parameter would', async () => {
    const rows = [
      { type: 'person', externalId: 'odd-p1', displayName: 'Odd' },
      { type: 'account', network: 'BLOG', externalId: 'odd-a1', personExternalId: 'odd-p1', handle: 'odd.example.org' },
      { type: 'content', network: 'BLOG', externalId: 'odd-c1', kind: 'BLOG_POST', authorExternalId: 'odd-a1', text: 'nul\u0000after', postedAt: T0 },
      { type: 'content', network: 'BLOG', externalId: 'odd-c2', kind: 'BLOG_POST', authorExternalId: 'odd-a1', text: 'lone\ud800surrogate', postedAt: T0 },
      { type: 'content', network: 'BLOG', externalId: 'odd-c3', kind: 'BLOG_POST', authorExternalId: 'odd-a1', text: 'plain \u00e9\ud83d\ude00', postedAt: T0 },
    ];
    const summary = await importFile(db, write('odd.ndjson', ndjson(rows)));
    expect(summary.errors).toEqual([]);
    const texts = await db.reader.query(`SELECT external_id, text FROM content WHERE external_id LIKE 'odd-%' ORDER BY external_id`);
    expect(texts).toEqual([
      { external_id: 'odd-c1', text: 'nul\u0000after' },
      { external_id: 'odd-c2', text: 'lone\ufffdsurrogate' },
      { external_id: 'odd-c3', text: 'plain \u00e9\u{1f600}' },
    ]);
  });

  it('stops at a database failure, after the batch that failed, and rethrows it', async () => {
    const seen: string[] = [];
    class FailingSecondBatch extends IngestService {
      override async ingest(ctx: RequestContext, batch: IngestBatch, options?: IngestOptions): Promise<IngestResult> {
        seen.push(batch.people![0].externalId);
        if (seen.length === 2) throw new Error('disk full');
        return super.ingest(ctx, batch, options);
      }
    }
    const people = Array.from({ length: 5 }, (_, i) => ({ type: 'person', externalId: `fail-p${i}`, displayName: `F${i}` }));
    await expect(importFile(db, write('fail.ndjson', ndjson(people)), { batchSize: 1, ingest: new FailingSecondBatch() })).rejects.toThrow('disk full');
    // The next batch may have been read while the failing one was written, but was never sent.
    expect(seen).toEqual(['fail-p0', 'fail-p1']);
    expect(await countsFor('fail')).toMatchObject({ people: 1 });
  });

  it('stops at a CSV format error, naming its line, after writing the batches before it', async () => {
    const file = write('broken.csv', ['type,externalId,displayName', 'person,brk-p1,One', 'person,brk-p2,Two', 'person,brk-p3,"Three', 'person,brk-p4,Four'].join('\n'));
    const summary = await importFile(db, file, { batchSize: 1 });
    expect(summary.stoppedEarly).toBe(true);
    expect(summary.errors).toEqual([{ line: 4, field: '(row)', message: 'CSV: a quoted cell of the row starting on this line is never closed' }]);
    expect(summary.rowsWritten).toBe(2);
    expect(await exists('person', 'brk-p2')).toBe(true);
  });
});
