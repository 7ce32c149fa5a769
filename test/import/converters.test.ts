import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config';
import type { Database } from '../../server/db/database';
import { CONVERTERS, ConversionError, findConverter, writeNdjson } from '../../server/import/converters';
import { importFile, type ImportSummary } from '../../server/import/importer';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/databases';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
const MENTIONS = path.join(FIXTURES, 'higgs', 'higgs-mention_network.head3000.edgelist');
const REPLIES = path.join(FIXTURES, 'higgs', 'higgs-reply_network.head3000.edgelist');
const KLOUT_TW = path.join(FIXTURES, 'klout', 'user_timestamp_open_set_tw.tsv');
const KLOUT_FB = path.join(FIXTURES, 'klout', 'user_timestamp_open_set_fb.tsv');
const POLBOOKS = path.join(REPO_ROOT, 'data', 'graphs', 'polbooks.gml');
const EMAIL_EU = path.join(REPO_ROOT, 'data', 'graphs', 'email-Eu-core.txt');

// What the fixtures hold, read here with plain string handling, apart from the converters.
const edges = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/));
const higgsUsers = (...files: string[]) => new Set(files.flatMap((f) => edges(f).flatMap(([a, b]) => [a, b])));
const weightSum = (file: string) => edges(file).reduce((n, [, , w]) => n + Number(w), 0);
const kloutRows = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-convert-'));
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function convert(kind: string, input: string): Promise<string> {
  const out = path.join(dir, `${kind}-${Math.random().toString(36).slice(2, 8)}.ndjson`);
  const stream = fs.createWriteStream(out);
  await writeNdjson(findConverter(kind)!.rows(input), stream);
  await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return out;
}

describe('converters', () => {
  it('give the same output every time', async () => {
    for (const [kind, input] of [['higgs-reply', REPLIES], ['klout-facebook', KLOUT_FB]]) {
      const a = fs.readFileSync(await convert(kind, input), 'utf8');
      const b = fs.readFileSync(await convert(kind, input), 'utf8');
      expect(a.length).toBeGreaterThan(0);
      expect(a).toBe(b);
    }
  });

  it('never emit a person, account, content or interaction twice, and declare each before its use', async () => {
    for (const c of CONVERTERS) {
      const input = { 'higgs-mention': MENTIONS, 'higgs-reply': REPLIES, 'klout-twitter': KLOUT_TW, 'klout-facebook': KLOUT_FB, gml: POLBOOKS, 'edge-list': EMAIL_EU }[c.kind]!;
      const seen = new Set<string>();
      const twice: string[] = [];
      const undeclared: string[] = [];
      for (const line of fs.readFileSync(await convert(c.kind, input), 'utf8').trim().split('\n')) {
        const row = JSON.parse(line);
        const key = `${row.type} ${row.network ?? ''} ${row.externalId}`;
        if (seen.has(key)) twice.push(key);
        seen.add(key);
        const refs: string[] =
          row.type === 'account' ? [`person  ${row.personExternalId}`]
          : row.type === 'content' ? [`account ${row.network} ${row.authorExternalId}`]
          : row.type === 'interaction' ? [`account ${row.network} ${row.actorExternalId}`, row.targetContentExternalId ? `content ${row.network} ${row.targetContentExternalId}` : `account ${row.network} ${row.targetAccountExternalId}`]
          : [];
        for (const ref of refs) if (!seen.has(ref)) undeclared.push(`${key} uses ${ref}`);
      }
      expect(seen.size, c.kind).toBeGreaterThan(1000);
      expect(twice, c.kind).toEqual([]);
      expect(undeclared, c.kind).toEqual([]);
    }
  });

  it('date Higgs interactions in the week of the data, 1 to 7 July 2012', async () => {
    const times = fs
      .readFileSync(await convert('higgs-mention', MENTIONS), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((r) => r.type === 'interaction')
      .map((r) => Date.parse(r.occurredAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2012, 6, 1));
    expect(Math.max(...times)).toBeLessThan(Date.UTC(2012, 6, 8));
    // Spread over the week, not bunched in its first hours.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(6 * 24 * 3600 * 1000);
  });

  it('name the line of input they cannot read', async () => {
    const higgs = path.join(dir, 'bad.edgelist');
    fs.writeFileSync(higgs, '1 2 1\n3 4 2\n5 six 1\n');
    await expect(convert('higgs-mention', higgs)).rejects.toThrow(new ConversionError(3, 'expected "source target weight" (three whole numbers), got "5 six 1"'));
    const klout = path.join(dir, 'bad.tsv');
    fs.writeFileSync(klout, '#user\t#actor\t#post\t#posted\t#acted\t#tz\n1\t2\t3\t1413331199002\t1413331199003\tUTC\n1\t2\t3\t1413331199002\tsoon\tUTC\n');
    await expect(convert('klout-twitter', klout)).rejects.toThrow(new ConversionError(3, 'action_timestamp must be epoch milliseconds, got "soon"'));
  });
});

describe.each(DIALECTS)('converted data sets imported on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const count = async (sql: string) => Number((await db.reader.query(`SELECT COUNT(*) AS n FROM ${sql}`))[0].n);
  const run = async (kind: string, input: string): Promise<ImportSummary> => {
    const summary = await importFile(db, await convert(kind, input));
    expect(summary.errors).toEqual([]);
    return summary;
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    db = await tdb.open();
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('Higgs mentions: a person and account per user, one MENTION per unit of weight', async () => {
    const summary = await run('higgs-mention', MENTIONS);
    const users = higgsUsers(MENTIONS).size;
    expect(summary.sections.people.created).toBe(users);
    expect(await count(`person WHERE external_id LIKE 'higgs-%'`)).toBe(users);
    expect(await count(`network_account WHERE network = 'TWITTER' AND external_id LIKE 'higgs-%'`)).toBe(users);
    expect(await count(`interaction WHERE kind = 'MENTION'`)).toBe(weightSum(MENTIONS));
    // Line 1 of the slice: "316609 5011 1".
    const [m] = await db.reader.query(
      `SELECT a.external_id AS actor, t.external_id AS target, i.target_content_id FROM interaction i
         JOIN network_account a ON a.id = i.actor_account_id JOIN network_account t ON t.id = i.target_account_id
        WHERE i.external_id = 'higgs-m-316609-5011-1'`,
    );
    expect(m).toEqual({ actor: 'higgs-316609', target: 'higgs-5011', target_content_id: null });
  });

  it('Higgs replies: users shared with the mentions are found again, one synthetic post per target', async () => {
    const summary = await run('higgs-reply', REPLIES);
    const mentioners = higgsUsers(MENTIONS);
    const shared = [...higgsUsers(REPLIES)].filter((u) => mentioners.has(u)).length;
    expect(summary.sections.people).toMatchObject({ received: higgsUsers(REPLIES).size, unchanged: shared, created: higgsUsers(REPLIES).size - shared });
    expect(await count(`person WHERE external_id LIKE 'higgs-%'`)).toBe(higgsUsers(MENTIONS, REPLIES).size);
    expect(await count(`content WHERE external_id LIKE 'higgs-post-%'`)).toBe(new Set(edges(REPLIES).map(([, target]) => target)).size);
    expect(await count(`interaction WHERE kind = 'REPLY'`)).toBe(weightSum(REPLIES));
    // Every reply lands on a post written by the user replied to.
    expect(
      await count(`interaction i JOIN content c ON c.id = i.target_content_id JOIN network_account a ON a.id = c.author_account_id
                   WHERE i.kind = 'REPLY' AND i.target_account_id = c.author_account_id AND c.external_id = 'higgs-post-' || substr(a.external_id, 7)`),
    ).toBe(weightSum(REPLIES));
  });

  it('Klout Twitter: users and actors become people, tweets content, retweets SHAREs at their own times', async () => {
    await run('klout-twitter', KLOUT_TW);
    const rows = kloutRows(KLOUT_TW);
    expect(await count(`network_account WHERE network = 'TWITTER' AND external_id LIKE 'klout-tw-%'`)).toBe(new Set(rows.flatMap((r) => [r[0], r[1]])).size);
    expect(await count(`content WHERE network = 'TWITTER' AND external_id LIKE 'klout-tw-post-%'`)).toBe(new Set(rows.map((r) => r[2])).size);
    expect(await count(`interaction WHERE network = 'TWITTER' AND kind = 'SHARE'`)).toBe(rows.length);
    const [user, actor, post, , actedAt] = rows[0];
    const [share] = await db.reader.query(
      `SELECT a.external_id AS actor, c.external_id AS post, t.external_id AS author, i.occurred_at FROM interaction i
         JOIN network_account a ON a.id = i.actor_account_id JOIN content c ON c.id = i.target_content_id JOIN network_account t ON t.id = i.target_account_id
        WHERE i.external_id = 'klout-tw-share-${post}-${actor}-${actedAt}'`,
    );
    expect({ ...share, occurred_at: Number(share.occurred_at) }).toEqual({ actor: `klout-tw-${actor}`, post: `klout-tw-post-${post}`, author: `klout-tw-${user}`, occurred_at: Number(actedAt) });
  });

  it('Klout Facebook: comments, on their own network, and a second import adds nothing', async () => {
    await run('klout-facebook', KLOUT_FB);
    const rows = kloutRows(KLOUT_FB);
    expect(await count(`person WHERE external_id LIKE 'klout-fb-%'`)).toBe(new Set(rows.flatMap((r) => [r[0], r[1]])).size);
    expect(await count(`content WHERE network = 'FACEBOOK'`)).toBe(new Set(rows.map((r) => r[2])).size);
    expect(await count(`interaction WHERE network = 'FACEBOOK' AND kind = 'COMMENT'`)).toBe(rows.length);
    const again = await run('klout-facebook', KLOUT_FB);
    for (const section of ['people', 'accounts', 'content', 'interactions'] as const) expect(again.sections[section]).toMatchObject({ created: 0, updated: 0 });
  });
});
