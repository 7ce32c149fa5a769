import type { SharedState } from './shared-state';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Runs scheduled work (full rescores, daily snapshots) once per period for the whole cluster, not
 * once per instance: every instance ticks, and the one that takes the period's lock (Redis SET NX
 * with an expiry, shared by all instances) runs the job. A crashed leader's lock simply expires.
 */
export class Scheduler {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<Promise<unknown>>();

  constructor(
    private readonly state: SharedState,
    private readonly log: (fields: Record<string, unknown>, message: string) => void = () => undefined,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Ticks each job every `tickMs` (default: a tenth of its period, at least a second). */
  start(jobs: ScheduledJob[], tickMs?: number): void {
    for (const job of jobs) {
      const timer = setInterval(() => void this.tick(job), tickMs ?? Math.max(1000, Math.floor(job.everyMs / 10)));
      timer.unref();
      this.timers.push(timer);
    }
  }

  /**
   * One attempt: runs the job if its current period has not run anywhere yet. True when this
   * instance ran it.
   */
  async tick(job: ScheduledJob): Promise<boolean> {
    const period = Math.floor(this.clock() / job.everyMs);
    if (!(await this.state.acquire(`job:${job.name}:${period}`, job.everyMs * 2))) return false;
    const run = job.run().then(
      () => this.log({ job: job.name, period }, 'scheduled job done'),
      (err: unknown) => this.log({ job: job.name, period, err }, 'scheduled job failed'),
    );
    this.running.add(run);
    await run;
    this.running.delete(run);
    return true;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await Promise.all([...this.running]);
  }
}
