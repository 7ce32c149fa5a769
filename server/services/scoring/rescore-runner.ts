import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from '../../db/database';
import { runFullRescore, type RescoreOptions, type RescoreSummary } from './rescore-job';

export interface DatabaseLocation {
  databaseUrl: string | undefined;
  sqlitePath: string;
}

/** What the worker thread posts back: progress, then the summary or the error of the job. */
type WorkerMessage = { type: 'ready' } | { type: 'progress'; done: number; total: number; label: string } | { type: 'done'; summary: RescoreSummary } | { type: 'error'; message: string };

interface Job {
  resolve(summary: RescoreSummary): void;
  reject(error: Error): void;
  onProgress?: RescoreOptions['onProgress'];
}

/**
 * The worker thread full rescores run in, started once and reused: loading TypeORM and the
 * engine into a fresh thread took a third of a second of every rescore. One job at a time (a
 * queue, though the scoring service already runs one rescore at a time); a thread that dies
 * fails its job and is started afresh for the next. Idle, it does not keep the process alive.
 */
class RescoreThread {
  private worker: Worker | undefined;
  private loaded: Promise<void> | undefined;
  private job: Job | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  /** Starts the thread now, so the first rescore finds it loaded; resolves once it is. */
  warm(): Promise<void> {
    this.thread();
    return this.loaded!;
  }

  run(where: DatabaseLocation, options: RescoreOptions): Promise<RescoreSummary> {
    const { onProgress, ...plain } = options;
    const next = this.queue.then(
      () =>
        new Promise<RescoreSummary>((resolve, reject) => {
          const worker = this.thread();
          worker.postMessage({ database: where, options: plain }); // throws (rejects) before any job is set if options cannot cross
          this.job = { resolve, reject, onProgress };
          worker.ref(); // a command-line rescore waits on nothing else
        }),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Lets the thread finish its job, if any, and end on its own (see rescore.worker.ts). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await this.queue;
    worker.ref(); // wait for it to end
    worker.postMessage('stop');
    await exited;
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.file);
    worker.unref();
    let loaded!: () => void;
    this.loaded = new Promise((resolve) => (loaded = resolve));
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'ready') return loaded();
      const job = this.job;
      if (!job) return;
      if (msg.type === 'progress') {
        job.onProgress?.(msg.done, msg.total, msg.label);
        return;
      }
      this.job = undefined;
      worker.unref();
      if (msg.type === 'done') job.resolve(msg.summary);
      else job.reject(new Error(`rescore failed: ${msg.message}`));
    });
    const died = (error: Error) => {
      loaded(); // nobody waits for a thread that is gone
      if (this.worker === worker) this.worker = undefined;
      const job = this.job;
      this.job = undefined;
      job?.reject(error);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`rescore worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

const WORKER_FILE = path.join(__dirname, 'rescore.worker.js');
/** Compiled code runs rescores in the thread; under the test runner (TypeScript sources, no compiled worker) they run in-process. */
const thread = __filename.endsWith('.js') && fs.existsSync(WORKER_FILE) ? new RescoreThread(WORKER_FILE) : undefined;

/** Runs the full rescore off the request path, in the worker thread when running compiled code. */
export function runRescoreOffThread(db: Database, where: DatabaseLocation, options: RescoreOptions): Promise<RescoreSummary> {
  return thread ? thread.run(where, options) : runFullRescore(db, options);
}

/** Starts the rescore thread ahead of the first rescore (the server does at start-up); resolves once it is loaded. */
export async function warmRescoreThread(): Promise<void> {
  await thread?.warm();
}

/** Stops the rescore thread (after the last rescore: the scoring service waits for it first). */
export async function closeRescoreThread(): Promise<void> {
  await thread?.close();
}
