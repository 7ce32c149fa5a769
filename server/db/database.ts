import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import { openDatabase, type DataSourceOptions } from './data-source';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseOptions extends DataSourceOptions {
  /**
   * SQLite: page cache of each reader connection, in KiB (64 MiB by default). A full rescore reads
   * every table once from start to end, which a cache cannot speed up, so its own connections keep
   * a small one rather than fill 64 MiB each.
   */
  readerCacheKib?: number;
}

/**
 * The application's handle on storage.
 *
 * SQLite through TypeORM has a single connection, so a transaction on it would also swallow
 * every concurrent request's reads (dirty reads) and writes (rolled back with it). So on SQLite
 * writes get a connection of their own, serialized by a lock, and readers keep theirs: WAL lets
 * them read the last committed state while a write is under way. Reads are spread over two
 * connections: sqlite3 runs each connection's statements on a thread of its own, so concurrent
 * requests use both cores. PostgreSQL pools connections and needs none of this.
 */
export class Database {
  private writeQueue: Promise<unknown> = Promise.resolve();
  private nextReader = 0;

  private constructor(
    private readonly readers: DataSource[],
    private readonly writer: DataSource,
    readonly dialect: Dialect,
  ) {}

  static async open(config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'logSql'>, options: DatabaseOptions = {}): Promise<Database> {
    const writer = await openDatabase(config, options);
    if (config.databaseUrl) return new Database([writer], writer, 'postgres');
    const readers = [await openDatabase(config, options), await openDatabase(config, options)];
    if (options.readerCacheKib !== undefined) for (const reader of readers) await reader.query(`PRAGMA cache_size = -${Math.floor(options.readerCacheKib)}`);
    return new Database(readers, writer, 'sqlite');
  }

  /** A data source for reads (never inside a write transaction); successive calls take turns. */
  get reader(): DataSource {
    const reader = this.readers[this.nextReader];
    this.nextReader = (this.nextReader + 1) % this.readers.length;
    return reader;
  }

  /** Runs fn in one write transaction; it commits when fn resolves and rolls back when it throws. */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'postgres') return this.writer.transaction(fn);
    const run = this.writeQueue.then(() => this.immediateTransaction(fn));
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * SQLite: BEGIN IMMEDIATE takes the write lock before the transaction's first read, waiting (busy
   * timeout) while another connection holds it. TypeORM's deferred BEGIN would read first and
   * upgrade at the first write, which SQLite refuses at once, with no wait, when another connection
   * committed in between: the full rescore's worker thread writes the same file from connections of
   * its own, and an ingest or a claim running then failed. The rest is TypeORM's own bookkeeping:
   * the runner is marked as inside a transaction, so saves do not open their own, and nested
   * transactions become savepoints.
   */
  private async immediateTransaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.writer.createQueryRunner();
    try {
      await runner.query('BEGIN IMMEDIATE');
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      try {
        const result = await fn(runner.manager);
        await runner.commitTransaction();
        return result;
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw err;
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Bind-parameter placeholder for position i (0-based). SQLite gets plain "?": its numbered form
   * "?NNN" costs a linear scan per parameter, quadratic over a 30,000-parameter insert. So a
   * statement binds each position once, in order, on both databases.
   */
  placeholder(i: number): string {
    return this.dialect === 'postgres' ? `$${i + 1}` : '?';
  }

  /** Collects parameters in statement order and hands out their placeholders. */
  binder(): { bind(value: unknown): string; list(values: readonly unknown[]): string; params: unknown[] } {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return this.placeholder(params.length - 1);
    };
    return { bind, list: (values) => values.map(bind).join(','), params };
  }

  /** Most bind parameters one statement may carry, with a margin. */
  get maxParameters(): number {
    return this.dialect === 'postgres' ? 60_000 : 30_000;
  }

  async close(): Promise<void> {
    for (const reader of this.readers) if (reader !== this.writer && reader.isInitialized) await reader.destroy();
    if (this.writer.isInitialized) await this.writer.destroy();
  }
}
