import 'reflect-metadata';
import { Database } from '../../server/db/database';
import { PrivacyService } from '../../server/services/privacy/privacy.service';
import { systemContext } from '../../server/services/request-context';

/**
 * Child process of the erasure crash test: erases one person and SIGKILLs itself inside the
 * transaction, after the table numbered `killAfter` — a crash half-way, with no chance to roll back.
 * argv: <databaseUrl or ""> <sqlitePath> <personId> <killAfter> <requestReference>
 */
async function main(): Promise<void> {
  const [databaseUrl, sqlitePath, personId, killAfter, reference] = process.argv.slice(2);
  const db = await Database.open({ databaseUrl: databaseUrl || undefined, sqlitePath, logSql: false });
  const privacy = new PrivacyService({
    stores: [],
    onNeighboursChanged: async () => undefined,
    afterErasureStep: (table, index) => {
      process.stdout.write(`erased ${table}\n`);
      if (index === Number(killAfter)) process.kill(process.pid, 'SIGKILL');
    },
  });
  await privacy.erase(systemContext(db, 'crash-test'), Number(personId), reference);
  process.stdout.write('committed\n');
  await db.close();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : err}\n`);
  process.exit(1);
});
