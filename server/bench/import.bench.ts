import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import { REPO_ROOT } from '../config';
import { Database } from '../db/database';
import { ensureTopicOntology } from '../db/topic-ontology';
import { DEFAULT_BATCH_SIZE, importFile, type BatchReport } from '../import/importer';
import { authorOf, BENCH_DIR, ensureBenchFile, interactionAt, START, worldFor, type World } from './bench-world';
import { formatCount } from '../import/progress';

/**
 * Import benchmark: generates a deterministic NDJSON world (people, accounts, content, then
 * interactions), imports it into a fresh SQLite file, and prints rows/s beside the floor: the raw
 * sqlite3 driver inserting the same interactions, ids already resolved, into the same schema.
 *
 *   npm run bench:import [-- --interactions N] [--batch-size N] [--keep]
 */

/** A Promise face on the sqlite3 callbacks. */
function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

function runStatement(stmt: sqlite3.Statement, params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => stmt.run(params, (err) => (err ? reject(err) : resolve())));
}

/** Inserts rows of `columns` with multi-row statements under SQLite's bind limit, one prepared statement per size. */
class MultiRowInserter {
  private readonly statements = new Map<number, sqlite3.Statement>();
  readonly rowsPerStatement: number;

  constructor(private readonly db: sqlite3.Database, private readonly table: string, private readonly columns: string[], private readonly suffix = '') {
    this.rowsPerStatement = Math.floor(30_000 / columns.length);
  }

  async insert(rows: unknown[][]): Promise<void> {
    for (let at = 0; at < rows.length; at += this.rowsPerStatement) {
      const chunk = rows.slice(at, at + this.rowsPerStatement);
      await runStatement(this.statement(chunk.length), chunk.flat());
    }
  }

  private statement(count: number): sqlite3.Statement {
    let stmt = this.statements.get(count);
    if (!stmt) {
      const tuple = `(${this.columns.map(() => '?').join(',')})`;
      stmt = this.db.prepare(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(count).fill(tuple).join(',')} ${this.suffix}`);
      this.statements.set(count, stmt);
    }
    return stmt;
  }

  finalize(): Promise<void[]> {
    return Promise.all([...this.statements.values()].map((s) => new Promise<void>((resolve) => s.finalize(() => resolve()))));
  }
}

type FloorShape = 'values' | 'json';

/**
 * The floor: the interactions inserted straight through sqlite3 with the importer's pragmas,
 * its transaction size, and its ON CONFLICT clause, ids already resolved. Parents are loaded
 * first, untimed. 'values' is the classic multi-row INSERT ... VALUES with a prepared statement;
 * 'json' is the statement shape the ingest service uses on SQLite (rows in one JSON parameter).
 */
async function measureFloor(w: World, batchSize: number, dir: string, shape: FloorShape): Promise<number> {
  const file = path.join(dir, `floor-${shape}.sqlite`);
  const schema = await Database.open({ databaseUrl: undefined, sqlitePath: file, logSql: false });
  await schema.close();
  const db = new sqlite3.Database(file);
  try {
    for (const pragma of ['journal_mode = WAL', 'synchronous = NORMAL', 'cache_size = -65536', 'foreign_keys = ON']) await run(db, `PRAGMA ${pragma}`);
    const bulk = async (table: string, columns: string[], count: number, row: (i: number) => unknown[]) => {
      const inserter = new MultiRowInserter(db, table, columns);
      await run(db, 'BEGIN');
      for (let at = 0; at < count; at += 10_000) {
        const rows: unknown[][] = [];
        for (let i = at; i < Math.min(count, at + 10_000); i++) rows.push(row(i));
        await inserter.insert(rows);
      }
      await run(db, 'COMMIT');
      await inserter.finalize();
    };
    // Ids are assigned in insertion order from 1, so index i has id i + 1.
    await bulk('person', ['id', 'external_id', 'display_name', 'created_at'], w.people, (i) => [i + 1, `bp${i}`, `Bench person ${i}`, START]);
    await bulk('network_account', ['id', 'person_id', 'network', 'external_id', 'handle', 'created_at'], w.people, (i) => [i + 1, i + 1, 'TWITTER', `ba${i}`, `@bench${i}`, START]);
    await bulk('content', ['id', 'network', 'external_id', 'kind', 'author_account_id', 'author_person_id', 'posted_at'], w.content, (j) => {
      const author = authorOf(j, w) + 1;
      return [j + 1, 'TWITTER', `bc${j}`, 'POST', author, author, START + j];
    });

    const columns = ['network', 'external_id', 'kind', 'actor_account_id', 'target_content_id', 'target_account_id', 'occurred_at'];
    const onConflict = 'ON CONFLICT (network, external_id) DO NOTHING';
    const inserter = new MultiRowInserter(db, 'interaction', columns, onConflict);
    const fromJson = db.prepare(`INSERT INTO interaction (${columns.join(', ')}) SELECT ${columns.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) WHERE true ORDER BY key ${onConflict}`);
    const started = process.hrtime.bigint();
    for (let at = 0; at < w.interactions; at += batchSize) {
      const rows: unknown[][] = [];
      for (let k = at; k < Math.min(w.interactions, at + batchSize); k++) {
        const x = interactionAt(k, w);
        rows.push(['TWITTER', `bi${k}`, x.kind, x.actor + 1, x.content >= 0 ? x.content + 1 : null, x.target + 1, x.occurredAt]);
      }
      await run(db, 'BEGIN');
      if (shape === 'values') await inserter.insert(rows);
      else await runStatement(fromJson, [JSON.stringify(rows)]);
      await run(db, 'COMMIT');
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    await inserter.finalize();
    await new Promise<void>((resolve) => fromJson.finalize(() => resolve()));
    return ms;
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { interactions: { type: 'string' }, 'batch-size': { type: 'string' }, keep: { type: 'boolean' } },
  });
  const interactions = Number(values.interactions ?? 1_000_000);
  const batchSize = Number(values['batch-size'] ?? DEFAULT_BATCH_SIZE);
  if (!Number.isInteger(interactions) || interactions < 100) throw new Error('--interactions must be an integer of at least 100');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size must be a positive integer');
  const w = worldFor(interactions);
  const totalRows = 2 * w.people + w.content + w.interactions;

  console.log(`Import benchmark: ${formatCount(w.people)} people + ${formatCount(w.people)} accounts, ${formatCount(w.content)} content, ${formatCount(w.interactions)} interactions`);
  const genStarted = Date.now();
  const file = await ensureBenchFile(w);
  console.log(`  data: ${path.relative(REPO_ROOT, file)} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB, ${formatCount(totalRows)} rows; ready in ${((Date.now() - genStarted) / 1000).toFixed(1)} s)`);
  console.log(`  machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, batch ${formatCount(batchSize)} rows`);

  const dir = fs.mkdtempSync(path.join(BENCH_DIR, 'run-'));
  try {
    const db = await Database.open({ databaseUrl: undefined, sqlitePath: path.join(dir, 'import.sqlite'), logSql: false });
    const batches: BatchReport[] = [];
    let summary;
    try {
      await ensureTopicOntology(db, path.join(REPO_ROOT, 'data'));
      summary = await importFile(db, file, { batchSize, onBatch: (b) => batches.push(b) });
    } finally {
      await db.close();
    }
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    if (summary.errorCount || summary.rowsWritten !== totalRows) {
      throw new Error(`the import wrote ${summary.rowsWritten} of ${totalRows} rows with ${summary.errorCount} errors; first: ${JSON.stringify(summary.errors[0])}`);
    }
    // The interaction phase runs from the commit of the last batch holding none to the end.
    const beforeInteractions = batches.filter((b) => b.rows.interactions === 0).at(-1)?.doneAtMs ?? 0;
    const interactionMs = summary.elapsedMs - beforeInteractions;
    const interactionRate = (w.interactions / interactionMs) * 1000;
    const overallRate = (totalRows / summary.elapsedMs) * 1000;

    console.log(`  importer, interaction phase: ${formatCount(interactionRate)} rows/s (${formatCount(w.interactions)} rows in ${(interactionMs / 1000).toFixed(1)} s)`);
    console.log(`  importer, overall:           ${formatCount(overallRate)} rows/s (${formatCount(totalRows)} rows in ${(summary.elapsedMs / 1000).toFixed(1)} s)`);
    console.log(`  importer, peak RSS:          ${peakRssMb.toFixed(0)} MB`);
    for (const shape of ['values', 'json'] as const) {
      const floorMs = await measureFloor(w, batchSize, dir, shape);
      const floorRate = (w.interactions / floorMs) * 1000;
      const label = shape === 'values' ? 'multi-row INSERT ... VALUES, prepared once' : 'INSERT ... SELECT FROM json_each, as the importer';
      console.log(`  floor, raw sqlite3 ${label}: ${formatCount(floorRate)} rows/s (${(floorMs / 1000).toFixed(1)} s); importer at ${((interactionRate / floorRate) * 100).toFixed(0)}% of it`);
    }
    console.log(`  load average (1, 5, 15 min) at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`);
  } finally {
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`bench:import failed: ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = 1;
});
