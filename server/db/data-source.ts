import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource, type Logger, type LoggerOptions } from 'typeorm';
import type { Config } from '../config';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  /** Receives every statement TypeORM runs; tests count them. */
  logger?: Logger;
}

/** Builds (does not open) the data source for SQLite or PostgreSQL, as the config says. */
export function createDataSource(config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'logSql'>, options: DataSourceOptions = {}): DataSource {
  const logging: LoggerOptions = config.logSql || options.logger ? 'all' : ['error'];
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging,
    logger: options.logger ?? ('advanced-console' as const),
  };
  if (config.databaseUrl) {
    return new DataSource({ type: 'postgres', url: config.databaseUrl, extra: { max: 20 }, ...common });
  }
  fs.mkdirSync(path.dirname(config.sqlitePath), { recursive: true });
  return new DataSource({
    type: 'sqlite',
    database: config.sqlitePath,
    enableWAL: true,
    busyTimeout: 10_000,
    ...common,
  });
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'logSql'>, options: DataSourceOptions = {}): Promise<DataSource> {
  const dataSource = createDataSource(config, options);
  await dataSource.initialize();
  if (dataSource.options.type === 'sqlite') {
    // WAL is set by enableWAL; NORMAL sync is durable in WAL mode and much faster for ingest.
    await dataSource.query('PRAGMA synchronous = NORMAL');
    await dataSource.query('PRAGMA cache_size = -65536');
  }
  await runMigrationsOnce(dataSource);
  return dataSource;
}

/** Any constant shared by every instance: the key of the advisory lock migrations run under. */
const MIGRATION_LOCK_KEY = 7_321_000_001;

/**
 * Several instances starting together must not race to migrate: on PostgreSQL the migrations run
 * under a session advisory lock, so one instance migrates and the others wait, then find nothing
 * left to do. SQLite has one process writing its file; its own write lock suffices.
 */
async function runMigrationsOnce(dataSource: DataSource): Promise<void> {
  if (!isPostgres(dataSource)) {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}

export function isPostgres(dataSource: DataSource): boolean {
  return dataSource.options.type === 'postgres';
}
