import 'reflect-metadata';
import { startApp } from '../app';
import { loadConfig } from '../config';

/**
 * One server instance for `npm run bench:load`, in a process of its own. Configured by the
 * environment like production (DATABASE_URL, SQLITE_PATH, REDIS_URL, REDIS_PREFIX, ADMIN_*);
 * the per-caller budget is lifted (all load comes from one address: throughput is measured, not
 * the budget). Prints "PORT <n>" when ready; SIGTERM shuts it down gracefully.
 */
async function main(): Promise<void> {
  const base = loadConfig();
  const limits = { ...base.limits, budget: 1_000_000_000, budgetRefillPerSecond: 1_000_000_000, loginAttemptsPerAccount: 1000 };
  const app = await startApp(loadConfig(process.env, { port: 0, host: '127.0.0.1', seedDemo: false, limits, logLevel: process.env.LOG_LEVEL || 'silent' }), { rescoreOnStart: false });
  process.stdout.write(`PORT ${app.http.port}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
