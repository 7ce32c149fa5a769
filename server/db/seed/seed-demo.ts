import type { IngestService } from '../../services/ingest.service';
import type { IngestSection } from '../../services/ingest.records';
import type { RequestContext } from '../../services/request-context';
import type { Database } from '../database';
import { generateDemoWorld, type DemoWorldOptions, type DemoWorldSize } from './demo-world';
import type { DemoKGrant, DemoWorldCast, PlantedLabel } from './planted';
import { upsertRows } from '../upsert-rows';

export interface SeedDemoOptions extends DemoWorldOptions {
  /** Items per ingest batch, hence per transaction. */
  itemsPerBatch?: number;
  /** Receives one line when the seed is done. */
  log?: (line: string) => void;
}

export interface SeedDemoResult {
  /** What the generator produced. */
  size: DemoWorldSize;
  /** Rows the database did not have before: equal to `size` on an empty database, zero on a re-run. */
  created: DemoWorldSize;
  batches: number;
  elapsedMs: number;
  planted: PlantedLabel[];
  cast: DemoWorldCast;
}

/** Default batch: large enough to amortize each transaction, small enough to keep memory flat. */
const DEFAULT_ITEMS_PER_BATCH = 5_000;

const SIZE_OF: Record<IngestSection, keyof DemoWorldSize> = { people: 'people', accounts: 'accounts', content: 'content', interactions: 'interactions' };

/**
 * Writes the demo world through the ingest service, one transaction per batch, so it passes the
 * same validation as any import. Idempotent: re-seeding the same options creates nothing.
 */
export async function seedDemoWorld(ctx: RequestContext, ingest: IngestService, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = performance.now();
  const world = generateDemoWorld(options);
  const created: DemoWorldSize = { people: 0, accounts: 0, content: 0, interactions: 0 };
  let batches = 0;
  for (const batch of world.batches(options.itemsPerBatch ?? DEFAULT_ITEMS_PER_BATCH)) {
    const result = await ingest.ingest(ctx, batch);
    for (const section of Object.keys(SIZE_OF) as IngestSection[]) created[SIZE_OF[section]] += result[section].created;
    batches++;
  }
  await writeKGrants(ctx.db, world.kGrants);
  const elapsedMs = Math.round(performance.now() - started);
  const { people, accounts, content, interactions } = created;
  const n = (x: number) => x.toLocaleString('en');
  options.log?.(
    `Seeded the demo world (seed ${world.options.seed}, ${world.options.days} days to ${new Date(world.options.anchor).toISOString().slice(0, 10)}): ` +
      `${n(people)} people, ${n(accounts)} accounts, ${n(content)} content, ${n(interactions)} interactions created in ${(elapsedMs / 1000).toFixed(1)} s`,
  );
  return { size: world.size, created, batches, elapsedMs, planted: world.planted, cast: world.cast };
}

/**
 * The world's +K (genuine ones and the planted trades), written directly: the ingest format has no
 * +K, and giveK is for a logged-in person at the current time. Skipped when the table already has them.
 */
async function writeKGrants(db: Database, grants: DemoKGrant[]): Promise<void> {
  if (!grants.length) return;
  const [{ n }]: { n: number | string }[] = await db.reader.query('SELECT COUNT(*) AS n FROM k_grant');
  if (Number(n) > 0) return;
  const people = new Map<string, number>();
  const topics = new Map<string, string>();
  const b1 = db.binder();
  const ids = [...new Set(grants.flatMap((g) => [g.giverExternalId, g.receiverExternalId]))];
  for (const r of (await db.reader.query(`SELECT id, external_id FROM person WHERE external_id IN (${b1.list(ids)})`, b1.params)) as { id: number; external_id: string }[]) people.set(r.external_id, Number(r.id));
  const b2 = db.binder();
  const slugs = [...new Set(grants.map((g) => g.topicSlug))];
  for (const r of (await db.reader.query(`SELECT id, slug FROM topic WHERE slug IN (${b2.list(slugs)})`, b2.params)) as { id: string; slug: string }[]) topics.set(r.slug, r.id);
  const rows = grants.filter((g) => people.has(g.giverExternalId) && people.has(g.receiverExternalId) && topics.has(g.topicSlug));
  await db.transaction((m) =>
    upsertRows(db, m, 'k_grant', ['giver_person_id', 'receiver_person_id', 'topic_id', 'given_at'], ['id'], rows.length, (i) => {
      const g = rows[i];
      return [people.get(g.giverExternalId), people.get(g.receiverExternalId), topics.get(g.topicSlug), g.givenAt];
    }, 'nothing'),
  );
}

/** True when the database holds no person: the only state in which the demo world is seeded. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows: unknown[] = await db.reader.query('SELECT 1 AS one FROM person LIMIT 1');
  return rows.length === 0;
}
