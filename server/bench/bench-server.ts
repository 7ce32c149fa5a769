import { randomBytes } from 'node:crypto';
import 'reflect-metadata';
import { Role } from '#shared/roles';
import { systemContext } from '../services/request-context';
import { startApp } from '../app';
import { loadConfig } from '../config';
import { memoizeServices } from './memoized-services';

/**
 * A server for the benchmarks, in a process of its own so the load generator does not share its
 * event loop. Usage: node bench-server.js SQLITE_PATH db|memory|rescoring.
 * "rescoring" starts a full rescore in a worker thread at once and prints "RESCORED" when done.
 * Prints "PORT <n> TOKEN <admin token>" when ready.
 */
async function main(): Promise<void> {
  const [sqlitePath, mode] = process.argv.slice(2);
  const base = loadConfig({});
  // Throughput, not the per-caller budget, is measured: every request comes from one address.
  const limits = { ...base.limits, budget: 1_000_000_000, budgetRefillPerSecond: 1_000_000_000 };
  const config = loadConfig({}, { port: 0, host: '127.0.0.1', sqlitePath, databaseUrl: undefined, seedDemo: false, limits, logLevel: 'silent' });
  const app = await startApp(config, {
    wrapServices: mode === 'memory' ? memoizeServices : undefined,
    rescoreOnStart: mode === 'rescoring',
    log: (line) => line.startsWith('Rescored') && process.stdout.write(`RESCORED ${line}\n`),
  });
  // Reads of influencer data need a login: the load generator acts as an ADMIN made for the run.
  const ctx = systemContext(app.db, 'bench');
  const email = `bench-${process.pid}@bench.sway`;
  const password = randomBytes(18).toString('base64url');
  await app.services.auth.createUser(ctx, { email, password, role: Role.ADMIN });
  const { token } = await app.services.auth.login(ctx, email, password);
  process.stdout.write(`PORT ${app.http.port} TOKEN ${token}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
