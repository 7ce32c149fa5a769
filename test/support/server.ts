import type { Logger } from 'typeorm';
import { startApp, type App } from '../../server/app';
import { loadConfig } from '../../server/config';
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

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestServer {
  app: App;
  url: string;
  tdb: TestDatabase;
  sql: StatementCounter;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** The real server on an ephemeral port, over a fresh database of its own. */
export async function startTestServer(dialect: TestDialect): Promise<TestServer> {
  const tdb = await createTestDatabase(dialect);
  const sql = new StatementCounter();
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', databaseUrl: tdb.databaseUrl, sqlitePath: tdb.sqlitePath, seedDemo: false });
  const app = await startApp(config, { sqlLogger: sql, rescoreOnStart: false });
  const url = `http://127.0.0.1:${app.http.port}`;
  return {
    app,
    url,
    tdb,
    sql,
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      await app.close();
      await tdb.drop();
    },
  };
}
