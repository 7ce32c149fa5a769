import 'reflect-metadata';
import { startApp } from './app';
import { loadConfig } from './config';

/** `npm start`: serve the API and the console until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await startApp(config, { log: (line) => console.log(line) });
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite ${config.sqlitePath}`;
  console.log(`Sway is up (${where})`);
  console.log(`  GraphQL        ${app.http.url}/graphql`);
  console.log(`  Query explorer ${app.http.url}/explorer/`);
  console.log(`  Admin console  ${app.http.url}/admin/`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Graceful: /readyz turns 503, requests in flight finish (up to SHUTDOWN_GRACE), then connections close.
    app.logger.info({ signal, inFlight: app.http.inFlight }, 'shutting down');
    await app.close();
    app.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
