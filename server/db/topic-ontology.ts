import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from './database';
import { upsertRows } from './upsert-rows';

/**
 * Loads the Klout topic ontology (2018-06-01; CC BY 3.0, © Klout, see data/klout/README.md)
 * into the topic tables when they are empty. Ids stay strings: super-topic ids exceed int64.
 */
export async function ensureTopicOntology(db: Database, dataDir: string): Promise<number> {
  const [{ n }] = await db.reader.query('SELECT COUNT(*) AS n FROM topic');
  if (Number(n) > 0) return 0;
  const dir = path.join(dataDir, 'klout');
  const topics: string[][] = parse(fs.readFileSync(path.join(dir, 'klout_topic_ontology_20180601.csv')), { from_line: 2 });
  const edges: string[][] = parse(fs.readFileSync(path.join(dir, 'klout_topic_edge_20180601.csv')), { from_line: 2 });
  const known = new Set(topics.map((t) => t[0]));
  await db.transaction(async (m) => {
    const q = m.queryRunner!;
    await upsertRows(db, q, 'topic', ['id', 'slug', 'display_name', 'wiki_item_id'], ['id'], topics.length, (i) => [topics[i][0], topics[i][1], topics[i][2], topics[i][3] || null], 'nothing');
    // The root (0) and self-edges carry no meaning for expertise; keep edges between real topics.
    const realEdges = edges.filter((e) => e[0] !== e[2] && known.has(e[0]) && known.has(e[2]));
    await upsertRows(db, q, 'topic_edge', ['parent_id', 'child_id'], ['parent_id', 'child_id'], realEdges.length, (i) => [realEdges[i][0], realEdges[i][2]], 'nothing');
  });
  return topics.length;
}
