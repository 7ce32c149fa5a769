import os from 'node:os';
import 'reflect-metadata';
import { parentPort } from 'node:worker_threads';
import { Database } from '../../db/database';
import { RESCORE_READER_CACHE_KIB, runFullRescore, type RescoreOptions } from './rescore-job';

/**
 * The full rescore in a thread of its own, so the API keeps answering while it runs. The thread
 * stays up between rescores (see rescore-runner.ts): each message is one job, answered with its
 * progress, then its summary or its error.
 */
interface RescoreJob {
  database: { databaseUrl: string | undefined; sqlitePath: string };
  options: Omit<RescoreOptions, 'onProgress'>;
}

// Background work: on Linux the nice value is per thread, so requests on the main thread win the
// CPU when both want it (a platform that refuses just runs the rescore at normal priority).
try {
  os.setPriority(0, 10);
} catch {
  // not permitted here: carry on
}

async function run({ database, options }: RescoreJob): Promise<void> {
  // Connections per job: nothing is held open between rescores. The summary goes back once they
  // are closed, so a thread stopped right after its last job has nothing left in flight.
  const db = await Database.open({ ...database, logSql: false }, { readerCacheKib: RESCORE_READER_CACHE_KIB });
  let summary;
  try {
    summary = await runFullRescore(db, {
      ...options,
      onProgress: (done, total, label) => parentPort!.postMessage({ type: 'progress', done, total, label }),
    });
  } finally {
    await db.close();
  }
  parentPort!.postMessage({ type: 'done', summary });
}

parentPort!.on('message', (job: RescoreJob | 'stop') => {
  // Stopping lets the thread end on its own (terminating it with sqlite3 handles open aborts the process).
  if (job === 'stop') return parentPort!.close();
  run(job).catch((err: unknown) => {
    parentPort!.postMessage({ type: 'error', message: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
  });
});
parentPort!.postMessage({ type: 'ready' });
