import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { Database } from '../db/database';
import { ensureTopicOntology } from '../db/topic-ontology';
import { baselineRankings, evaluateInfluence, tieFigures, type Ranking } from '../evaluation/evaluate';
import { uniformSample } from '../evaluation/random';
import type { NetworkResult } from '../evaluation/report';
import { SpreadingGraphBuilder } from '../evaluation/spreading-graph';
import { findConverter, writeNdjson } from '../import/converters';
import { importFile } from '../import/importer';
import type { ImportRow } from '../import/rows';
import { createServices } from '../services';
import { systemContext } from '../services/request-context';

/**
 * One network of `npm run eval:influence`, end to end: convert the data set, import it through the
 * real importer into a fresh SQLite database, run the real full rescore (as `npm run rescore` does,
 * asOf = now), read every person's stored score as the API serves it, and compare the ranking with
 * the mean size of simulated SIR outbreaks from each person over the same interactions
 * (server/evaluation/), beside plain baselines. Used by server/cli/eval-influence.ts and
 * test/evaluation/influence.test.ts. The caller closes the rescore thread (closeRescoreThread)
 * when done.
 */

export interface NetworkSpec {
  key: string;
  label: string;
  kind: string;
  file: string;
  /**
   * Default simulations per person and rate. Undirected graphs are simulated by percolation, all
   * people at once, so runs are cheap; directed ones outbreak by outbreak, which costs the outbreak's
   * size: email-Eu-core's outbreaks above the threshold reach hundreds of people.
   */
  runs: number;
}

export const NETWORKS: readonly NetworkSpec[] = [
  { key: 'higgs-reply', label: 'Higgs replies', kind: 'higgs-reply', file: 'data/higgs/higgs-reply_network.edgelist', runs: 10_000 },
  { key: 'higgs-mention', label: 'Higgs mentions', kind: 'higgs-mention', file: 'data/higgs/higgs-mention_network.edgelist', runs: 10_000 },
  { key: 'dolphins', label: 'dolphins', kind: 'gml', file: 'data/graphs/dolphins.gml', runs: 10_000 },
  { key: 'lesmis', label: 'lesmis', kind: 'gml', file: 'data/graphs/lesmis.gml', runs: 10_000 },
  { key: 'polbooks', label: 'polbooks', kind: 'gml', file: 'data/graphs/polbooks.gml', runs: 10_000 },
  { key: 'netscience', label: 'netscience', kind: 'gml', file: 'data/graphs/netscience.gml', runs: 10_000 },
  { key: 'polblogs', label: 'polblogs', kind: 'gml', file: 'data/graphs/polblogs.gml', runs: 10_000 },
  { key: 'email-eu-core', label: 'email-Eu-core', kind: 'edge-list', file: 'data/graphs/email-Eu-core.txt', runs: 1_000 },
];

export interface RunOptions {
  /** Folder for the NDJSON file and the SQLite database (the caller removes it). */
  dir: string;
  /** SIR simulations per evaluated person and rate. */
  runs: number;
  /** Evaluate everyone on networks up to this size, a seeded uniform sample of this many beyond. */
  sampleSize: number;
  /** Seed of the sample and of the simulations. */
  seed: number;
  /** Told each stage as it starts. */
  progress?: (line: string) => void;
}

/** Convert → import → full rescore → read scores → simulate, for one network. */
export async function evaluateNetwork(spec: NetworkSpec, options: RunOptions): Promise<NetworkResult> {
  const t0 = performance.now();
  const converter = findConverter(spec.kind);
  if (!converter) throw new Error(`no converter ${spec.kind}`);
  const input = path.join(REPO_ROOT, spec.file);
  const ndjson = path.join(options.dir, `${spec.key}.ndjson`);
  const sqlitePath = path.join(options.dir, `${spec.key}.sqlite`);
  options.progress?.(`${spec.label}: converting ${spec.file} …`);

  // The spreading graph is built from the very rows the importer gets, as they are written.
  const graph = new GraphFromRows();
  const out = fs.createWriteStream(ndjson);
  await writeNdjson(graph.watch(converter.rows(input, { end: Date.now() })), out);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));

  const db = await Database.open({ databaseUrl: undefined, sqlitePath, logSql: false });
  const logs: string[] = [];
  const services = createServices({ database: { databaseUrl: undefined, sqlitePath }, log: (line) => logs.push(line) });
  const ctx = systemContext(db, 'eval-influence');
  let t1 = 0;
  let t2 = 0;
  let flags = 0;
  const byExternalId = new Map<string, { value: number; raw: number }>();
  try {
    await ensureTopicOntology(db, path.join(REPO_ROOT, 'data'));
    options.progress?.(`${spec.label}: importing …`);
    const summary = await importFile(db, ndjson, { ingest: services.ingest });
    if (summary.errorCount) throw new Error(`${spec.label}: the import rejected ${summary.errorCount} row(s), first: ${JSON.stringify(summary.errors[0])}`);
    t1 = performance.now();
    options.progress?.(`${spec.label}: rescoring …`);
    const rescore = await services.scoring.rescoreAll(ctx);
    if (rescore.held) throw new Error(`${spec.label}: the rescore was held: ${rescore.held.reasons.join('; ')}`);
    flags = rescore.flags;
    t2 = performance.now();
    // Every person's stored score, read as the API reads it (Score.value is PersonScore.score, one decimal).
    const people = (await db.reader.query('SELECT id, external_id FROM person ORDER BY id')) as { id: number; external_id: string }[];
    const rawColumn = await storedRawColumn(db);
    for (let at = 0; at < people.length; at += 5000) {
      const chunk = people.slice(at, at + 5000);
      const scores = await services.scoring.scores(ctx, chunk.map((p) => Number(p.id)));
      for (const p of chunk) {
        const s = scores.get(Number(p.id));
        if (!s) throw new Error(`${spec.label}: person ${p.external_id} has no score after the full rescore`);
        byExternalId.set(p.external_id, { value: s.score, raw: rawColumn?.get(Number(p.id)) ?? s.raw });
      }
    }
  } finally {
    await services.scoring.close();
    await db.close();
  }
  const t3 = performance.now();

  options.progress?.(`${spec.label}: simulating …`);
  const g = graph.build();
  const value = new Float64Array(g.size);
  const raw = new Float64Array(g.size);
  graph.builder.ids.forEach((id, i) => {
    const s = byExternalId.get(id);
    if (!s) throw new Error(`${spec.label}: no stored score for ${id}`);
    value[i] = s.value;
    raw[i] = s.raw;
  });
  const rankings: Ranking[] = [{ name: 'Sway (value)', values: value }, { name: 'Sway (raw)', values: raw }, ...baselineRankings(g)];
  const sample = uniformSample(g.size, options.sampleSize, options.seed);
  const evaluation = evaluateInfluence(g, rankings, { sample, runs: options.runs, seed: options.seed });
  const t4 = performance.now();
  return {
    key: spec.key,
    label: spec.label,
    people: g.size,
    ties: g.reactor.length,
    interactions: graph.interactions,
    runs: options.runs,
    evaluation,
    swayTies: tieFigures(g, value, sample, 1),
    flags,
    seconds: { importing: (t1 - t0) / 1000, rescoring: (t2 - t1) / 1000, reading: (t3 - t2) / 1000, simulating: (t4 - t3) / 1000, total: (t4 - t0) / 1000 },
    scores: Float64Array.from(sample, (u) => value[u]),
  };
}

/** The full-precision `person_score.raw` column, when the schema has one; else undefined (the packed raw is used). */
async function storedRawColumn(db: Database): Promise<Map<number, number> | undefined> {
  const columns = (await db.reader.query('PRAGMA table_info(person_score)')) as { name: string }[];
  if (!columns.some((c) => c.name === 'raw')) return undefined;
  const rows = (await db.reader.query('SELECT person_id, raw FROM person_score')) as { person_id: number; raw: number | null }[];
  const out = new Map<number, number>();
  for (const r of rows) if (r.raw !== null) out.set(Number(r.person_id), Number(r.raw));
  return out;
}

/**
 * Reads import rows as they go by: people are the nodes (in row order), and each interaction is a
 * reaction by its actor's person on its target's person (the target account's, or the author of
 * the target content's).
 */
class GraphFromRows {
  readonly builder = new SpreadingGraphBuilder();
  interactions = 0;
  private readonly personOfAccount = new Map<string, string>();
  private readonly accountOfContent = new Map<string, string>();

  async *watch(rows: AsyncIterable<ImportRow>): AsyncGenerator<ImportRow> {
    for await (const row of rows) {
      this.see(row);
      yield row;
    }
  }

  private see(row: ImportRow): void {
    const key = (network: string, id: string) => `${network} ${id}`;
    if (row.type === 'person') this.builder.node(row.externalId);
    else if (row.type === 'account') this.personOfAccount.set(key(row.network, row.externalId), row.personExternalId);
    else if (row.type === 'content') this.accountOfContent.set(key(row.network, row.externalId), row.authorExternalId);
    else {
      const actor = this.personOfAccount.get(key(row.network, row.actorExternalId));
      const targetAccount = row.targetAccountExternalId ?? (row.targetContentExternalId && this.accountOfContent.get(key(row.network, row.targetContentExternalId)));
      const target = targetAccount ? this.personOfAccount.get(key(row.network, targetAccount)) : undefined;
      if (!actor || !target) throw new Error(`interaction ${row.externalId} names an account or content not seen before`);
      this.interactions++;
      this.builder.react(actor, target, 1);
    }
  }

  build() {
    return this.builder.build();
  }
}

