import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { Database } from '../db/database';
import { ensureTopicOntology } from '../db/topic-ontology';
import { createServices } from '../services';
import { systemContext } from '../services/request-context';
import { closeRescoreThread } from '../services/scoring/rescore-runner';

/**
 * `npm run rescore [-- --backfill DAYS]`: the full recompute, network impact included, in a worker
 * thread, with progress per day. Running servers keep answering; with REDIS_URL their shared
 * score cache is cleared so they serve the new scores.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { backfill: { type: 'string', default: '0' } } });
  const backfillDays = Number(values.backfill);
  if (!Number.isInteger(backfillDays) || backfillDays < 0 || backfillDays > 365) throw new Error('--backfill must be a whole number of days from 0 to 365');
  const config = loadConfig();
  const db = await Database.open(config);
  try {
    await ensureTopicOntology(db, config.dataDir);
    const services = createServices({ database: config, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, log: (line) => console.log(line) });
    const tty = process.stderr.isTTY;
    const started = Date.now();
    await services.scoring.rescoreAll(systemContext(db, 'rescore'), {
      backfillDays,
      onProgress: (done, total, day) => {
        const line = `Rescoring: day ${done}/${total} (${day}), ${((Date.now() - started) / 1000).toFixed(1)} s`;
        if (tty) process.stderr.write(`\r${line}\x1b[K${done === total ? '\n' : ''}`);
        else if (done === total || done % 10 === 0) console.log(line);
      },
    });
    await services.scoring.close();
    await closeRescoreThread();
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
