import { fork } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import 'reflect-metadata';
import { InteractionKind } from '../../shared/interactions';
import { Network } from '../../shared/networks';
import { Database } from '../db/database';
import { createServices } from '../services';
import { systemContext } from '../services/request-context';
import { ensureBenchDatabase } from './bench-database';
import { percentile, sequentialLatencies } from './http-load';

/**
 * Scoring benchmark (`npm run bench:scoring`) on 100,000 people and 1,000,000 interactions:
 * - full rescore beside its floor, reading the interactions alone from the database;
 * - cached reads of 100 people's scores;
 * - freshness after an ingest of 1,000 interactions;
 * - p99 of a simple query while a full rescore runs in the server's worker thread.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { interactions: { type: 'string', default: '1000000' } } });
  const sqlitePath = await ensureBenchDatabase(Number(values.interactions));
  const where = { databaseUrl: undefined, sqlitePath };
  console.log(`Database: ${sqlitePath}`);
  const db = await Database.open({ ...where, logSql: false });
  const ctx = systemContext(db, 'bench');

  // The full rescore as production runs it: through the service, in a worker thread. First, so the
  // process's peak memory is the rescore's own.
  const services = createServices({ database: where });
  let t = performance.now();
  const summary = await services.scoring.rescoreAll(ctx);
  const rescoreMs = performance.now() - t;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  // Floor: only reading the interactions the engine needs.
  t = performance.now();
  const rows = await db.reader.query('SELECT actor_account_id, target_account_id, target_content_id, kind, occurred_at FROM interaction');
  const floorMs = performance.now() - t;
  console.log(`Floor: reading ${rows.length.toLocaleString('en')} interactions takes ${(floorMs / 1000).toFixed(2)} s`);
  rows.length = 0;
  console.log(
    `Full rescore of ${summary.people.toLocaleString('en')} people (worker thread): ${(rescoreMs / 1000).toFixed(2)} s ` +
      `(read ${(summary.readMs / 1000).toFixed(2)}, score ${(summary.scoreMs / 1000).toFixed(2)}, write ${(summary.writeMs / 1000).toFixed(2)}) = ` +
      `${(rescoreMs / floorMs).toFixed(2)}× the floor (goal ≤ 1.5×, < 10 s); peak RSS ${peakMb.toFixed(0)} MB (goal ≤ 1 GB)`,
  );

  const page: number[] = (await db.reader.query('SELECT id FROM person ORDER BY id LIMIT 100')).map((r: { id: number }) => Number(r.id));
  await services.scoring.scores(ctx, page); // fills the cache from stored scores
  const cached: number[] = [];
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    await services.scoring.scores(ctx, page);
    cached.push(performance.now() - t);
  }
  console.log(`Cached reads, 100 people's scores: p50 ${percentile(cached, 50).toFixed(2)} ms, p99 ${percentile(cached, 99).toFixed(2)} ms (goal ≤ 5 ms)`);

  // An ingest of 1,000 interactions on the content of 100 people, then their scores read fresh.
  const targets: { network: string; external_id: string; author_person_id: number }[] = await db.reader.query(
    "SELECT network, external_id, author_person_id FROM content WHERE network = 'TWITTER' ORDER BY id DESC LIMIT 100",
  );
  const actors: { external_id: string }[] = await db.reader.query("SELECT external_id FROM network_account WHERE network = 'TWITTER' ORDER BY id LIMIT 1000");
  const now = Date.now();
  const run = `bench-${now}`;
  const interactions = Array.from({ length: 1000 }, (_, i) => ({
    network: Network.TWITTER,
    externalId: `${run}-${i}`,
    kind: InteractionKind.SHARE,
    actorExternalId: actors[i % actors.length].external_id,
    targetContentExternalId: targets[i % targets.length].external_id,
    occurredAt: now,
  }));
  t = performance.now();
  await services.ingest.ingest(ctx, { interactions });
  const ingestMs = performance.now() - t;
  t = performance.now();
  const affected = [...new Set(targets.map((c) => Number(c.author_person_id)))];
  await services.scoring.scores(ctx, affected);
  const freshMs = performance.now() - t;
  console.log(`After an ingest of 1,000 interactions (${ingestMs.toFixed(0)} ms to write): ${affected.length} affected people's scores fresh in ${freshMs.toFixed(0)} ms (goal ≤ 200 ms)`);
  await services.scoring.close();
  await db.close();

  // Latency of a simple query while the server rescores everyone in its worker thread.
  const server = await startRescoringServer(sqlitePath);
  const body = JSON.stringify({ query: '{ people(first: 10) { totalCount nodes { displayName } } }' });
  const during: number[] = [];
  while (!server.rescored()) during.push(...(await sequentialLatencies(server.port, body, 10)));
  server.stop();
  console.log(`During a full rescore (${during.length} requests): p50 ${percentile(during, 50).toFixed(1)} ms, p99 ${percentile(during, 99).toFixed(1)} ms (goal: p99 < 50 ms)`);
}

function startRescoringServer(sqlitePath: string): Promise<{ port: number; rescored(): boolean; stop(): void }> {
  const child = fork(path.join(__dirname, 'bench-server.js'), [sqlitePath, 'rescoring'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  let done = false;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('RESCORED')) done = true;
      const match = /PORT (\d+)/.exec(text);
      if (match) resolve({ port: Number(match[1]), rescored: () => done, stop: () => void child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
