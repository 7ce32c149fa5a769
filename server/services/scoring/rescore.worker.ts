import os from 'node:os';
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { Database } from '../../db/database';
import { RESCORE_READER_CACHE_KIB, runFullRescore, type RescoreOptions } from './rescore-job';

/** The full rescore in a thread of its own, so the API keeps answering while it runs. */
interface RescoreWorkerData {
  database: { databaseUrl: string | undefined; sqlitePath: string };
  options: Omit<RescoreOptions, 'onProgress'>;
}

async function main(): Promise<void> {
  // Background work: on Linux the nice value is per thread, so requests on the main thread win the
  // CPU when both want it (a platform that refuses just runs the rescore at normal priority).
  try {
    os.setPriority(0, 10);
  } catch {
    // not permitted here: carry on
  }
  const { database, options } = workerData as RescoreWorkerData;
  const db = await Database.open({ ...database, logSql: false }, { readerCacheKib: RESCORE_READER_CACHE_KIB });
  try {
    const summary = await runFullRescore(db, {
      ...options,
      onProgress: (done, total, label) => parentPort!.postMessage({ type: 'progress', done, total, label }),
    });
    parentPort!.postMessage({ type: 'done', summary });
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  parentPort!.postMessage({ type: 'error', message: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) });
});
