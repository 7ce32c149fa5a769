import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config';
import type { Database } from '../../server/db/database';
import { ensureTopicOntology } from '../../server/db/topic-ontology';
import { IngestService } from '../../server/services/ingest.service';
import { systemContext } from '../../server/services/request-context';
import type * as Runner from '../../server/services/scoring/rescore-runner';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { smallWorld } from '../support/factories';

/**
 * The compiled rescore runner, as the server uses it: full rescores in one worker thread, started
 * ahead of time and kept between rescores (loading it cost every rescore a third of a second). A
 * job that fails leaves the thread to the next one. Tests import the compiled module, since under
 * the test runner's TypeScript the runner rescores in-process.
 */
describe('the rescore worker thread (compiled code)', () => {
  let runner: typeof Runner;
  let tdb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'server/cli/ensure-built.js')], { cwd: REPO_ROOT, stdio: 'ignore' });
    runner = createRequire(path.join(REPO_ROOT, 'package.json'))('./dist/server/services/scoring/rescore-runner.js');
    tdb = await createTestDatabase('sqlite');
    db = await tdb.open();
    await ensureTopicOntology(db, path.join(REPO_ROOT, 'data'));
    await new IngestService().ingest(systemContext(db, 'test'), smallWorld('rt', 6, 2, Date.now() - 3_600_000));
  }, 120_000);
  afterAll(async () => {
    await runner?.closeRescoreThread();
    await db?.close();
    await tdb?.drop();
  });

  const where = () => ({ databaseUrl: undefined, sqlitePath: tdb.sqlitePath });

  it('rescores in a thread loaded ahead of time, one job after another, with progress', async () => {
    await runner.warmRescoreThread();
    const progress: string[] = [];
    const first = await runner.runRescoreOffThread(db, where(), { asOf: Date.now(), backfillDays: 1, onProgress: (done, total) => progress.push(`${done}/${total}`) });
    expect(first.people).toBe(6);
    expect(progress).toEqual(['1/2', '2/2']);
    const [{ n }] = await db.reader.query('SELECT COUNT(*) AS n FROM person_score');
    expect(Number(n)).toBe(6);
    const second = await runner.runRescoreOffThread(db, where(), { asOf: Date.now() });
    expect(second.people).toBe(6);
    // The arrays of the network impact came across whole (no Map to rebuild on this thread).
    expect(second.networkImpact.personIds).toBeInstanceOf(Float64Array);
    expect(second.networkImpact.personIds.length).toBe(6);
  });

  it('fails a job whose database cannot be opened, and runs the next one', async () => {
    await expect(runner.runRescoreOffThread(db, { databaseUrl: 'postgres://nobody@127.0.0.1:1/none', sqlitePath: '' }, { asOf: Date.now() })).rejects.toThrow(/rescore failed/);
    const after = await runner.runRescoreOffThread(db, where(), { asOf: Date.now() });
    expect(after.people).toBe(6);
  });

  it('stops cleanly right after a job (the server does on shutdown), and starts afresh for the next', async () => {
    // Stopping a thread whose connections are still closing aborted the whole process.
    await runner.runRescoreOffThread(db, where(), { asOf: Date.now() });
    await runner.closeRescoreThread();
    const again = await runner.runRescoreOffThread(db, where(), { asOf: Date.now() });
    expect(again.people).toBe(6);
    await runner.closeRescoreThread();
  });
});
