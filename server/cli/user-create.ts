import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '#shared/roles';
import { loadConfig, type Config } from '../config';
import { Database } from '../db/database';
import { AuthService } from '../services/auth/auth.service';
import { ValidationError } from '../services/errors';
import { systemContext } from '../services/request-context';

const USAGE = `Usage: npm run user:create -- --email EMAIL --role ${ROLES.join('|')} (--password PASSWORD | --password-stdin) [--person-external-id ID]

Creates a user who can log in. The password needs at least 10 characters; --password-stdin reads it
from the first line of standard input, which keeps it out of the shell history. An INFLUENCER must be
linked to a person, by the external id that person was ingested with.
Writes to DATABASE_URL (PostgreSQL) or else the SQLite file SQLITE_PATH (default data/sway.sqlite).`;

export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * The command without the process around it, so tests run it: returns the exit code, 0 when the
 * user was created, 1 when a value was refused (each bad field printed), 2 for a usage error.
 */
export async function userCreate(argv: string[], config: Pick<Config, 'databaseUrl' | 'sqlitePath' | 'logSql'>, io: CliOutput, readStdin: () => Promise<string> = readFirstLine): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        role: { type: 'string' },
        'person-external-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    return usageError(io, (err as Error).message);
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!values.email) return usageError(io, '--email is required');
  if (!values.role) return usageError(io, '--role is required');
  if (values.password !== undefined && values['password-stdin']) return usageError(io, 'give --password or --password-stdin, not both');
  const password = values['password-stdin'] ? await readStdin() : values.password;
  if (password === undefined) return usageError(io, '--password or --password-stdin is required');

  const db = await Database.open(config);
  try {
    // Issues no token: the secret is never used.
    const auth = new AuthService({ secret: randomBytes(48).toString('base64url'), tokenTtlMs: 60_000 });
    const user = await auth.createUser(systemContext(db, 'user:create'), {
      email: values.email,
      password,
      role: values.role.toUpperCase() as Role,
      personExternalId: values['person-external-id'] ?? null,
    });
    io.out(`Created ${user.role} ${user.email} (id ${user.id}${user.personId != null ? `, person ${user.personId}` : ''})`);
    return 0;
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const flag: Record<string, string> = { personExternalId: '--person-external-id', personId: '--person-external-id' };
    for (const e of err.errors) io.err(`user:create: ${flag[e.field] ?? `--${e.field}`} ${e.message}`);
    return 1;
  } finally {
    await db.close();
  }
}

function usageError(io: CliOutput, message: string): number {
  io.err(`user:create: ${message}\n\n${USAGE}`);
  return 2;
}

async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

if (require.main === module) {
  userCreate(process.argv.slice(2), loadConfig(), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(`user:create failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exitCode = 1;
    },
  );
}
