import { spawn } from 'node:child_process';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '#shared/roles';
import { toGlobalId } from '../../server/api/relay/global-id';
import { REPO_ROOT } from '../../server/config';
import type { Database } from '../../server/db/database';
import { PERSONAL_DATA, PERSONAL_TABLES, type PersonalTable } from '../../server/services/privacy/personal-data';
import { notOptedOut } from '../../server/services/privacy/opt-out';
import { eraseTable, exportedColumns } from '../../server/services/privacy/privacy.service';
import { systemContext } from '../../server/services/request-context';
import { createTestUser, gqlAs, loginAs } from '../support/auth';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HOUR = 3_600_000;

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`;
const PERSON = `query($id: ID!) { person(id: $id) { externalId displayName score { value } } }`;
const OPT_OUT = `mutation($personId: ID, $ref: String) { optOutOfScoring(personId: $personId, requestReference: $ref) {
  optedOut optedOutAt requestedBy requestReference } }`;
const OPT_IN = `mutation($personId: ID, $ref: String) { optInToScoring(personId: $personId, requestReference: $ref) { optedOut requestedBy } }`;
const EXPORT_MINE = `{ exportMyData }`;
const EXPORT_PERSON = `query($personId: ID!, $ref: String!) { exportPersonData(personId: $personId, requestReference: $ref) }`;
const ERASE_ME = `mutation { eraseMe { erasureId erasedAt requestedBy requestReference totalRows tables { table rows } } }`;
const ERASE_PERSON = `mutation($personId: ID!, $ref: String!) { erasePerson(personId: $personId, requestReference: $ref) {
  erasureId requestedBy requestReference totalRows tables { table rows } } }`;
const RESCORE = `mutation { rescore { people } }`;

/** Every table of the migrated schema (not TypeORM's own bookkeeping). */
async function migratedTables(db: Database): Promise<string[]> {
  const rows: { name: string }[] = db.dialect === 'sqlite'
    ? await db.reader.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    : await db.reader.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  return rows.map((r) => r.name).filter((n) => !['migrations', 'typeorm_metadata'].includes(n)).sort();
}

/** How many rows of each personal table belong to the person, by the map's own predicates. */
async function personalRowCounts(db: Database, personId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const entry of PERSONAL_TABLES) {
    const b = db.binder();
    const [{ n }] = await db.reader.query(`SELECT COUNT(*) AS n FROM ${entry.table} t WHERE ${entry.owner(() => b.bind(personId))}`, b.params);
    out[entry.table] = Number(n);
  }
  return out;
}

/** A value as the export writes it: instants as ISO 8601. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

describe.each(DIALECTS)('privacy on %s', (dialect) => {
  let server: TestServer;
  let redis: Redis;
  const prefix = `sway-privacy-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  /** By external id ("pv-p0"…): global id and row id. */
  const people = new Map<string, { id: string; rowId: number }>();
  const tokens: Record<string, string> = {};
  const gid = (externalId: string) => people.get(externalId)!.id;
  const rowId = (externalId: string) => people.get(externalId)!.rowId;
  const scoreOf = async (externalId: string): Promise<number> => {
    const res = await server.gql(PERSON, { id: gid(externalId) });
    expect(res.errors).toBeUndefined();
    return res.data.person.score.value;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { config: { redisUrl: REDIS_URL, redisPrefix: prefix } });
    redis = new Redis(REDIS_URL);
    // pv-pN's posts are liked by pv-p(N+1), replied to by pv-p(N+2); pv-p(N+1) follows pv-pN.
    expect((await server.gql(INGEST, { input: asGraphQLInput(smallWorld('pv', 10, 2, Date.now() - HOUR)) })).errors).toBeUndefined();
    expect((await server.gql(INGEST, { input: asGraphQLInput(smallWorld('cr', 4, 2, Date.now() - HOUR)) })).errors).toBeUndefined();
    const list = await server.gql(`{ people(first: 100) { nodes { id databaseId externalId } } }`);
    for (const p of list.data.people.nodes) people.set(p.externalId, { id: p.id, rowId: p.databaseId });
    await createTestUser(server, { email: 'analyst@privacy.test', role: Role.ANALYST });
    for (const n of [1, 2, 4, 5, 6]) await createTestUser(server, { email: `p${n}@privacy.test`, role: Role.INFLUENCER, personExternalId: `pv-p${n}` });
    for (const name of ['analyst', 'p1', 'p2', 'p4', 'p5', 'p6']) tokens[name] = await loginAs(server, `${name}@privacy.test`);
    expect((await server.gql(RESCORE)).errors).toBeUndefined();
  });
  afterAll(async () => {
    if (redis) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    }
    await server?.close();
  });

  describe('the personal-data map', () => {
    it('classifies every table the entities and the migrations make, and names only real tables and columns', async () => {
      const db = server.app.db;
      const entityTables = db.reader.entityMetadatas.map((m) => m.tableName).sort();
      const mapped = PERSONAL_DATA.map((e) => e.table).sort();
      expect(await migratedTables(db)).toEqual(entityTables);
      // A new table (claims, conversions, flags…) fails here until personal-data.ts says what it holds.
      expect(entityTables.filter((t) => !mapped.includes(t))).toEqual([]);
      expect(mapped.filter((t) => !entityTables.includes(t))).toEqual([]);
      expect(new Set(mapped).size).toBe(mapped.length);
      for (const entry of PERSONAL_TABLES) {
        const meta = db.reader.entityMetadatas.find((m) => m.tableName === entry.table)!;
        const columns = meta.columns.map((c) => c.databaseName);
        for (const c of entry.omit ?? []) expect(columns).toContain(c);
        if (entry.erase.action === 'anonymise') for (const c of Object.keys(entry.erase.set)) expect(columns).toContain(c);
      }
    });

    it('treats every table with a column pointing at a person or an account as personal', () => {
      const db = server.app.db;
      for (const meta of db.reader.entityMetadatas) {
        const pointsAtPeople = meta.foreignKeys.some((fk) => ['person', 'network_account', 'content'].includes(fk.referencedEntityMetadata.tableName));
        if (pointsAtPeople || meta.tableName === 'person') expect(PERSONAL_DATA.find((e) => e.table === meta.tableName)?.personal, meta.tableName).toBe(true);
      }
    });
  });

  describe('visibility of personal details', () => {
    it('shows region and language to the person and to admins only', async () => {
      const q = `query($id: ID!) { person(id: $id) { region language } }`;
      const id = gid('pv-p1');
      expect((await server.gql(q, { id })).data.person).toEqual({ region: 'US', language: 'en' });
      expect((await gqlAs(server, tokens.p1, q, { id })).data.person).toEqual({ region: 'US', language: 'en' });
      for (const token of [null, tokens.analyst, tokens.p2]) {
        const res = await gqlAs(server, token, q, { id });
        expect(res.errors).toBeUndefined();
        expect(res.data.person).toEqual({ region: null, language: null });
      }
    });

    it('lets only admins look people up by region or language', async () => {
      const q = `query($f: PersonFilterInput) { people(first: 100, filter: $f) { totalCount } }`;
      expect((await server.gql(q, { f: { region: 'US', search: 'Person pv' } })).data.people.totalCount).toBe(5);
      for (const f of [{ region: 'US' }, { language: 'en' }]) {
        const res = await gqlAs(server, tokens.analyst, q, { f });
        expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    });
  });

  describe('opting out of scoring', () => {
    let before: { p0: number; p1: number };

    it('is refused to anonymous callers, to people acting for others, and to admins without a request reference', async () => {
      expect((await server.anon(OPT_OUT, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await gqlAs(server, tokens.analyst, OPT_OUT, {})).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await gqlAs(server, tokens.p2, OPT_OUT, { personId: gid('pv-p3'), ref: 'T-1' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const noRef = await server.gql(OPT_OUT, { personId: gid('pv-p3') });
      expect(noRef.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestReference' });
      const badRef = await server.gql(OPT_OUT, { personId: gid('pv-p3'), ref: 'ada@example.org says so' });
      expect(badRef.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestReference' });
      const [{ n }] = await server.app.db.reader.query('SELECT COUNT(*) AS n FROM person_opt_out');
      expect(Number(n)).toBe(0);
    });

    it('drops their score and topics from the database and the Redis cache at once', async () => {
      before = { p0: await scoreOf('pv-p0'), p1: await scoreOf('pv-p1') };
      expect(await redis.exists(`${prefix}:score:${rowId('pv-p1')}`)).toBe(1);
      const res = await gqlAs(server, tokens.p1, OPT_OUT, {});
      expect(res.errors).toBeUndefined();
      expect(res.data.optOutOfScoring).toMatchObject({ optedOut: true, requestedBy: 'SELF', requestReference: null });
      expect(Date.parse(res.data.optOutOfScoring.optedOutAt)).toBeGreaterThan(Date.now() - 60_000);
      expect(await redis.exists(`${prefix}:score:${rowId('pv-p1')}`)).toBe(0);
      const p = server.app.db.placeholder(0);
      for (const table of ['person_score', 'topic_expertise']) {
        const [{ n }] = await server.app.db.reader.query(`SELECT COUNT(*) AS n FROM ${table} WHERE person_id = ${p}`, [rowId('pv-p1')]);
        expect(Number(n), table).toBe(0);
      }
    });

    it('answers public queries as if they had no profile', async () => {
      const [{ id }] = await server.app.db.reader.query(`SELECT id FROM network_account WHERE external_id = 'pv-tw1'`);
      const p1Twitter = toGlobalId('NetworkAccount', Number(id));
      const acting = await server.gql(`query($a: ID) { interactions(first: 100, filter: { actorAccountId: $a }) { totalCount } }`, { a: toGlobalId('NetworkAccount', Number(id) + 2) });
      expect(acting.data.interactions.totalCount).toBeGreaterThan(0); // the filter itself works: pv-p2's account acts
      for (const token of [null, tokens.analyst, tokens.p2, server.adminToken]) {
        const one = await gqlAs(server, token, PERSON, { id: gid('pv-p1') });
        expect(one.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        const node = await gqlAs(server, token, `query($id: ID!) { node(id: $id) { id } }`, { id: gid('pv-p1') });
        expect(node.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        const search = await gqlAs(server, token, `{ people(first: 100, filter: { search: "Person pv 1" }) { totalCount nodes { externalId } } }`);
        if (token === null || token === tokens.p2) {
          // Anonymous callers and influencers list nobody at all (public profiles are reached one at a time).
          expect(search.errors?.[0].extensions?.code).toBe(token === null ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        } else {
          expect(search.data.people.nodes).toEqual([]);
          expect(search.data.people.totalCount).toBe(0);
          const all = await gqlAs(server, token, `{ people(first: 100) { nodes { externalId } } }`);
          expect(all.data.people.nodes.map((n: { externalId: string }) => n.externalId)).not.toContain('pv-p1');
          expect(all.data.people.nodes.map((n: { externalId: string }) => n.externalId)).toContain('pv-p0');
          const accounts = await gqlAs(server, token, `{ accounts(first: 100, filter: { search: "@pv1" }) { totalCount } }`);
          expect(accounts.data.accounts.totalCount).toBe(0);
          const content = await gqlAs(server, token, `query($p: ID) { contents(first: 100, filter: { authorId: $p }) { totalCount } }`, { p: gid('pv-p1') });
          expect(content.data.contents.totalCount).toBe(0);
          const acted = await gqlAs(server, token, `query($a: ID) { interactions(first: 100, filter: { actorAccountId: $a }) { totalCount } }`, { a: p1Twitter });
          expect(acted.data.interactions.totalCount).toBe(0);
          const owner = await gqlAs(server, token, `query($a: ID!) { node(id: $a) { ... on NetworkAccount { handle person { externalId } } } }`, { a: p1Twitter });
          expect(owner.errors?.[0]).toMatchObject({ path: ['node', 'person'], extensions: { code: 'NOT_FOUND' } });
        }
        const compare = await gqlAs(server, token, `query($a: ID!, $b: ID!) { compareScores(a: $a, b: $b) { different } }`, { a: gid('pv-p0'), b: gid('pv-p1') });
        expect(compare.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      }
    });

    it('never lets them into an audience: the notOptedOut predicate targeting queries use', async () => {
      const rows: { external_id: string }[] = await server.app.db.reader.query(
        `SELECT p.external_id FROM person p WHERE p.external_id LIKE 'pv-%' AND ${notOptedOut('p.id')} ORDER BY p.external_id`,
      );
      expect(rows.map((r) => r.external_id)).toEqual([0, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `pv-p${n}`));
    });

    it('still shows them their own profile, without a score', async () => {
      const me = await gqlAs(server, tokens.p1, `{ me { person { externalId region } } }`);
      expect(me.data.me.person).toEqual({ externalId: 'pv-p1', region: 'US' });
      const score = await gqlAs(server, tokens.p1, PERSON, { id: gid('pv-p1') });
      expect(score.errors?.[0]).toMatchObject({ path: ['person', 'score'], extensions: { code: 'NOT_FOUND' } });
      expect(await redis.exists(`${prefix}:score:${rowId('pv-p1')}`)).toBe(0);
      const status = await gqlAs(server, tokens.p1, `{ privacyStatus { optedOut requestedBy person { externalId } } }`);
      expect(status.data.privacyStatus).toEqual({ optedOut: true, requestedBy: 'SELF', person: { externalId: 'pv-p1' } });
    });

    it("leaves today's numbers of others alone, and stops counting their interactions from the next rescore on", async () => {
      // pv-p1 likes pv-p0's posts and follows pv-p0.
      expect(await scoreOf('pv-p0')).toBe(before.p0);
      expect((await server.gql(RESCORE)).errors).toBeUndefined();
      const after = await scoreOf('pv-p0');
      expect(after).toBeLessThan(before.p0);
      const p = server.app.db.placeholder(0);
      const [{ n }] = await server.app.db.reader.query(`SELECT COUNT(*) AS n FROM person_score WHERE person_id = ${p}`, [rowId('pv-p1')]);
      expect(Number(n)).toBe(0);
      const [{ t }] = await server.app.db.reader.query(`SELECT COUNT(*) AS t FROM topic_expertise WHERE person_id = ${p}`, [rowId('pv-p1')]);
      expect(Number(t)).toBe(0);
      const engagers = await server.gql(`query($id: ID!) { person(id: $id) { score { topEngagers { person { externalId } } } } }`, { id: gid('pv-p0') });
      expect(engagers.errors).toBeUndefined();
      expect(JSON.stringify(engagers.data)).not.toContain('pv-p1"');
    });

    it('can be undone: opted back in, they are found and scored again', async () => {
      const res = await gqlAs(server, tokens.p1, OPT_IN, {});
      expect(res.data.optInToScoring).toEqual({ optedOut: false, requestedBy: null });
      const back = await server.anon(PERSON, { id: gid('pv-p1') });
      expect(back.errors).toBeUndefined();
      expect(back.data.person.score.value).toBeGreaterThan(1);
      expect((await server.gql(RESCORE)).errors).toBeUndefined();
      // Their interactions count again (within rounding: the clock moved, and activity fades with it).
      expect(Math.abs((await scoreOf('pv-p0')) - before.p0)).toBeLessThanOrEqual(0.1);
    });

    it('keeps their figures out even when a full rescore that read everything before the opt-out ends after it', async () => {
      const count = async () => {
        const [{ n }] = await server.app.db.reader.query(`SELECT COUNT(*) AS n FROM person_score WHERE person_id = ${rowId('pv-p8')}`);
        return Number(n);
      };
      expect(await count()).toBe(1);
      const running = server.app.services.scoring.rescoreAll(systemContext(server.app.db, 'test'));
      expect((await server.gql(OPT_OUT, { personId: gid('pv-p8'), ref: 'DSR-8' })).errors).toBeUndefined();
      await running;
      await expect.poll(count).toBe(0);
      expect(await redis.exists(`${prefix}:score:${rowId('pv-p8')}`)).toBe(0);
      expect((await server.gql(OPT_IN, { personId: gid('pv-p8'), ref: 'DSR-8' })).errors).toBeUndefined();
    });

    it('is done by an admin for anyone on a verified request, and undone the same way', async () => {
      const res = await server.gql(OPT_OUT, { personId: gid('pv-p3'), ref: 'DSR-2026-0042' });
      expect(res.data.optOutOfScoring).toMatchObject({ optedOut: true, requestedBy: 'ADMIN', requestReference: 'DSR-2026-0042' });
      const again = await server.gql(OPT_OUT, { personId: gid('pv-p3'), ref: 'DSR-2026-0043' });
      expect(again.data.optOutOfScoring.requestReference).toBe('DSR-2026-0042'); // idempotent: the first request stands
      expect((await server.anon(PERSON, { id: gid('pv-p3') })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const topic = (await server.gql(`{ topic(slug: "basketball") { id } }`)).data.topic.id;
      const k = await gqlAs(server, tokens.p2, `mutation($p: ID!, $t: ID!) { giveK(personId: $p, topicId: $t) { remainingToday } }`, { p: gid('pv-p3'), t: topic });
      expect(k.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
      const status = await server.gql(`query($p: ID) { privacyStatus(personId: $p) { optedOut person { externalId } } }`, { p: gid('pv-p3') });
      expect(status.data.privacyStatus).toEqual({ optedOut: true, person: null });
      expect((await server.gql(OPT_IN, { personId: gid('pv-p3'), ref: 'DSR-2026-0044' })).data.optInToScoring.optedOut).toBe(false);
      expect((await server.anon(PERSON, { id: gid('pv-p3') })).errors).toBeUndefined();
    });
  });

  describe('export', () => {
    /** Compares an export with the rows TypeORM loads itself, column by column, for every personal table. */
    async function expectRoundTrip(document: any, personId: number, nonEmpty: string[]): Promise<void> {
      expect(document).toMatchObject({ format: 'sway.personal-data/1', personId });
      expect(Object.keys(document.tables).sort()).toEqual(PERSONAL_TABLES.map((e) => e.table).sort());
      const db = server.app.db;
      for (const entry of PERSONAL_TABLES as readonly PersonalTable[]) {
        const meta = db.reader.entityMetadatas.find((m) => m.tableName === entry.table)!;
        // The expected fields come from the entity, so a new column is covered without touching this test.
        const fields = exportedColumns(meta, entry).map((c) => c.propertyName).sort();
        expect(fields.length).toBe(meta.columns.length - (entry.omit?.length ?? 0));
        const entities = await db.reader.getRepository(meta.target).createQueryBuilder('t').where(entry.owner(() => ':person'), { person: personId }).getMany();
        const exported: Record<string, unknown>[] = document.tables[entry.table].rows;
        expect(exported.length, entry.table).toBe(entities.length);
        if (nonEmpty.includes(entry.table)) expect(exported.length, entry.table).toBeGreaterThan(0);
        const key = (r: Record<string, unknown>) => meta.primaryColumns.map((c) => String(r[c.propertyName])).join('|');
        const byKey = new Map(exported.map((r) => [key(r), r]));
        for (const entity of entities) {
          const expected = Object.fromEntries(exportedColumns(meta, entry).map((c) => [c.propertyName, plain(c.getEntityValue(entity))]));
          const row = byKey.get(key(expected));
          expect(row, `${entry.table} ${key(expected)}`).toBeDefined();
          expect(Object.keys(row!).sort()).toEqual(fields);
          expect(row).toEqual(expected);
        }
      }
      expect(JSON.stringify(document)).not.toMatch(/scrypt|passwordHash/);
    }

    it('gives the person everything Sway holds about them, every field round-tripping', async () => {
      // +K both ways, so k_grant has rows given and received.
      const topic = (await server.gql(`{ topic(slug: "basketball") { id } }`)).data.topic.id;
      const k = `mutation($p: ID!, $t: ID!) { giveK(personId: $p, topicId: $t) { remainingToday } }`;
      expect((await gqlAs(server, tokens.p4, k, { p: gid('pv-p5'), t: topic })).errors).toBeUndefined();
      expect((await gqlAs(server, tokens.p5, k, { p: gid('pv-p4'), t: topic })).errors).toBeUndefined();
      await scoreOf('pv-p4'); // scores and expertise stored

      const res = await gqlAs(server, tokens.p4, EXPORT_MINE);
      expect(res.errors).toBeUndefined();
      const doc = res.data.exportMyData;
      await expectRoundTrip(doc, rowId('pv-p4'), PERSONAL_TABLES.map((e) => e.table).filter((t) => !['person_opt_out', 'claim', 'conversion', 'brand_member', 'authenticity_flag', 'authenticity_review'].includes(t)));
      expect(doc.tables.person.rows).toEqual([expect.objectContaining({ externalId: 'pv-p4', displayName: 'Person pv 4', region: 'FR', language: 'en' })]);
      expect(doc.tables.app_user.rows).toEqual([expect.objectContaining({ email: 'p4@privacy.test', role: 'INFLUENCER' })]);
      const grants = doc.tables.k_grant.rows.map((g: any) => [g.giverPersonId, g.receiverPersonId]);
      expect(grants).toEqual(expect.arrayContaining([[rowId('pv-p4'), rowId('pv-p5')], [rowId('pv-p5'), rowId('pv-p4')]]));
    });

    it('includes the opt-out while there is one, and is given to an admin on a verified request only', async () => {
      expect((await gqlAs(server, tokens.p4, OPT_OUT, {})).errors).toBeUndefined();
      const res = await server.gql(EXPORT_PERSON, { personId: gid('pv-p4'), ref: 'DSR-7' });
      expect(res.errors).toBeUndefined();
      await expectRoundTrip(res.data.exportPersonData, rowId('pv-p4'), ['person', 'person_opt_out', 'network_account', 'content', 'app_user']);
      expect(res.data.exportPersonData.tables.person_opt_out.rows).toEqual([expect.objectContaining({ requestedBy: 'SELF', requestReference: null })]);
      expect((await gqlAs(server, tokens.p4, OPT_IN, {})).errors).toBeUndefined();

      expect((await gqlAs(server, tokens.analyst, EXPORT_PERSON, { personId: gid('pv-p4'), ref: 'DSR-7' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await gqlAs(server, tokens.p5, EXPORT_PERSON, { personId: gid('pv-p4'), ref: 'DSR-7' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await gqlAs(server, tokens.analyst, EXPORT_MINE)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await server.anon(EXPORT_MINE)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('erasure', () => {
    /** Everything that identifies a person of the small world: ids, handles, name, email, content and interaction ids. */
    async function identifiersOf(n: number, email: string | null): Promise<string[]> {
      const rows: { external_id: string }[] = await server.app.db.reader.query(
        `SELECT i.external_id FROM interaction i JOIN network_account a ON a.id = i.actor_account_id WHERE a.external_id IN ('pv-tw${n}', 'pv-blog${n}')`,
      );
      return [`pv-p${n}`, `Person pv ${n}`, `pv-tw${n}`, `pv-blog${n}`, `@pv${n}`, `pv${n}.example.org`, `pv-post${n}-0`, `pv-post${n}-1`, `pv-follow${n}`,
        ...rows.map((r) => r.external_id), ...(email ? [email] : [])];
    }

    /** Scans every column of every table, and every Redis key of the test prefix, for any of these strings or the person's row id. */
    async function expectNoTrace(identifiers: string[], personId: number, accountIds: number[]): Promise<void> {
      const db = server.app.db;
      for (const table of await migratedTables(db)) {
        const rows: Record<string, unknown>[] = await db.reader.query(`SELECT * FROM ${table}`);
        const text = JSON.stringify(rows);
        for (const id of identifiers) expect(text.includes(id), `${id} in ${table}`).toBe(false);
      }
      // And no row points at the person or their accounts any more.
      for (const meta of db.reader.entityMetadatas) {
        for (const fk of meta.foreignKeys) {
          const target = fk.referencedEntityMetadata.tableName;
          const ids = target === 'person' ? [personId] : target === 'network_account' ? accountIds : [];
          if (!ids.length) continue;
          const col = fk.columns[0].databaseName;
          const [{ n }] = await db.reader.query(`SELECT COUNT(*) AS n FROM ${meta.tableName} WHERE ${col} IN (${ids.join(',')})`);
          expect(Number(n), `${meta.tableName}.${col}`).toBe(0);
        }
      }
      const keys = await redis.keys(`${prefix}:*`);
      expect(keys).not.toContain(`${prefix}:score:${personId}`);
      for (const key of keys) {
        const type = await redis.type(key);
        const value = type === 'string' ? (await redis.get(key))! : type === 'set' ? JSON.stringify(await redis.smembers(key)) : JSON.stringify(await redis.dump(key));
        for (const id of identifiers) expect(value.includes(id), `${id} in ${key}`).toBe(false);
        expect(value.includes(`"personId":${personId},`), `person ${personId} in ${key}`).toBe(false);
        if (type === 'set') expect(await redis.sismember(key, String(personId)), key).toBe(0);
      }
    }

    const accountsOf = async (personId: number): Promise<number[]> =>
      (await server.app.db.reader.query(`SELECT id FROM network_account WHERE person_id = ${personId}`)).map((r: { id: number }) => Number(r.id));

    it("eraseMe leaves no trace of the person in any table or in Redis, other people's profiles keep working, and the audit names no one", async () => {
      // Everyone's scores cached in Redis, pv-p6 among the engagers of others.
      for (const n of [4, 5, 6, 7, 8]) await scoreOf(`pv-p${n}`);
      const personId = rowId('pv-p6');
      expect(await redis.exists(`${prefix}:score:${personId}`)).toBe(1);
      const identifiers = await identifiersOf(6, 'p6@privacy.test');
      const accountIds = await accountsOf(personId);
      const before = await personalRowCounts(server.app.db, personId);

      const res = await gqlAs(server, tokens.p6, ERASE_ME);
      expect(res.errors).toBeUndefined();
      const receipt = res.data.eraseMe;
      expect(receipt).toMatchObject({ requestedBy: 'SELF', requestReference: null });
      expect(Object.fromEntries(receipt.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]))).toEqual(before);
      expect(receipt.totalRows).toBe(Object.values(before).reduce((a, b) => a + b, 0));

      await expectNoTrace(identifiers, personId, accountIds);
      expect(Object.values(await personalRowCounts(server.app.db, personId)).every((n) => n === 0)).toBe(true);

      const audit = await server.app.db.reader.query(`SELECT * FROM erasure_audit WHERE id = '${receipt.erasureId}'`);
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0].row_counts)).toEqual(before);
      expect(audit[0].requested_by).toBe('SELF');

      // Their login is gone with them; the people they engaged with are still served, recomputed.
      expect((await gqlAs(server, tokens.p6, `{ me { email } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      for (const n of [4, 5, 7, 8]) {
        const other = await server.gql(`query($id: ID!) { person(id: $id) { score { value topEngagers { person { externalId } } } } }`, { id: gid(`pv-p${n}`) });
        expect(other.errors).toBeUndefined();
      }
      await expectNoTrace(identifiers, personId, accountIds);
    });

    it('erasePerson does the same for an admin on a verified request, once', async () => {
      const personId = rowId('pv-p7');
      const identifiers = await identifiersOf(7, null);
      const accountIds = await accountsOf(personId);
      expect((await server.gql(ERASE_PERSON, { personId: gid('pv-p7'), ref: '' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestReference' });
      expect((await gqlAs(server, tokens.p5, ERASE_PERSON, { personId: gid('pv-p7'), ref: 'DSR-9' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await gqlAs(server, tokens.analyst, ERASE_PERSON, { personId: gid('pv-p7'), ref: 'DSR-9' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(Object.values(await personalRowCounts(server.app.db, personId)).some((n) => n > 0)).toBe(true);

      const res = await server.gql(ERASE_PERSON, { personId: gid('pv-p7'), ref: 'DSR-9' });
      expect(res.errors).toBeUndefined();
      expect(res.data.erasePerson).toMatchObject({ requestedBy: 'ADMIN', requestReference: 'DSR-9' });
      expect(res.data.erasePerson.totalRows).toBeGreaterThan(0);
      await expectNoTrace(identifiers, personId, accountIds);
      const again = await server.gql(ERASE_PERSON, { personId: gid('pv-p7'), ref: 'DSR-9' });
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'personId' });
    });

    it('keeps the rows an aggregate needs, with nothing left that identifies the person (the anonymise action)', async () => {
      // A stand-in for a brand's ledger (conversions after the campaigns merge): totals must survive.
      const db = server.app.db;
      await db.transaction((m) => m.query('CREATE TABLE privacy_test_ledger (id integer PRIMARY KEY, person_id integer NULL, order_ref varchar(64) NOT NULL UNIQUE, value_cents integer NOT NULL)'));
      try {
        await db.transaction((m) => m.query(`INSERT INTO privacy_test_ledger VALUES (1, 41, 'order-ada-1', 500), (2, 41, 'order-ada-2', 700), (3, 42, 'order-bob-1', 900)`));
        const entry: PersonalTable = {
          table: 'privacy_test_ledger', personal: true, what: 'test',
          owner: (p) => `t.person_id = ${p()}`,
          erase: { action: 'anonymise', set: { person_id: null, order_ref: { sql: `'erased-' || t.id` } } },
        };
        const n = await db.transaction((m) => eraseTable(systemContext(db, 'test'), m, entry, 41));
        expect(n).toBe(2);
        const rows = await db.reader.query('SELECT id, person_id, order_ref, value_cents FROM privacy_test_ledger ORDER BY id');
        expect(rows.map((r: any) => [Number(r.id), r.person_id == null ? null : Number(r.person_id), r.order_ref, Number(r.value_cents)])).toEqual([
          [1, null, 'erased-1', 500], [2, null, 'erased-2', 700], [3, 42, 'order-bob-1', 900],
        ]);
      } finally {
        await db.transaction((m) => m.query('DROP TABLE privacy_test_ledger'));
      }
    });

    it('survives a crash half-way: a process killed inside the erasure leaves everything as it was, and the erasure runs again', async () => {
      const personId = rowId('cr-p1');
      const db = server.app.db;
      const before = await personalRowCounts(db, personId);
      const killAfter = PERSONAL_TABLES.findIndex((e) => e.table === 'content'); // interactions, scores and content already deleted
      expect(before.content).toBeGreaterThan(0);
      const [{ audits }] = await db.reader.query('SELECT COUNT(*) AS audits FROM erasure_audit');

      const child = spawn(process.execPath, [
        // TypeScript sources, shared/ included (the "sway-source" condition of package.json "imports").
        '--conditions=sway-source', '--require', path.join(REPO_ROOT, 'test/support/ts-register.js'),
        path.join(REPO_ROOT, 'test/support/erasure-crash.child.ts'),
        server.tdb.databaseUrl ?? '', server.tdb.sqlitePath, String(personId), String(killAfter), 'CRASH-1',
      ], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      expect(signal, out).toBe('SIGKILL');
      expect(out).toContain('erased content');
      expect(out).not.toContain('committed');

      expect(await personalRowCounts(db, personId)).toEqual(before);
      const [{ audits: after }] = await db.reader.query('SELECT COUNT(*) AS audits FROM erasure_audit');
      expect(Number(after)).toBe(Number(audits));
      expect((await server.gql(PERSON, { id: gid('cr-p1') })).errors).toBeUndefined();

      const res = await server.gql(ERASE_PERSON, { personId: gid('cr-p1'), ref: 'CRASH-1' });
      expect(res.errors).toBeUndefined();
      expect(Object.fromEntries(res.data.erasePerson.tables.map((t: { table: string; rows: number }) => [t.table, t.rows]))).toEqual(before);
      expect(Object.values(await personalRowCounts(db, personId)).every((n) => n === 0)).toBe(true);
    });
  });
});
