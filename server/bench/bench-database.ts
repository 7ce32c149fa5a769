import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { Database } from '../db/database';
import { ensureTopicOntology } from '../db/topic-ontology';
import { importFile } from '../import/importer';
import { BENCH_DIR, ensureBenchFile, worldFor } from './bench-world';

/**
 * A SQLite database holding the benchmark world (by default 100,000 people, 200,000 content
 * items, 1,000,000 interactions), imported once from the generated NDJSON and kept under
 * data/bench/ for the next run. Removing the file rebuilds it.
 */
export async function ensureBenchDatabase(interactions: number): Promise<string> {
  const world = worldFor(interactions);
  const file = path.join(BENCH_DIR, `world-${interactions}.sqlite`);
  if (fs.existsSync(file) && fs.existsSync(`${file}.complete`)) return file;
  for (const stale of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(stale, { force: true });
  const ndjson = await ensureBenchFile(world);
  console.log(`Building ${path.relative(REPO_ROOT, file)} from ${path.relative(REPO_ROOT, ndjson)} (once)…`);
  const db = await Database.open({ databaseUrl: undefined, sqlitePath: file, logSql: false });
  try {
    await ensureTopicOntology(db, path.join(REPO_ROOT, 'data'));
    const summary = await importFile(db, ndjson);
    if (summary.errors.length) throw new Error(`the benchmark world did not import cleanly: ${JSON.stringify(summary.errors[0])}`);
  } finally {
    await db.close();
  }
  fs.writeFileSync(`${file}.complete`, new Date().toISOString());
  return file;
}
