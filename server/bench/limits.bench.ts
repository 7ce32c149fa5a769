import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config';
import { percentile } from './http-load';

/**
 * How fast each bomb is refused (`npm run bench:limits`): a depth bomb, an alias bomb, a
 * 10,000-field document, a huge variables object and an over-cost query, 50 of each, against a
 * real server on loopback (SQLite, production mode). Prints the status, p50/p99 of the refusal
 * beside a floor, and an ordinary query's p50 before and after (the server stays healthy).
 */
const FLOOR_MS = 50;
const limits = loadConfig({}).limits;

function depthBomb(): string {
  let inner = 'id';
  for (let i = 0; i < 200; i++) inner = `person { accounts(first: 1) { nodes { ${inner} } } }`;
  return JSON.stringify({ query: `{ people(first: 1) { nodes { ${inner} } } }` });
}

const BOMBS: { name: string; body: () => string }[] = [
  { name: 'depth bomb (600 levels)', body: depthBomb },
  { name: 'alias bomb (400 aliases)', body: () => JSON.stringify({ query: `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: __typename`).join(' ')} }` }) },
  { name: '10,000-field document', body: () => JSON.stringify({ query: `{ ${Array(10_000).fill('__typename').join(' ')} }` }) },
  { name: `huge variables (${Math.round((limits.maxBodyBytes * 2) / 1024 / 1024)} MB)`, body: () => JSON.stringify({ query: '{ __typename }', variables: { blob: 'x'.repeat(limits.maxBodyBytes * 2) } }) },
  { name: 'over-cost query', body: () => JSON.stringify({ query: `{ people(first: 100) { nodes { accounts(first: 100) { nodes { content(first: 100) { totalCount } } } } } }` }) },
];
const ORDINARY = JSON.stringify({ query: `{ people(first: 10) { totalCount nodes { displayName } } }` });

function post(port: number, body: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-limits-'));
  const env = { ...process.env, NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(48), SQLITE_PATH: path.join(dir, 'limits.sqlite'), DATABASE_URL: '', REDIS_URL: '', LOG_LEVEL: 'silent', SEED_DEMO: 'false' };
  const child = spawn(process.execPath, [path.join(__dirname, 'load-server.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const ordinary = async () => {
      const times = [];
      for (let i = 0; i < 50; i++) times.push((await post(port, ORDINARY)).ms);
      return percentile(times, 50);
    };
    const before = await ordinary();
    console.log(`Refusals, 50 of each (floor: p50 ≤ ${FLOOR_MS} ms):`);
    for (const bomb of BOMBS) {
      const body = bomb.body();
      const results = [];
      for (let i = 0; i < 50; i++) results.push(await post(port, body));
      const ms = results.map((r) => r.ms);
      // 0: the server answered 413 and closed the connection before the client finished sending.
      const statuses = [...new Set(results.map((r) => (r.status === 0 ? 'closed' : r.status)))].join(',');
      const p50 = percentile(ms, 50);
      console.log(`  ${bomb.name.padEnd(26)} status ${statuses}  p50 ${p50.toFixed(1)} ms  p99 ${percentile(ms, 99).toFixed(1)} ms  ${(body.length / 1024).toFixed(0)} kB  ${p50 <= FLOOR_MS ? 'ok' : 'SLOWER THAN THE FLOOR'}`);
    }
    const after = await ordinary();
    console.log(`Ordinary query p50: ${before.toFixed(1)} ms before, ${after.toFixed(1)} ms after; /healthz ${(await fetch(`http://127.0.0.1:${port}/healthz`)).status}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
