import type { Logger } from 'typeorm';
import type { Config } from './config';
import { Database } from './db/database';
import { ensureTopicOntology } from './db/topic-ontology';
import { startHttpServer, type RunningServer } from './http/http-server';
import { createServices, type Services } from './services';
import { systemContext } from './services/request-context';

export interface App {
  config: Config;
  db: Database;
  services: Services;
  http: RunningServer;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Receives every SQL statement (tests count them). */
  sqlLogger?: Logger;
  log?: (line: string) => void;
  /** Run a full rescore after start-up (default true). */
  rescoreOnStart?: boolean;
  /** Replaces the services (benchmarks answer from memory to measure the stack's ceiling). */
  wrapServices?: (services: Services) => Services;
}

/** Opens storage, loads reference data, seeds the demo world if asked and empty, and serves HTTP. */
export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? (() => undefined);
  const db = await Database.open(config, { logger: options.sqlLogger });
  try {
    const topics = await ensureTopicOntology(db, config.dataDir);
    if (topics) log(`Loaded ${topics.toLocaleString('en')} Klout topics`);
    const auth = { secret: config.authSecret, tokenTtlMs: config.authTokenTtlMs };
    const services = (options.wrapServices ?? ((s) => s))(createServices({ database: config, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, log, auth }));
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
    const http = await startHttpServer({ db, services, port: config.port, host: config.host, adminDist: config.adminDist });
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
      async close() {
        await http.close();
        await services.scoring.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
