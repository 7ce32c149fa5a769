import type { IngestService } from '../../services/ingest.service';
import type { IngestSection } from '../../services/ingest.records';
import type { RequestContext } from '../../services/request-context';
import type { Database } from '../database';
import { generateDemoWorld, type DemoWorldOptions, type DemoWorldSize } from './demo-world';
import type { DemoWorldCast, PlantedLabel } from './planted';

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
  const elapsedMs = Math.round(performance.now() - started);
  const { people, accounts, content, interactions } = created;
  const n = (x: number) => x.toLocaleString('en');
  options.log?.(
    `Seeded the demo world (seed ${world.options.seed}, ${world.options.days} days to ${new Date(world.options.anchor).toISOString().slice(0, 10)}): ` +
      `${n(people)} people, ${n(accounts)} accounts, ${n(content)} content, ${n(interactions)} interactions created in ${(elapsedMs / 1000).toFixed(1)} s`,
  );
  return { size: world.size, created, batches, elapsedMs, planted: world.planted, cast: world.cast };
}

/** True when the database holds no person: the only state in which the demo world is seeded. */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const rows: unknown[] = await db.reader.query('SELECT 1 AS one FROM person LIMIT 1');
  return rows.length === 0;
}
