import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'typeorm';
import { Database } from '../../server/db/database';

/** Where the suite's own PostgreSQL databases are created; override with TEST_PG_URL. */
const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type TestDialect = 'sqlite' | 'postgres';
export const DIALECTS: TestDialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  dialect: TestDialect;
  /** What a Config needs to reach it: databaseUrl for PostgreSQL, sqlitePath for SQLite. */
  databaseUrl: string | undefined;
  sqlitePath: string;
  open(logger?: Logger): Promise<Database>;
  drop(): Promise<void>;
}

/** A fresh, empty database of its own: a temporary SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const name = `sway_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-test-'));
  const sqlitePath = path.join(dir, `${name}.sqlite`);
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  return {
    dialect,
    databaseUrl,
    sqlitePath,
    open: (logger) => Database.open({ databaseUrl, sqlitePath, logSql: false }, { logger }),
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
      if (dialect === 'postgres') {
        const admin = new Client({ connectionString: PG_ADMIN_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}
