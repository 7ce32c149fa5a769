import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Redis from 'ioredis';
import { Client } from 'pg';
import { Role } from '#shared/roles';
import { Database } from '../db/database';
import { User } from '../entities';
import { TokenSigner } from '../services/auth/tokens';
import { percentile } from './http-load';

/**
 * Load benchmark (`npm run bench:load`): a mixed workload on loopback for a bounded time, on
 * SQLite with one instance, then on PostgreSQL + Redis with two instances sharing them (requests
 * alternate between the instances, as behind a load balancer). Prints req/s, p50/p99 per
 * operation and overall, errors (goal: 0) and each instance's memory growth.
 *
 * The mix is a table of weighted operations: 90% reads, 9% ingest batches, 1% claims. Claims
 * are made by every person's influencer login in turn on one ACTIVE campaign of CLAIM_INVENTORY
 * units; once each has claimed, ALREADY_CLAIMED answers follow (and SOLD_OUT once the inventory is
 * gone): expected outcomes, counted apart from errors.
 */

const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN = { email: 'bench@load.sway', password: 'bench-load-password' };
const PEOPLE = 2000;
/** Units of the campaign claimed during the run: below PEOPLE, so a long run also meets SOLD_OUT. */
const CLAIM_INVENTORY = 1500;

interface Operation {
  name: string;
  weight: number;
  /** The request body for call number i; undefined: not available yet (its weight goes to the first operation). */
  body?: (i: number) => string;
  /** Who makes the call (default: the admin). */
  token?: () => string;
  /** GraphQL error codes that are answers, not failures (counted apart from errors). */
  expected?: string[];
}

/** What the claims run against: a campaign open to everyone, and a login per person. */
interface ClaimSetup {
  campaignId: string;
  tokens: string[];
}

const random = (n: number) => Math.floor(Math.random() * n);

/** The world every run starts from: PEOPLE people with an account and 3 posts, each liked by 3 others. */
function worldBatches(): unknown[] {
  const people = [];
  const accounts = [];
  const content = [];
  const interactions = [];
  const t = Date.now() - 86_400_000;
  for (let p = 0; p < PEOPLE; p++) {
    people.push({ externalId: `lp${p}`, displayName: `Load ${p}` });
    accounts.push({ network: 'TWITTER', externalId: `la${p}`, personExternalId: `lp${p}`, handle: `@load${p}`, followersCount: 10 * p });
    for (let k = 0; k < 3; k++) {
      content.push({ network: 'TWITTER', externalId: `lc${p}-${k}`, kind: 'POST', authorExternalId: `la${p}`, postedAt: new Date(t - k * 3600_000).toISOString(), topics: ['basketball'] });
      for (let j = 1; j <= 3; j++) {
        interactions.push({ network: 'TWITTER', externalId: `li${p}-${k}-${j}`, kind: 'LIKE', actorExternalId: `la${(p + j * 7) % PEOPLE}`, targetContentExternalId: `lc${p}-${k}`, occurredAt: new Date(t + j * 60_000).toISOString() });
      }
    }
  }
  const batches: unknown[] = [];
  for (const [key, rows] of Object.entries({ people, accounts, content, interactions })) {
    for (let at = 0; at < rows.length; at += 1000) batches.push({ [key]: rows.slice(at, at + 1000) });
  }
  return batches;
}

const INGEST = `mutation($input: IngestInput!) { ingest(input: $input) { interactions { created } } }`;
const READ_PERSON = `query($f: PersonFilterInput) { people(first: 1, filter: $f) { nodes { displayName score { value band { low high } } } } }`;
const CLAIM = `mutation($campaignId: ID!) { claimPerk(campaignId: $campaignId) { id promoCode } }`;
const READ_PAGE = `{ people(first: 20) { nodes { displayName score { value } accounts(first: 2) { nodes { handle followersCount } } } } }`;

function mix(runId: string, claims: ClaimSetup): Operation[] {
  let ingestNo = 0;
  let claimNo = 0;
  return [
    { name: 'read: person + score', weight: 60, body: () => JSON.stringify({ query: READ_PERSON, variables: { f: { search: `Load ${random(PEOPLE)}` } } }) },
    { name: 'read: page of 20', weight: 30, body: () => JSON.stringify({ query: READ_PAGE }) },
    {
      name: 'ingest: 20 likes',
      weight: 9,
      body: () => {
        const n = ingestNo++;
        const interactions = Array.from({ length: 20 }, (_, j) => ({
          network: 'TWITTER',
          externalId: `lx-${runId}-${n}-${j}`,
          kind: 'LIKE',
          actorExternalId: `la${random(PEOPLE)}`,
          targetContentExternalId: `lc${random(PEOPLE)}-${random(3)}`,
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
        }));
        return JSON.stringify({ query: INGEST, variables: { input: { interactions } } });
      },
    },
    {
      name: 'claim a perk',
      weight: 1,
      body: () => JSON.stringify({ query: CLAIM, variables: { campaignId: claims.campaignId } }),
      // Each influencer in turn: different people claim until all have, then repeats answer ALREADY_CLAIMED.
      token: () => claims.tokens[claimNo++ % claims.tokens.length],
      expected: ['ALREADY_CLAIMED', 'SOLD_OUT'],
    },
  ];
}

function post(agent: http.Agent, port: number, body: string, token: string): Promise<{ ok: boolean; text: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ ok: res.statusCode === 200 && !text.includes('"errors"'), text });
        });
      },
    );
    req.on('error', (err) => resolve({ ok: false, text: String(err) }));
    req.end(body);
  });
}

/** The GraphQL error code of a refusal the operation expects, if that is what the answer is. */
function expectedCode(text: string, expected: string[] | undefined): string | undefined {
  if (!expected) return undefined;
  try {
    const code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    return code && expected.includes(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

async function gql(agent: http.Agent, port: number, token: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const res = await post(agent, port, JSON.stringify({ query, variables }), token);
  if (!res.ok) throw new Error(`setup failed: ${res.text.slice(0, 300)}`);
  return JSON.parse(res.text).data;
}

/**
 * The claims' setup: an influencer login for every person (rows written at once, tokens signed
 * with the instances' AUTH_SECRET: hashing 2,000 passwords would only slow the setup), a brand and
 * an ACTIVE campaign open to everyone, made through the API as the admin.
 */
async function claimSetup(env: NodeJS.ProcessEnv, call: (query: string, variables?: Record<string, unknown>) => Promise<any>): Promise<ClaimSetup> {
  const db = await Database.open({ databaseUrl: env.DATABASE_URL || undefined, sqlitePath: env.SQLITE_PATH ?? '', logSql: false });
  let users: User[];
  try {
    const people: { id: number }[] = await db.reader.query(`SELECT id FROM person ORDER BY id`);
    users = await db.transaction((m) =>
      m.getRepository(User).save(
        people.map((p, i) => m.getRepository(User).create({ email: `claimer${i}@load.sway`, passwordHash: 'unused', role: Role.INFLUENCER, personId: p.id, createdAt: new Date() })),
        { chunk: 200 },
      ),
    );
  } finally {
    await db.close();
  }
  const signer = new TokenSigner(env.AUTH_SECRET!, 3_600_000);
  const tokens = await Promise.all(users.map(async (u) => (await signer.sign(u.id)).token));
  const brandId = (await call(`mutation($name: String!) { createBrand(name: $name) { id } }`, { name: 'Load' })).createBrand.id;
  const input = {
    name: 'Load campaign',
    description: 'Claimed during the load benchmark',
    perk: 'A sticker',
    unitValue: 1,
    inventory: CLAIM_INVENTORY,
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    code: 'load_claims',
  };
  const campaignId = (await call(`mutation($brandId: ID!, $input: CampaignInput!) { createCampaign(brandId: $brandId, input: $input) { id } }`, { brandId, input })).createCampaign.id as string;
  await call(`mutation($id: ID!, $status: CampaignStatus!) { setCampaignStatus(id: $id, status: $status) { id } }`, { id: campaignId, status: 'ACTIVE' });
  return { campaignId, tokens };
}

interface Instance {
  port: number;
  child: ChildProcess;
}

function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, [path.join(__dirname, 'load-server.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), child });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function memory(port: number): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const get = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
  return { rss: get('sway_process_resident_memory_bytes'), heap: get('sway_nodejs_heap_size_used_bytes') };
}

async function runConfiguration(label: string, env: NodeJS.ProcessEnv, instances: number, seconds: number, concurrency: number): Promise<void> {
  console.log(`\n== ${label}: ${instances} instance(s), ${concurrency} connections, ${seconds} s`);
  const servers: Instance[] = [];
  // One after the other: the first migrates; a cluster would also start together (see the two-instance test).
  for (let i = 0; i < instances; i++) servers.push(await startInstance(env));
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * 2 });
    const login = await post(agent, servers[0].port, JSON.stringify({ query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, variables: { e: ADMIN.email, p: ADMIN.password } }), '');
    const token = JSON.parse(login.text).data.login.token as string;
    const t0 = performance.now();
    for (const batch of worldBatches()) {
      const res = await post(agent, servers[0].port, JSON.stringify({ query: INGEST, variables: { input: batch } }), token);
      if (!res.ok) throw new Error(`seeding failed: ${res.text.slice(0, 300)}`);
    }
    const rescore = await post(agent, servers[0].port, JSON.stringify({ query: 'mutation { rescore { people } }' }), token);
    if (!rescore.ok) throw new Error(`rescore failed: ${rescore.text.slice(0, 300)}`);
    console.log(`World: ${PEOPLE.toLocaleString('en')} people, ${(PEOPLE * 9).toLocaleString('en')} interactions, seeded and scored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const claims = await claimSetup(env, (query, variables) => gql(agent, servers[0].port, token, query, variables));
    console.log(`Claims: one ACTIVE campaign of ${CLAIM_INVENTORY.toLocaleString('en')} units, ${claims.tokens.length.toLocaleString('en')} influencer logins`);

    const ops = mix(randomBytes(3).toString('hex'), claims);
    const available = ops.filter((o) => o.body);
    const pending = ops.filter((o) => !o.body);
    const total = ops.reduce((s, o) => s + o.weight, 0);
    // Pending operations' weight goes to the first (reads) until they exist.
    const weights = available.map((o, i) => o.weight + (i === 0 ? pending.reduce((s, p) => s + p.weight, 0) : 0));
    for (const p of pending) console.log(`(${p.name}: ${p.weight}% of the mix, pending the campaigns branch; its share runs as "${available[0].name}")`);
    const pick = () => {
      let r = Math.random() * total;
      for (let i = 0; i < available.length; i++) if ((r -= weights[i]) < 0) return i;
      return 0;
    };
    // Warm-up, then memory at the start.
    for (let i = 0; i < 50; i++) await post(agent, servers[i % servers.length].port, available[0].body!(i), token);
    const memStart = await Promise.all(servers.map((s) => memory(s.port)));

    const latencies = available.map(() => [] as number[]);
    const errors = available.map(() => 0);
    const answers = available.map(() => new Map<string, number>());
    let firstError: string | undefined;
    let sent = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const k = pick();
          const server = servers[sent++ % servers.length];
          const begin = performance.now();
          const op = available[k];
          const res = await post(agent, server.port, op.body!(sent), op.token ? op.token() : token);
          latencies[k].push(performance.now() - begin);
          const code = res.ok ? undefined : expectedCode(res.text, op.expected);
          if (code) answers[k].set(code, (answers[k].get(code) ?? 0) + 1);
          else if (!res.ok) {
            errors[k]++;
            firstError ??= res.text.slice(0, 300);
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const memEnd = await Promise.all(servers.map((s) => memory(s.port)));
    const left = (await gql(agent, servers[0].port, token, `query($id: ID!) { campaign(id: $id) { remaining } }`, { id: claims.campaignId })).campaign.remaining as number;
    agent.destroy();

    const all = latencies.flat();
    const errorCount = errors.reduce((a, b) => a + b, 0);
    console.log(`Overall: ${(all.length / elapsed).toFixed(0)} req/s, p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms, ${errorCount} errors of ${all.length.toLocaleString('en')} (goal: 0)`);
    available.forEach((o, i) => {
      const l = latencies[i];
      const expected = [...answers[i]].map(([code, n]) => `, ${n} ${code} (expected)`).join('');
      console.log(`  ${o.name.padEnd(22)} ${((100 * l.length) / all.length).toFixed(1).padStart(5)}%  ${(l.length / elapsed).toFixed(0).padStart(5)} req/s  p50 ${percentile(l, 50).toFixed(1)} ms  p99 ${percentile(l, 99).toFixed(1)} ms  ${errors[i]} errors${expected}`);
    });
    // The database agrees with the answers: every successful claim took one unit, no more.
    const claimIndex = available.findIndex((o) => o.name === 'claim a perk');
    const claimed = latencies[claimIndex].length - errors[claimIndex] - [...answers[claimIndex].values()].reduce((a, b) => a + b, 0);
    console.log(`  claims: ${claimed} succeeded, ${CLAIM_INVENTORY - left} units taken (${claimed === CLAIM_INVENTORY - left ? 'consistent' : 'INCONSISTENT'}), ${left} left`);
    if (firstError) console.log(`  first error: ${firstError}`);
    servers.forEach((_, i) => {
      const mb = (v: number) => (v / 1024 / 1024).toFixed(1);
      console.log(`Memory, instance ${i + 1}: RSS ${mb(memStart[i].rss)} → ${mb(memEnd[i].rss)} MB (${memEnd[i].rss >= memStart[i].rss ? '+' : ''}${mb(memEnd[i].rss - memStart[i].rss)}), heap used ${mb(memStart[i].heap)} → ${mb(memEnd[i].heap)} MB`);
    });
  } finally {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.child.once('exit', () => resolve());
            s.child.kill('SIGTERM');
          }),
      ),
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, connections: { type: 'string', default: '16' }, only: { type: 'string' } } });
  const seconds = Math.min(70, Number(values.seconds));
  const concurrency = Number(values.connections);
  console.log(`Load benchmark: 90% reads, 9% ingest batches, 1% claims; ${os.cpus().length} cores, load average ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`);
  const common = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, AUTH_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'silent', NODE_ENV: 'production', SEED_DEMO: 'false' };

  if (!values.only || values.only === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-load-'));
    try {
      await runConfiguration('SQLite', { ...common, DATABASE_URL: '', REDIS_URL: '', SQLITE_PATH: path.join(dir, 'load.sqlite') }, 1, seconds, concurrency);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!values.only || values.only === 'postgres') {
    const name = `sway_load_${process.pid}`;
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const prefix = `sway_load_${process.pid}`;
    try {
      await runConfiguration('PostgreSQL + Redis', { ...common, DATABASE_URL: url.toString(), REDIS_URL, REDIS_PREFIX: prefix }, 2, seconds, concurrency);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
      const redis = new Redis(REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
