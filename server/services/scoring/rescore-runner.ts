import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from '../../db/database';
import { runFullRescore, type RescoreOptions, type RescoreSummary } from './rescore-job';

export interface DatabaseLocation {
  databaseUrl: string | undefined;
  sqlitePath: string;
}

/**
 * Runs the full rescore off the request path: in a worker thread when running compiled code.
 * Under the test runner (TypeScript sources, no compiled worker) it runs in-process instead.
 */
export function runRescoreOffThread(db: Database, where: DatabaseLocation, options: RescoreOptions): Promise<RescoreSummary> {
  const workerFile = path.join(__dirname, 'rescore.worker.js');
  if (!__filename.endsWith('.js') || !fs.existsSync(workerFile)) return runFullRescore(db, options);
  const { onProgress, ...plain } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { database: where, options: plain } });
    worker.on('message', (msg: { type: string; summary?: RescoreSummary; done?: number; total?: number; label?: string; message?: string }) => {
      if (msg.type === 'progress') onProgress?.(msg.done!, msg.total!, msg.label!);
      else if (msg.type === 'done') resolve(msg.summary!);
      else if (msg.type === 'error') reject(new Error(`rescore failed: ${msg.message}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`rescore worker exited with code ${code}`)));
  });
}
