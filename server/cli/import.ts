import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { Database } from '../db/database';
import { ensureTopicOntology } from '../db/topic-ontology';
import { DEFAULT_BATCH_SIZE, importFile } from '../import/importer';
import { errorLines, ProgressBar, summaryLines } from '../import/progress';
import { FILE_FORMATS, formatFromPath, type FileFormat } from '../import/readers';
import { ROW_TYPES, type RowType } from '../import/rows';
import { IngestService } from '../services/ingest.service';
import { RedisScoreCache } from '../services/scoring/redis-score-cache';

const USAGE = `Usage: npm run import -- FILE [--format ndjson|csv] [--type ${ROW_TYPES.join('|')}] [--batch-size N]

Loads people, accounts, content and interactions from an NDJSON (.ndjson, .jsonl) or CSV (.csv)
file. Each row has a "type" (${ROW_TYPES.join(', ')}); --type gives it to rows that have none.
Writes to DATABASE_URL (PostgreSQL) or else the SQLite file SQLITE_PATH (default data/sway.sqlite).
With REDIS_URL, the people an import changes are marked stale in the shared score cache; a server
without Redis keeps its own cache, which this process cannot reach.
Exits 1 when any row was rejected.`;

/** How many errors are printed; the summary gives the full count. */
const PRINTED_ERRORS = 50;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        type: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) return usageError('give exactly one FILE');
  const file = positionals[0];
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return usageError(`no such file: ${file}`);
  const format = (values.format ?? formatFromPath(file)) as FileFormat | undefined;
  if (!format || !FILE_FORMATS.includes(format)) return usageError(`cannot tell the format of ${file}; pass --format ${FILE_FORMATS.join('|')}`);
  const defaultType = values.type as RowType | undefined;
  if (defaultType !== undefined && !ROW_TYPES.includes(defaultType)) return usageError(`--type must be one of ${ROW_TYPES.join(', ')}`);
  const batchSize = values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) return usageError('--batch-size must be a positive integer');

  const config = loadConfig();
  const db = await Database.open(config);
  // Like the server's ingest, an import marks the people it changed stale in the shared score cache.
  const scoreCache = config.redisUrl ? new RedisScoreCache(config.redisUrl, config.redisPrefix) : undefined;
  const ingest = new IngestService(scoreCache && ((personIds) => scoreCache.invalidate(personIds)));
  try {
    await ensureTopicOntology(db, config.dataDir);
    const bar = process.stderr.isTTY ? new ProgressBar(process.stderr, path.basename(file)) : undefined;
    let last: Parameters<ProgressBar['update']>[0] | undefined;
    const summary = await importFile(db, file, {
      format,
      defaultType,
      batchSize,
      ingest,
      onProgress: (p) => {
        last = p;
        bar?.update(p);
      },
    });
    if (bar && last) bar.done(last);
    for (const line of summaryLines(summary)) console.error(line);
    for (const line of errorLines(summary, PRINTED_ERRORS)) console.error(line);
    return summary.errorCount ? 1 : 0;
  } finally {
    await db.close();
    await scoreCache?.close();
  }
}

function usageError(message: string): number {
  console.error(`import: ${message}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`import failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
