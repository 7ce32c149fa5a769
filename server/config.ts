import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * The one place that reads process.env. Everything else receives a Config.
 * Values are validated here so a typo fails at start-up, not on the first request.
 */
export interface Config {
  /** HTTP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** `postgres://...` for PostgreSQL; empty for the embedded SQLite file. */
  databaseUrl: string | undefined;
  /** Path of the SQLite file used when databaseUrl is empty. */
  sqlitePath: string;
  redisUrl: string | undefined;
  /** Prefix of every Redis key, so several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  /** Seed the demo world into an empty database on start. */
  seedDemo: boolean;
  /** Log every SQL statement (debugging). */
  logSql: boolean;
  /** Folder holding the built admin console (served at /admin/). */
  adminDist: string;
  /** Folder holding shipped data: the Klout ontology copy. */
  dataDir: string;
  /** NODE_ENV=production: AUTH_SECRET is required and no demo login is created. */
  production: boolean;
  /** Signs login tokens (HS256); at least 32 characters. */
  authSecret: string;
  /** AUTH_SECRET was absent, so a random one was made for this process: its tokens die with it. */
  authSecretGenerated: boolean;
  /** How long a login token is valid, in milliseconds (AUTH_TOKEN_TTL, default 12h). */
  authTokenTtlMs: number;
  /** The first admin, created on start when the database has no admin (ADMIN_EMAIL + ADMIN_PASSWORD). */
  admin: { email: string; password: string } | undefined;
}

export const REPO_ROOT = findRepoRoot();

function findRepoRoot(): string {
  // Works from server/ (tsx, vitest) and from dist/server/ (compiled).
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (require('node:fs').existsSync(path.join(dir, 'package.json')) && path.basename(dir) !== 'dist') return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function int(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

const DURATION_UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "30m", "12h", "7d", or a number of seconds. */
function duration(name: string, raw: string | undefined, fallbackMs: number, minMs: number, maxMs: number): number {
  if (raw === undefined || raw === '') return fallbackMs;
  const m = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(raw);
  const ms = m ? Number(m[1]) * DURATION_UNITS_MS[m[2] || 's'] : NaN;
  if (!Number.isSafeInteger(ms) || ms < minMs || ms > maxMs) {
    throw new Error(`${name} must be a duration from ${minMs / 1000} s to ${maxMs / 86_400_000} days, like "30m", "12h" or "7d", got "${raw}"`);
  }
  return ms;
}

function authSecret(env: NodeJS.ProcessEnv, production: boolean): { authSecret: string; authSecretGenerated: boolean } {
  const given = env.AUTH_SECRET;
  if (given) {
    if (given.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`)');
    return { authSecret: given, authSecretGenerated: false };
  }
  if (production) throw new Error('AUTH_SECRET is required when NODE_ENV=production (e.g. `openssl rand -base64 48`)');
  return { authSecret: randomBytes(48).toString('base64url'), authSecretGenerated: true };
}

function firstAdmin(env: NodeJS.ProcessEnv): Config['admin'] {
  const email = env.ADMIN_EMAIL || undefined;
  const password = env.ADMIN_PASSWORD || undefined;
  if (!email && !password) return undefined;
  if (!email || !password) throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither');
  return { email, password };
}

function redisPrefix(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'sway';
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(raw)) throw new Error(`REDIS_PREFIX must be 1 to 64 letters, digits, dots, dashes or underscores, got "${raw}"`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with postgres:// (leave it empty for SQLite), got "${databaseUrl}"`);
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error(`REDIS_URL must start with redis://, got "${redisUrl}"`);
  const production = env.NODE_ENV === 'production';
  return {
    port: int('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    sqlitePath: path.resolve(REPO_ROOT, env.SQLITE_PATH || 'data/sway.sqlite'),
    redisUrl,
    redisPrefix: redisPrefix(env.REDIS_PREFIX),
    seedDemo: bool('SEED_DEMO', env.SEED_DEMO, true),
    logSql: bool('LOG_SQL', env.LOG_SQL, false),
    adminDist: path.join(REPO_ROOT, 'admin', 'dist'),
    dataDir: path.join(REPO_ROOT, 'data'),
    production,
    ...authSecret(env, production),
    authTokenTtlMs: duration('AUTH_TOKEN_TTL', env.AUTH_TOKEN_TTL, 12 * 3_600_000, 60_000, 30 * 86_400_000),
    admin: firstAdmin(env),
    ...overrides,
  };
}
