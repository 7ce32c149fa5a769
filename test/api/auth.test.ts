import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '#shared/roles';
import { toGlobalId } from '../../server/api/relay/global-id';
import { startApp } from '../../server/app';
import { userCreate } from '../../server/cli/user-create';
import { loadConfig } from '../../server/config';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoUsers } from '../../server/db/seed/demo-users';
import { verifyPassword } from '../../server/services/auth/passwords';
import { TokenSigner } from '../../server/services/auth/tokens';
import { ValidationError } from '../../server/services/errors';
import { systemContext } from '../../server/services/request-context';
import { createTestUser, gqlAs, gqlWith, loginAs, TEST_PASSWORD } from '../support/auth';
import { createTestDatabase, DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id email role person { externalId } } } }`;
const ME = `{ me { id email role person { externalId } } }`;
const GIVE_K = `mutation($personId: ID!, $topicId: ID!) { giveK(personId: $personId, topicId: $topicId) {
  givenAt remainingToday receiver { externalId } giver { externalId } topic { slug } } }`;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('accounts, login and +K on %s', (dialect) => {
  let server: TestServer;
  /** Global ids of the small world's people, by external id ("k-p0"…). */
  const personId = new Map<string, string>();
  let basketball: string;
  let nba: string;
  const tokens: Record<string, string> = {};

  const give = (token: string | null, receiver: string, topicId = basketball) => gqlAs(server, token, GIVE_K, { personId: personId.get(receiver), topicId });
  const grantsBy = async (giverExternalId: string): Promise<number> => {
    const p = server.app.db.placeholder(0);
    const [{ n }] = await server.app.db.reader.query(
      `SELECT COUNT(*) AS n FROM k_grant g JOIN person p ON p.id = g.giver_person_id WHERE p.external_id = ${p}`,
      [giverExternalId],
    );
    return Number(n);
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const ingested = await server.gql(INGEST, { input: asGraphQLInput(smallWorld('k', 16, 1, Date.now() - HOUR)) });
    expect(ingested.errors).toBeUndefined();
    const people = await server.gql(`{ people(first: 100) { nodes { id externalId } } }`);
    for (const p of people.data.people.nodes) personId.set(p.externalId, p.id);
    const topics = await server.gql(`{ b: topic(slug: "basketball") { id } n: topic(slug: "nba") { id } }`);
    basketball = topics.data.b.id;
    nba = topics.data.n.id;

    await createTestUser(server, { email: 'admin@test.sway', role: Role.ADMIN });
    await createTestUser(server, { email: 'analyst@test.sway', role: Role.ANALYST });
    // Givers, one per test that counts grants, so their limits do not interfere.
    for (const [name, person] of [['ada', 'k-p0'], ['bob', 'k-p1'], ['cy', 'k-p2'], ['dee', 'k-p3']]) {
      await createTestUser(server, { email: `${name}@test.sway`, role: Role.INFLUENCER, personExternalId: person });
    }
    for (const name of ['admin', 'analyst', 'ada', 'bob', 'cy', 'dee']) tokens[name] = await loginAs(server, `${name}@test.sway`);
  });
  afterAll(() => server?.close());

  describe('login', () => {
    it('answers a token, its expiry and the user, whatever the case of the email', async () => {
      const before = Date.now();
      const res = await server.gql(LOGIN, { email: '  Ada@Test.SWAY ', password: TEST_PASSWORD });
      expect(res.errors).toBeUndefined();
      const { token, expiresAt, user } = res.data.login;
      expect(token.split('.')).toHaveLength(3);
      const ttl = Date.parse(expiresAt) - before;
      expect(ttl).toBeGreaterThan(12 * HOUR - 60_000);
      expect(ttl).toBeLessThanOrEqual(12 * HOUR + 1000);
      expect(user).toMatchObject({ email: 'ada@test.sway', role: 'INFLUENCER', person: { externalId: 'k-p0' } });
      expect(JSON.stringify(res)).not.toMatch(/scrypt|password/i);
    });

    it('refuses a wrong password and an unknown email with the same error', async () => {
      const wrongPassword = await gqlWith(server, {}, LOGIN, { email: 'ada@test.sway', password: 'not the password' });
      const unknownEmail = await gqlWith(server, {}, LOGIN, { email: 'nobody@test.sway', password: TEST_PASSWORD });
      for (const res of [wrongPassword, unknownEmail]) {
        expect(res.data?.login ?? null).toBeNull();
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      }
      expect(wrongPassword.errors![0].message).toBe(unknownEmail.errors![0].message);
      expect(wrongPassword.status).toBe(unknownEmail.status);
    });

    it('stores a salted scrypt hash, never the password', async () => {
      const [row] = await server.app.db.reader.query(`SELECT password_hash FROM app_user WHERE email = 'ada@test.sway'`);
      const hash: string = row.password_hash;
      expect(hash).not.toContain(TEST_PASSWORD);
      expect(hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
      expect(await verifyPassword(TEST_PASSWORD, hash)).toBe(true);
      expect(await verifyPassword(`${TEST_PASSWORD}!`, hash)).toBe(false);
      const [other] = await server.app.db.reader.query(`SELECT password_hash FROM app_user WHERE email = 'bob@test.sway'`);
      expect(other.password_hash).not.toBe(hash); // same password, another salt
    });

    it('exposes no password field on User', async () => {
      const res = await server.gql(`{ __type(name: "User") { fields { name } } }`);
      expect(res.data.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['availablePerks', 'brands', 'claims', 'email', 'id', 'person', 'role']);
    });
  });

  describe('tokens', () => {
    it('me is null when anonymous and the user with a token', async () => {
      expect((await server.anon(ME)).data.me).toBeNull();
      const res = await gqlAs(server, tokens.analyst, ME);
      expect(res.errors).toBeUndefined();
      expect(res.data.me).toMatchObject({ email: 'analyst@test.sway', role: 'ANALYST', person: null });
      const ada = await gqlAs(server, tokens.ada, ME);
      expect(ada.data.me).toMatchObject({ email: 'ada@test.sway', person: { externalId: 'k-p0' } });
    });

    it('refuses an expired, tampered, foreign or malformed token: UNAUTHENTICATED for the whole request', async () => {
      const secret = server.app.config.authSecret;
      const meId = (await gqlAs(server, tokens.analyst, `{ me { id } }`)).data.me.id as string;
      const analystRowId = Number(Buffer.from(meId, 'base64url').toString().split(':')[1]);
      const expired = (await new TokenSigner(secret, HOUR, () => Date.now() - 2 * HOUR).sign(analystRowId)).token;
      const foreign = (await new TokenSigner('another secret, at least thirty-two characters', HOUR).sign(analystRowId)).token;
      const [header, payload, signature] = tokens.analyst.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const promoted = Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url');
      const tampered = [header, promoted, signature].join('.');
      const noAlg = [Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'), payload, ''].join('.');

      // The signer itself still accepts a fresh token for the same user.
      expect((await gqlAs(server, (await new TokenSigner(secret, HOUR).sign(analystRowId)).token, ME)).data.me.email).toBe('analyst@test.sway');
      for (const authorization of [`Bearer ${expired}`, `Bearer ${foreign}`, `Bearer ${tampered}`, `Bearer ${noAlg}`, 'Bearer not-a-token', `Basic ${tokens.analyst}`]) {
        const res = await gqlWith(server, { authorization }, ME);
        expect(res.status, authorization).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
        expect(res.data).toBeUndefined();
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
        expect(res.errors![0].message).not.toMatch(/Context creation|at \w+ \(/);
      }
    });

    it('shows a User through node(id) to themselves and to ADMINs only', async () => {
      const bobId = (await gqlAs(server, tokens.bob, `{ me { id } }`)).data.me.id;
      const q = `query($id: ID!) { node(id: $id) { __typename ... on User { email } } }`;
      expect((await gqlAs(server, tokens.bob, q, { id: bobId })).data.node).toEqual({ __typename: 'User', email: 'bob@test.sway' });
      expect((await gqlAs(server, tokens.admin, q, { id: bobId })).data.node).toEqual({ __typename: 'User', email: 'bob@test.sway' });
      for (const token of [tokens.analyst, tokens.ada, null]) {
        const res = await gqlAs(server, token, q, { id: bobId });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      }
    });
  });

  describe('creating users', () => {
    const ctx = () => systemContext(server.app.db, 'test');
    const fieldsOf = async (promise: Promise<unknown>) => {
      const err = await promise.catch((e) => e);
      expect(err).toBeInstanceOf(ValidationError);
      return (err as ValidationError).errors.map((e) => e.field).sort();
    };

    it('reports every bad value with its field', async () => {
      const auth = server.app.services.auth;
      expect(await fieldsOf(auth.createUser(ctx(), { email: 'not an email', password: 'short', role: 'KING' }))).toEqual(['email', 'password', 'role']);
      expect(await fieldsOf(auth.createUser(ctx(), { email: 'inf@test.sway', password: TEST_PASSWORD, role: Role.INFLUENCER }))).toEqual(['personExternalId']);
      expect(await fieldsOf(auth.createUser(ctx(), { email: 'inf@test.sway', password: TEST_PASSWORD, role: Role.INFLUENCER, personExternalId: 'nobody' }))).toEqual(['personExternalId']);
      // Already taken: the email in any case, and a person who has a login.
      expect(await fieldsOf(auth.createUser(ctx(), { email: 'ADA@test.sway', password: TEST_PASSWORD, role: Role.INFLUENCER, personExternalId: 'k-p0' }))).toEqual(['email', 'personExternalId']);
      const [{ n }] = await server.app.db.reader.query(`SELECT COUNT(*) AS n FROM app_user WHERE email = 'inf@test.sway'`);
      expect(Number(n)).toBe(0);
    });

    it('npm run user:create prints each bad field as its flag, and creates a user that can log in', async () => {
      const config = loadConfig({}, { databaseUrl: server.tdb.databaseUrl, sqlitePath: server.tdb.sqlitePath });
      const run = async (...argv: string[]) => {
        const lines: string[] = [];
        const code = await userCreate(argv, config, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
        return { code, lines };
      };
      const bad = await run('--email', 'nope', '--password', 'short', '--role', 'INFLUENCER', '--person-external-id', 'nobody');
      expect(bad.code).toBe(1);
      expect(bad.lines).toEqual([
        'user:create: --email must be an email address, like name@example.org',
        'user:create: --password must be at least 10 characters',
      ]);
      expect((await run('--email', 'x@test.sway')).code).toBe(2);
      expect((await run('--email', 'x@test.sway', '--password', 'p', '--role', 'ADMIN', '--bogus')).code).toBe(2);

      const ok = await run('--email', 'Eve@Test.sway', '--password', TEST_PASSWORD, '--role', 'influencer', '--person-external-id', 'k-p9');
      expect(ok).toMatchObject({ code: 0, lines: [expect.stringMatching(/^Created INFLUENCER eve@test\.sway/)] });
      const again = await run('--email', 'eve@test.sway', '--password', TEST_PASSWORD, '--role', 'ANALYST');
      expect(again).toEqual({ code: 1, lines: ['user:create: --email is already used by another user'] });
      const res = await server.gql(LOGIN, { email: 'eve@test.sway', password: TEST_PASSWORD });
      expect(res.data.login.user).toMatchObject({ role: 'INFLUENCER', person: { externalId: 'k-p9' } });
    });

    it('creates the first admin only when there is none', async () => {
      expect(await server.app.services.auth.ensureFirstAdmin(ctx(), 'second-admin@test.sway', TEST_PASSWORD)).toBeNull();
    });

    it('creates the demo logins once, the influencer linked to the given person', async () => {
      const created = await seedDemoUsers(ctx(), server.app.services.auth, 'k-p15');
      expect(created).toEqual(DEMO_LOGINS.map((l) => l.email));
      expect(await seedDemoUsers(ctx(), server.app.services.auth, 'k-p15')).toEqual([]);
      for (const login of DEMO_LOGINS) {
        const res = await server.gql(LOGIN, { email: login.email, password: DEMO_PASSWORD });
        expect(res.errors).toBeUndefined();
        expect(res.data.login.user.role).toBe(login.role);
        expect(res.data.login.user.person).toEqual(login.role === Role.INFLUENCER ? { externalId: 'k-p15' } : null);
      }
    });
  });

  describe('giveK', () => {
    it('refuses anonymous viewers, users with no person, and unknown people or topics', async () => {
      const anonymous = await give(null, 'k-p5');
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const analyst = await give(tokens.analyst, 'k-p5');
      expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const noTopic = await gqlAs(server, tokens.ada, GIVE_K, { personId: personId.get('k-p5'), topicId: toGlobalId('Topic', '999999999') });
      expect(noTopic.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topicId' });
      const notATopic = await gqlAs(server, tokens.ada, GIVE_K, { personId: personId.get('k-p5'), topicId: personId.get('k-p6') });
      expect(notATopic.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topicId' });
      const noPerson = await gqlAs(server, tokens.ada, GIVE_K, { personId: toGlobalId('Person', 987654), topicId: basketball });
      expect(noPerson.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId' });
      expect(await grantsBy('k-p0')).toBe(0);
    });

    it('refuses +K to oneself', async () => {
      const res = await give(tokens.ada, 'k-p0');
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId', rule: 'SELF' });
      expect(await grantsBy('k-p0')).toBe(0);
    });

    it('stores a +K, marks the receiver stale and counts it; the same pair and topic again within 30 days is refused', async () => {
      const cache = server.app.services.scoring['options'].cache;
      const receiverRowId = Number(Buffer.from(personId.get('k-p5')!, 'base64url').toString().split(':')[1]);
      await server.gql(`query($id: ID!) { person(id: $id) { score { value } } }`, { id: personId.get('k-p5') }); // computed, fresh
      expect(await cache.staleAmong([receiverRowId])).toEqual(new Set());

      const res = await give(tokens.ada, 'k-p5');
      expect(res.errors).toBeUndefined();
      expect(res.data.giveK).toMatchObject({ remainingToday: 4, receiver: { externalId: 'k-p5' }, giver: { externalId: 'k-p0' }, topic: { slug: 'basketball' } });
      expect(Math.abs(Date.parse(res.data.giveK.givenAt) - Date.now())).toBeLessThan(60_000);
      expect(await grantsBy('k-p0')).toBe(1);
      expect(await cache.staleAmong([receiverRowId])).toEqual(new Set([receiverRowId]));

      const counted = await server.gql(`query($id: ID!) { person(id: $id) { kReceived { count topic { slug } } } }`, { id: personId.get('k-p5') });
      expect(counted.data.person.kReceived).toEqual([{ count: 1, topic: { slug: 'basketball' } }]);

      const again = await give(tokens.ada, 'k-p5');
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'topicId', rule: 'PAIR_TOPIC_COOLDOWN' });
      expect(again.errors?.[0].message).toMatch(/30 days/);
      const retryIn = Date.parse(again.errors![0].extensions!.retryAt) - Date.now();
      expect(retryIn).toBeGreaterThan(30 * DAY - 60_000);
      expect(retryIn).toBeLessThanOrEqual(30 * DAY);
      // Another topic for the same person is a new +K.
      expect((await give(tokens.ada, 'k-p5', nba)).errors).toBeUndefined();
      expect(await grantsBy('k-p0')).toBe(2);
    });

    it('allows 5 in 24 hours and refuses the sixth', async () => {
      for (const [i, receiver] of ['k-p4', 'k-p5', 'k-p6', 'k-p7', 'k-p8'].entries()) {
        const res = await give(tokens.bob, receiver);
        expect(res.errors, receiver).toBeUndefined();
        expect(res.data.giveK.remainingToday).toBe(4 - i);
      }
      const sixth = await give(tokens.bob, 'k-p9');
      expect(sixth.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'personId', rule: 'DAILY_LIMIT' });
      expect(sixth.errors?.[0].message).toMatch(/at most 5 \+K in 24 hours/);
      expect(Date.parse(sixth.errors![0].extensions!.retryAt)).toBeGreaterThan(Date.now() + DAY - 5 * 60_000);
      expect(await grantsBy('k-p1')).toBe(5);
    });

    it('lets exactly 5 of 10 concurrent +K by one giver through', async () => {
      const receivers = Array.from({ length: 10 }, (_, i) => `k-p${i + 4}`);
      const results = await Promise.all(receivers.map((r) => give(tokens.cy, r)));
      const ok = results.filter((r) => !r.errors);
      const refused = results.filter((r) => r.errors);
      expect(ok).toHaveLength(5);
      expect(refused).toHaveLength(5);
      for (const r of refused) expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'DAILY_LIMIT' });
      expect(ok.map((r) => r.data.giveK.remainingToday).sort()).toEqual([0, 1, 2, 3, 4]);
      expect(await grantsBy('k-p2')).toBe(5);
    });
  });

  describe('rescore', () => {
    const RESCORE = `mutation { rescore { people } }`;

    it('is refused to anonymous viewers and to other roles than ADMIN', async () => {
      expect((await gqlAs(server, null, RESCORE)).errors?.[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      for (const token of [tokens.analyst, tokens.dee]) {
        const res = await gqlAs(server, token, RESCORE);
        expect(res.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN' });
        expect(res.data).toBeNull();
      }
    });

    it('runs for an ADMIN', async () => {
      const res = await gqlAs(server, tokens.admin, RESCORE);
      expect(res.errors).toBeUndefined();
      expect(res.data.rescore.people).toBeGreaterThanOrEqual(16);
    });
  });
});

describe('auth configuration', () => {
  it('requires a long enough AUTH_SECRET in production, and makes one up elsewhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET is required/);
    expect(() => loadConfig({ AUTH_SECRET: 'short' })).toThrow(/at least 32 characters/);
    const secret = 'a'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: secret })).toMatchObject({ production: true, authSecret: secret, authSecretGenerated: false });
    const a = loadConfig({});
    const b = loadConfig({});
    expect(a.authSecretGenerated).toBe(true);
    expect(a.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(a.authSecret).not.toBe(b.authSecret);
  });

  it('reads AUTH_TOKEN_TTL as a duration, 12 hours by default', () => {
    expect(loadConfig({}).authTokenTtlMs).toBe(12 * HOUR);
    expect(loadConfig({ AUTH_TOKEN_TTL: '30m' }).authTokenTtlMs).toBe(30 * 60_000);
    expect(loadConfig({ AUTH_TOKEN_TTL: '7d' }).authTokenTtlMs).toBe(7 * DAY);
    expect(loadConfig({ AUTH_TOKEN_TTL: '3600' }).authTokenTtlMs).toBe(HOUR);
    for (const bad of ['soon', '-1h', '10s', '90d']) expect(() => loadConfig({ AUTH_TOKEN_TTL: bad }), bad).toThrow(/AUTH_TOKEN_TTL/);
  });

  it('takes ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'root@example.org' })).toThrow(/set both or neither/);
    expect(loadConfig({ ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: TEST_PASSWORD }).admin).toEqual({ email: 'root@example.org', password: TEST_PASSWORD });
  });

  it('creates the first admin on start when there is none, and says when the token secret is made up', async () => {
    const tdb = await createTestDatabase('sqlite');
    const config = loadConfig({ ADMIN_EMAIL: 'Root@Example.org', ADMIN_PASSWORD: TEST_PASSWORD }, { port: 0, host: '127.0.0.1', sqlitePath: tdb.sqlitePath, databaseUrl: undefined, seedDemo: false });
    const lines: string[] = [];
    try {
      for (let start = 0; start < 2; start++) {
        const app = await startApp(config, { rescoreOnStart: false, log: (l) => lines.push(l) });
        await app.close();
      }
      expect(lines.filter((l) => l.startsWith('AUTH_SECRET is not set'))).toHaveLength(2);
      expect(lines.filter((l) => l.startsWith('Created the first admin'))).toEqual(['Created the first admin, root@example.org']);
      const weak = loadConfig({ ADMIN_EMAIL: 'other@example.org', ADMIN_PASSWORD: 'short' }, { port: 0, host: '127.0.0.1', sqlitePath: `${tdb.sqlitePath}-2`, databaseUrl: undefined, seedDemo: false });
      await expect(startApp(weak, { rescoreOnStart: false })).rejects.toThrow(/ADMIN_EMAIL\/ADMIN_PASSWORD: password: must be at least 10 characters/);
    } finally {
      await tdb.drop();
    }
  });
});
