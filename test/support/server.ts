import type { Logger } from 'typeorm';
import { startApp, type App, type AppOptions } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { Role } from '#shared/roles';
import { systemContext } from '../../server/services/request-context';
import { createTestDatabase, type TestDatabase, type TestDialect } from './databases';

/** Counts the SQL statements TypeORM runs, so tests can prove loaders batch. */
export class StatementCounter implements Logger {
  statements: string[] = [];
  logQuery(query: string): void {
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.statements = [];
  }
}

/** Every test server has this ADMIN, so `server.gql` can do anything access rules allow an admin. */
export const TEST_ADMIN_EMAIL = 'root@test.sway';
const TEST_ADMIN_PASSWORD = 'test-admin-password';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  app: App;
  url: string;
  tdb: TestDatabase;
  sql: StatementCounter;
  /** A GraphQL request as this server's ADMIN (`root@test.sway`): tests of anything but access rules. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** A GraphQL request with no token: what an anonymous caller sees. */
  anon<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The ADMIN's token, for `gqlAs` and raw requests. */
  adminToken: string;
  close(): Promise<void>;
}

/** The real server on an ephemeral port, over a fresh database of its own. */
export async function startTestServer(dialect: TestDialect, options: { config?: Partial<Config>; app?: AppOptions } = {}): Promise<TestServer> {
  const tdb = await createTestDatabase(dialect);
  const sql = new StatementCounter();
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', databaseUrl: tdb.databaseUrl, sqlitePath: tdb.sqlitePath, seedDemo: false, ...options.config });
  const app = await startApp(config, { sqlLogger: sql, rescoreOnStart: false, ...options.app });
  const url = `http://127.0.0.1:${app.http.port}`;
  const post = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GraphQLResponse;
  };
  const ctx = systemContext(app.db, 'test');
  await app.services.auth.createUser(ctx, { email: TEST_ADMIN_EMAIL, password: TEST_ADMIN_PASSWORD, role: Role.ADMIN });
  const adminToken = (await app.services.auth.login(ctx, TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD)).token;
  sql.reset();
  return {
    app,
    url,
    tdb,
    sql,
    adminToken,
    gql: (query, variables) => post(adminToken, query, variables),
    anon: (query, variables) => post(null, query, variables),
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
