import { randomUUID } from 'node:crypto';
import type { Logger as SqlLogger } from 'typeorm';
import { ScoringCluster } from './cluster/scoring-cluster';
import { Scheduler } from './cluster/scheduler';
import { createSharedState, type SharedState } from './cluster/shared-state';
import type { Config } from './config';
import { Database } from './db/database';
import { ensureTopicOntology } from './db/topic-ontology';
import { startHttpServer, type RunningServer } from './http/http-server';
import { createLogger, type Logger } from './observability/logger';
import { Metrics } from './observability/metrics';
import { createServices, type Services } from './services';
import { systemContext } from './services/request-context';
import type { HeldRescore } from './services/scoring/rescore-guard';
import type { RescoreOptions } from './services/scoring/rescore-job';
import { closeRescoreThread, warmRescoreThread } from './services/scoring/rescore-runner';

export interface App {
  config: Config;
  db: Database;
  services: Services;
  http: RunningServer;
  logger: Logger;
  metrics: Metrics;
  /** State shared by the cluster's instances (Redis when REDIS_URL is set). */
  state: SharedState;
  scheduler: Scheduler;
  /** A random id of this process in the cluster. */
  instanceId: string;
  /** Graceful: requests in flight finish, then connections, rescore, cache and database close. */
  close(): Promise<void>;
}

export interface AppOptions {
  /** Receives every SQL statement (tests count them). */
  sqlLogger?: SqlLogger;
  log?: (line: string) => void;
  /** Run a full rescore after start-up (default true). */
  rescoreOnStart?: boolean;
  /** Replaces the services (benchmarks answer from memory to measure the stack's ceiling). */
  wrapServices?: (services: Services) => Services;
  /** The structured log; made from config.logLevel when absent. */
  logger?: Logger;
  /** The engine of full rescores (tests inject a broken one to exercise the rescore guard). */
  rescoreEngine?: RescoreOptions['engine'];
}

/** Opens storage, loads reference data, seeds the demo world if asked and empty, and serves HTTP. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const log = options.log ?? ((line: string) => logger.info(line));
  const instanceId = randomUUID();
  const db = await Database.open(config, { logger: options.sqlLogger });
  const state = createSharedState(config.redisUrl, config.redisPrefix);
  try {
    const topics = await ensureTopicOntology(db, config.dataDir);
    if (topics) log(`Loaded ${topics.toLocaleString('en')} Klout topics`);
    const auth = { secret: config.authSecret, tokenTtlMs: config.authTokenTtlMs };
    const metrics = new Metrics();
    const cluster = new ScoringCluster(state, instanceId);
    await cluster.start();
    const heldStore = {
      get: async () => {
        const text = await state.get('rescore:held');
        return text ? (JSON.parse(text) as HeldRescore) : undefined;
      },
      set: async (held: HeldRescore | undefined) => {
        metrics.rescoreHeld.set(held ? 1 : 0);
        await state.set('rescore:held', held && JSON.stringify(held));
      },
    };
    const services = (options.wrapServices ?? ((s) => s))(
      createServices({
        database: config,
        redisUrl: config.redisUrl,
        redisPrefix: config.redisPrefix,
        log,
        auth,
        state,
        metrics,
        loginAttempts: { perAccount: config.limits.loginAttemptsPerAccount, perAddress: config.limits.loginAttemptsPerAddress },
        scoring: {
          guard: config.rescoreGuard,
          engine: options.rescoreEngine,
          cluster,
          heldStore,
          onFullRescore: ({ outcome, seconds, summary, error }) => {
            metrics.rescoreDuration.observe({ outcome }, seconds);
            if (outcome === 'held') logger.warn({ rescore: 'held', reasons: summary?.held?.reasons, candidate: summary?.held?.candidate, baseline: summary?.held?.baseline }, 'full rescore held by the guard');
            else if (outcome === 'failed') logger.error({ rescore: 'failed', err: error }, 'full rescore failed');
            else logger.info({ rescore: 'published', people: summary?.people, seconds }, 'full rescore published');
          },
        },
      }),
    );
    // Loaded now, while the server starts: the first full rescore does not pay for it.
    void warmRescoreThread();
    if (config.authSecretGenerated) {
      log('AUTH_SECRET is not set: login tokens are signed with a random secret made for this process; they stop working when it restarts, and other instances refuse them.');
    }
    if (config.admin) {
      const admin = await services.auth.ensureFirstAdmin(systemContext(db, 'startup'), config.admin.email, config.admin.password).catch((err: Error) => {
        throw new Error(`ADMIN_EMAIL/ADMIN_PASSWORD: ${err.message}`);
      });
      if (admin) log(`Created the first admin, ${admin.email}`);
    }
    // Loaded only when wanted: production instances never need the generator.
    const { isDatabaseEmpty, seedDemoWorld } = config.seedDemo ? await import('./db/seed/seed-demo') : ({} as never);
    const { startOfUtcDay } = config.seedDemo ? await import('./db/seed/demo-world') : ({} as never);
    let backfillDays = 0;
    if (config.seedDemo && (await isDatabaseEmpty(db))) {
      log('Empty database: seeding the demo world…');
      const seeded = await seedDemoWorld(systemContext(db, 'seed'), services.ingest, { anchor: startOfUtcDay(Date.now()), log });
      backfillDays = 90; // the demo comes with 90 days of daily scores
      if (config.production) log('Demo logins are not created in production (NODE_ENV=production).');
      else {
        const { DEMO_PASSWORD, seedDemoUsers } = await import('./db/seed/demo-users');
        const created = await seedDemoUsers(systemContext(db, 'seed'), services.auth, seeded.cast.influencers[0]);
        if (created.length) log(`Demo logins, password "${DEMO_PASSWORD}": ${created.join(', ')}`);
      }
      const { seedDemoCampaigns } = await import('./db/seed/demo-campaigns');
      const campaigns = await seedDemoCampaigns(systemContext(db, 'seed'), services, {
        anchor: startOfUtcDay(Date.now()),
        spare: seeded.cast.influencers.slice(0, 1),
        exclude: seeded.planted.flatMap((p) => [...p.personExternalIds, ...p.beneficiaryPersonExternalIds]),
        managerEmail: config.production ? undefined : 'brand@demo.sway',
      });
      log(`Seeded ${campaigns.campaigns} demo campaigns: ${campaigns.claims} claims, ${campaigns.posts} posts with their codes, ${campaigns.conversions} conversions`);
    }
    const http = await startHttpServer({
      db,
      services,
      port: config.port,
      host: config.host,
      adminDist: config.adminDist,
      logger,
      metrics,
      state,
      limits: config.limits,
      production: config.production,
      trustProxy: config.trustProxy,
      shutdownGraceMs: config.shutdownGraceMs,
      readiness: async () => {
        const failing: string[] = [];
        await db.reader.query('SELECT 1').catch(() => failing.push('database'));
        if (!(await state.ping())) failing.push('redis');
        return failing;
      },
    });
    const scheduler = new Scheduler(state, (fields, message) => logger.info(fields, message));
    if (config.rescoreIntervalMs > 0) {
      scheduler.start([{ name: 'rescore', everyMs: config.rescoreIntervalMs, run: () => services.scoring.rescoreAll(systemContext(db, 'scheduler')) }]);
    }
    if (options.rescoreOnStart ?? true) {
      // In a worker thread: the API answers meanwhile, and reads of scores wait for it only when they must.
      log(backfillDays ? `Scoring everyone and backfilling ${backfillDays} days of history in the background…` : 'Rescoring in the background…');
      services.scoring.rescoreAll(systemContext(db, 'startup'), { backfillDays }).catch((err) => log(`Rescore failed: ${err instanceof Error ? err.message : err}`));
    }
    return {
      config,
      db,
      services,
      http,
      logger,
      metrics,
      state,
      scheduler,
      instanceId,
      async close() {
        await http.close();
        logger.debug('shutdown: HTTP closed');
        await scheduler.stop();
        await services.scoring.close();
        await closeRescoreThread();
        logger.debug('shutdown: scoring closed');
        await state.close();
        await db.close();
        logger.debug('shutdown: storage closed');
      },
    };
  } catch (err) {
    await state.close();
    await db.close();
    throw err;
  }
}
