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
  /** Seed the demo world into an empty database on start. */
  seedDemo: boolean;
  /** Log every SQL statement (debugging). */
  logSql: boolean;
  /** Folder holding the built admin console (served at /admin/). */
  adminDist: string;
  /** Folder holding shipped data: the Klout ontology copy. */
  dataDir: string;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must start with postgres:// (leave it empty for SQLite), got "${databaseUrl}"`);
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error(`REDIS_URL must start with redis://, got "${redisUrl}"`);
  return {
    port: int('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    sqlitePath: path.resolve(REPO_ROOT, env.SQLITE_PATH || 'data/sway.sqlite'),
    redisUrl,
    seedDemo: bool('SEED_DEMO', env.SEED_DEMO, true),
    logSql: bool('LOG_SQL', env.LOG_SQL, false),
    adminDist: path.join(REPO_ROOT, 'admin', 'dist'),
    dataDir: path.join(REPO_ROOT, 'data'),
    ...overrides,
  };
}
