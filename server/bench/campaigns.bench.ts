import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { startApp } from '../app';
import { loadConfig, REPO_ROOT } from '../config';
import { DEMO_PASSWORD } from '../db/seed/demo-users';
import { systemContext } from '../services/request-context';
import { BENCH_DIR } from './bench-world';
import { percentile, sequentialLatencies } from './http-load';

/**
 * Campaign benchmark (`npm run bench:campaigns`): previewAudience over HTTP on the demo world
 * (3,000 people, scored), as brand@demo.sway, for several targeting criteria: p50/p95/max of 200
 * sequential requests each, beside the floor of the same HTTP stack answering `{ __typename }`
 * with the same login. Goal: at most 150 ms, so the preview follows a slider.
 */
const PREVIEW = `query Preview($target: AudienceTargetInput!) { previewAudience(target: $target, first: 20) {
  size byScoreBand { band count } byNetwork { network count } byRegion { region count } people { id displayName region score { value } } } }`;

const CRITERIA: [string, Record<string, unknown>][] = [
  ['everyone scored', {}],
  ['score 40–100', { minScore: 40, maxScore: 100 }],
  ['score 20–60, Twitter or Instagram', { minScore: 20, maxScore: 60, networks: ['TWITTER', 'INSTAGRAM'] }],
  ['regions US, GB, CA, authenticity ≥ 50', { regions: ['US', 'GB', 'CA'], minAuthenticity: 50 }],
  ['topics basketball, nba, soccer, score ≥ 10', { topics: ['basketball', 'nba', 'soccer'], minScore: 10 }],
  ['all conditions at once', { minScore: 15, maxScore: 90, topics: ['machine-learning', 'startups'], networks: ['TWITTER', 'LINKEDIN', 'BLOG'], regions: ['US', 'IN', 'DE'], minAuthenticity: 20 }],
];
const REQUESTS = 200;
const GOAL_MS = 150;

async function main(): Promise<void> {
  const sqlitePath = await ensureDemoDatabase();
  console.log(`Database: ${path.relative(REPO_ROOT, sqlitePath)} (the demo world)`);
  const server = await startServer(sqlitePath);
  try {
    const login = await post(server.port, { query: `mutation { login(email: "brand@demo.sway", password: "${DEMO_PASSWORD}") { token } }` });
    const headers = { authorization: `Bearer ${login.data.login.token}` };
    const floorBody = JSON.stringify({ query: '{ __typename }' });
    await sequentialLatencies(server.port, floorBody, 50, headers);
    const floor = await sequentialLatencies(server.port, floorBody, REQUESTS, headers);
    const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
    console.log(`previewAudience over HTTP, ${REQUESTS} sequential requests per criteria (goal: ≤ ${GOAL_MS} ms):`);
    console.log(`  ${'floor: { __typename }, same stack and login'.padEnd(58)} ${fmt(floor)}`);
    let worst = 0;
    for (const [label, target] of CRITERIA) {
      const body = JSON.stringify({ query: PREVIEW, variables: { target } });
      const size = (await post(server.port, JSON.parse(body), headers)).data.previewAudience.size;
      await sequentialLatencies(server.port, body, 20, headers);
      const latencies = await sequentialLatencies(server.port, body, REQUESTS, headers);
      worst = Math.max(worst, percentile(latencies, 95));
      console.log(`  ${`${label} (${size} people)`.padEnd(58)} ${fmt(latencies)}`);
    }
    console.log(`Worst p95: ${worst.toFixed(1)} ms — ${worst <= GOAL_MS ? 'within' : 'OVER'} the ${GOAL_MS} ms goal (load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, ${os.cpus().length} cores)`);
  } finally {
    server.stop();
  }
}

/** The demo world, seeded and scored once into data/bench/demo.sqlite and kept for the next run. */
async function ensureDemoDatabase(): Promise<string> {
  const file = path.join(BENCH_DIR, 'demo.sqlite');
  if (fs.existsSync(file) && fs.existsSync(`${file}.complete`)) return file;
  for (const stale of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(stale, { force: true });
  console.log(`Seeding and scoring the demo world into ${path.relative(REPO_ROOT, file)} (once)…`);
  const app = await startApp(loadConfig({}, { port: 0, host: '127.0.0.1', sqlitePath: file, databaseUrl: undefined, seedDemo: true }), { rescoreOnStart: false });
  try {
    await app.services.scoring.rescoreAll(systemContext(app.db, 'bench'));
  } finally {
    await app.close();
  }
  fs.writeFileSync(`${file}.complete`, new Date().toISOString());
  return file;
}

async function post(port: number, body: unknown, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { data?: any; errors?: unknown[] };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json;
}

function startServer(sqlitePath: string): Promise<{ port: number; stop(): void }> {
  const child = fork(path.join(__dirname, 'bench-server.js'), [sqlitePath, 'db'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const stop = () => void (child.exitCode === null && child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /PORT (\d+)/.exec(chunk.toString());
      if (match) resolve({ port: Number(match[1]), stop });
    });
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
