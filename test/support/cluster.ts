import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { startApp, type App, type AppOptions } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { systemContext } from '../../server/services/request-context';
import { Role } from '#shared/roles';
import { createTestDatabase, type TestDatabase, type TestDialect } from './databases';
import type { GraphQLResponse } from './server';
import { TEST_ADMIN_EMAIL } from './server';

/** Where the suite's Redis is; override with TEST_REDIS_URL. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ClusterInstance {
  app: App;
  url: string;
  /** A GraphQL request to this instance as the cluster's ADMIN. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A raw POST to this instance's /graphql, with whatever token (null: anonymous). */
  post(token: string | null, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse }>;
}

export interface TestCluster {
  instances: ClusterInstance[];
  tdb: TestDatabase;
  redisPrefix: string;
  adminToken: string;
  /** Runs `count` calls of fn, spread round-robin over the instances, all at once. */
  spread<T>(count: number, fn: (instance: ClusterInstance, i: number) => Promise<T>): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Several instances of the real server on ephemeral ports, sharing one fresh database and one
 * Redis (under a prefix of their own), started together as a deployment would. Two-instance
 * tests (freshness across instances, claims that must not oversell, scheduled work) use it.
 */
export async function startTestCluster(count: number, options: { dialect?: TestDialect; config?: Partial<Config>; app?: AppOptions } = {}): Promise<TestCluster> {
  const tdb = await createTestDatabase(options.dialect ?? 'postgres');
  const redisPrefix = `sway_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const config = loadConfig({}, {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: tdb.databaseUrl,
    sqlitePath: tdb.sqlitePath,
    redisUrl: TEST_REDIS_URL,
    redisPrefix,
    seedDemo: false,
    authSecret: randomBytes(32).toString('base64url'),
    authSecretGenerated: false,
    ...options.config,
  });
  const apps = await Promise.all(Array.from({ length: count }, () => startApp(config, { rescoreOnStart: false, ...options.app })));
  const ctx = systemContext(apps[0].db, 'test');
  await apps[0].services.auth.createUser(ctx, { email: TEST_ADMIN_EMAIL, password: 'test-admin-password', role: Role.ADMIN });
  const adminToken = (await apps[0].services.auth.login(ctx, TEST_ADMIN_EMAIL, 'test-admin-password')).token;
  const instances = apps.map((app): ClusterInstance => {
    const url = `http://127.0.0.1:${app.http.port}`;
    const post = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: res.status, body: (await res.json()) as GraphQLResponse };
    };
    return { app, url, post, gql: async (query, variables) => (await post(adminToken, query, variables)).body };
  });
  return {
    instances,
    tdb,
    redisPrefix,
    adminToken,
    spread: (n, fn) => Promise.all(Array.from({ length: n }, (_, i) => fn(instances[i % instances.length], i))),
    async close() {
      await Promise.all(apps.map((a) => a.close()));
      const redis = new Redis(TEST_REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
      await tdb.drop();
    },
  };
}
