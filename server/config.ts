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
  /** Prefix of every Redis key and channel (REDIS_PREFIX, default "sway"): instances that share it form one cluster. */
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
  /** pino level: fatal, error, warn, info, debug, trace or silent (LOG_LEVEL; default info, silent under tests). */
  logLevel: string;
  /** Shape and cost limits of GraphQL requests (see server/api/limits/). */
  limits: RequestLimits;
  /** Full rescores a scheduler runs every this many ms on one instance of the cluster (RESCORE_INTERVAL; 0: never). */
  rescoreIntervalMs: number;
  /** When a full rescore looks broken it is held, not published (see rescore-guard.ts). */
  rescoreGuard: RescoreGuardBounds;
  /** Longest a shutdown waits for requests in flight before it cuts connections (SHUTDOWN_GRACE, default 10s). */
  shutdownGraceMs: number;
  /** Take the client address from X-Forwarded-For (TRUST_PROXY): only behind a proxy that sets it. */
  trustProxy: boolean;
}

export interface RequestLimits {
  /** Deepest selection nesting (QUERY_MAX_DEPTH, default 12). */
  maxDepth: number;
  /** Most aliases in one document (QUERY_MAX_ALIASES, default 30). */
  maxAliases: number;
  /** Most directives in one document (QUERY_MAX_DIRECTIVES, default 20). */
  maxDirectives: number;
  /** Most lexical tokens in one document (QUERY_MAX_TOKENS, default 5,000). */
  maxTokens: number;
  /** Most points one operation may cost (QUERY_MAX_COST, default 10,000). */
  maxCost: number;
  /** Points a caller may spend before waiting for the refill (QUERY_BUDGET, default 50,000). */
  budget: number;
  /** Points given back to each caller per second (QUERY_BUDGET_REFILL, default 500). */
  budgetRefillPerSecond: number;
  /** Largest request body (MAX_BODY_BYTES, default 8 MB). */
  maxBodyBytes: number;
  /** Login attempts one account may take per 15 minutes (LOGIN_ATTEMPTS_PER_ACCOUNT, default 10). */
  loginAttemptsPerAccount: number;
  /** Login attempts one address may take per 15 minutes (LOGIN_ATTEMPTS_PER_ADDRESS, default 100). */
  loginAttemptsPerAddress: number;
}

export interface RescoreGuardBounds {
  /** Largest move of the median score, in points, a rescore may make and still publish (RESCORE_GUARD_MEDIAN, default 15). */
  maxMedianShift: number;
  /** Largest move of the share of people at the floor score of 1 (RESCORE_GUARD_FLOOR_SHARE, default 0.2: 20 points of percentage). */
  maxFloorShareShift: number;
  /** Fewest people the last good rescore must have scored for the median and floor checks to apply (RESCORE_GUARD_MIN_PEOPLE, default 20). */
  minPeople: number;
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

function num(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return n;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw === '') return fallback;
  if (!LOG_LEVELS.includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw;
}

function requestLimits(env: NodeJS.ProcessEnv): RequestLimits {
  return {
    maxDepth: int('QUERY_MAX_DEPTH', env.QUERY_MAX_DEPTH, 12, 2, 100),
    maxAliases: int('QUERY_MAX_ALIASES', env.QUERY_MAX_ALIASES, 30, 0, 10_000),
    maxDirectives: int('QUERY_MAX_DIRECTIVES', env.QUERY_MAX_DIRECTIVES, 20, 0, 10_000),
    maxTokens: int('QUERY_MAX_TOKENS', env.QUERY_MAX_TOKENS, 5000, 100, 1_000_000),
    maxCost: int('QUERY_MAX_COST', env.QUERY_MAX_COST, 10_000, 1, 100_000_000),
    budget: int('QUERY_BUDGET', env.QUERY_BUDGET, 50_000, 1, 1_000_000_000),
    budgetRefillPerSecond: num('QUERY_BUDGET_REFILL', env.QUERY_BUDGET_REFILL, 500, 0.001, 1_000_000_000),
    maxBodyBytes: int('MAX_BODY_BYTES', env.MAX_BODY_BYTES, 8 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    loginAttemptsPerAccount: int('LOGIN_ATTEMPTS_PER_ACCOUNT', env.LOGIN_ATTEMPTS_PER_ACCOUNT, 10, 1, 1_000_000),
    loginAttemptsPerAddress: int('LOGIN_ATTEMPTS_PER_ADDRESS', env.LOGIN_ATTEMPTS_PER_ADDRESS, 100, 1, 1_000_000),
  };
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
    logLevel: logLevel(env.LOG_LEVEL, (env.VITEST ?? process.env.VITEST) ? 'silent' : 'info'),
    limits: requestLimits(env),
    rescoreIntervalMs: env.RESCORE_INTERVAL === '0' ? 0 : duration('RESCORE_INTERVAL', env.RESCORE_INTERVAL, 0, 60_000, 30 * 86_400_000),
    rescoreGuard: {
      maxMedianShift: num('RESCORE_GUARD_MEDIAN', env.RESCORE_GUARD_MEDIAN, 15, 0, 100),
      maxFloorShareShift: num('RESCORE_GUARD_FLOOR_SHARE', env.RESCORE_GUARD_FLOOR_SHARE, 0.2, 0, 1),
      minPeople: int('RESCORE_GUARD_MIN_PEOPLE', env.RESCORE_GUARD_MIN_PEOPLE, 20, 1, 1_000_000_000),
    },
    shutdownGraceMs: duration('SHUTDOWN_GRACE', env.SHUTDOWN_GRACE, 10_000, 0, 3_600_000),
    trustProxy: bool('TRUST_PROXY', env.TRUST_PROXY, false),
    ...overrides,
  };
}
