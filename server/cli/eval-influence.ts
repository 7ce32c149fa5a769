import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../config';
import { detailsTable, replaceBetweenMarkers, resultsTable, scoreChart, winsLine, type NetworkResult } from '../evaluation/report';
import { closeRescoreThread } from '../services/scoring/rescore-runner';
import { evaluateNetwork, NETWORKS } from './influence-evaluation';

/**
 * `npm run eval:influence`: how well Sway's scores rank people by how far information really
 * spreads from them, on real networks, end to end. For each network: convert the data set, import
 * it through the real importer into a fresh SQLite database, run the real full rescore (as
 * `npm run rescore` does, asOf = now), read every person's stored score as the API serves it, and
 * compare the ranking with the mean size of simulated SIR outbreaks from each person over the same
 * interactions (server/evaluation/), beside plain baselines. See server/scoring/README.md,
 * "Evaluation on real networks".
 */

const README = path.join(REPO_ROOT, 'server', 'scoring', 'README.md');
const CHARTS = path.join(REPO_ROOT, 'server', 'scoring', 'evaluation');
const START_MARKER = '<!-- eval:influence:start -->';
const END_MARKER = '<!-- eval:influence:end -->';
/** The chart shows the middle rate (1.5 β_c). */
const CHART_RATE = 1;

const USAGE = `Usage: npm run eval:influence -- [--networks a,b] [--runs N] [--sample N] [--seed N] [--write] [--keep]

For each network: convert, import through the real importer into a fresh temporary SQLite
database, run the real full rescore (asOf = now), read every stored score, simulate SIR outbreaks
from each evaluated person at 1, 1.5 and 2 × the epidemic threshold, and print Kendall τ-b of
Sway's scores and of baselines against the mean outbreak sizes, with the noise ceiling.

  --networks a,b  among: ${NETWORKS.map((n) => n.key).join(', ')} (default: all)
  --runs N        simulations per person and rate (default: per network, ${NETWORKS.map((n) => `${n.key} ${n.runs}`).join(', ')})
  --sample N      evaluate a seeded uniform sample of N people on larger networks (default 3000)
  --seed N        seed of the sample and the simulations (default 1)
  --write         write the table into server/scoring/README.md and one chart per network into
                  server/scoring/evaluation/<network>.svg
  --keep          keep the temporary databases and NDJSON files (their folder is printed)`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        networks: { type: 'string' },
        runs: { type: 'string' },
        sample: { type: 'string', default: '3000' },
        seed: { type: 'string', default: '1' },
        write: { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const keys = values.networks ? values.networks.split(',').map((s) => s.trim().toLowerCase()) : NETWORKS.map((n) => n.key);
  const unknown = keys.filter((k) => !NETWORKS.some((n) => n.key === k));
  if (unknown.length) return usageError(`unknown network(s): ${unknown.join(', ')}`);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) return usageError('--runs must be a positive integer');
  const sampleSize = Number(values.sample);
  if (!Number.isInteger(sampleSize) || sampleSize < 2) return usageError('--sample must be an integer of at least 2');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) return usageError('--seed must be an integer');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-eval-'));
  const started = performance.now();
  const results: NetworkResult[] = [];
  try {
    for (const spec of NETWORKS.filter((n) => keys.includes(n.key))) {
      const result = await evaluateNetwork(spec, { dir, runs: runs ?? spec.runs, sampleSize, seed, progress: (line) => console.error(line) });
      results.push(result);
      printNetwork(result);
    }
  } finally {
    await closeRescoreThread();
    if (values.keep) console.error(`Databases and NDJSON kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  const total = (performance.now() - started) / 1000;

  const body = reportBody(results, total, { sampleSize, seed, runsGiven: runs });
  console.log('\n' + body);
  if (values.write) {
    fs.mkdirSync(CHARTS, { recursive: true });
    for (const r of results) fs.writeFileSync(path.join(CHARTS, `${r.key}.svg`), scoreChart(r, CHART_RATE));
    const readme = fs.readFileSync(README, 'utf8');
    fs.writeFileSync(README, replaceBetweenMarkers(readme, START_MARKER, END_MARKER, body));
    console.log(`Wrote ${path.relative(REPO_ROOT, README)} and ${results.length} chart(s) in ${path.relative(REPO_ROOT, CHARTS)}/`);
  }
  return 0;
}

function printNetwork(r: NetworkResult): void {
  const names = r.evaluation.rankings;
  console.error(
    `${r.label}: ${r.people.toLocaleString('en')} people, ${r.evaluation.sample.length.toLocaleString('en')} evaluated, β_c ${r.evaluation.criticalRate.toPrecision(3)}, ${r.runs} runs; ` +
      `import ${r.seconds.importing.toFixed(1)} s, rescore ${r.seconds.rescoring.toFixed(1)} s, read ${r.seconds.reading.toFixed(1)} s, simulation ${r.seconds.simulating.toFixed(1)} s`,
  );
  for (const rate of r.evaluation.rates) {
    console.error(`  ${rate.multiple}× β_c: ${names.map((n, i) => `${n} ${rate.tau[i].toFixed(3)}`).join(', ')}; noise ceiling ${rate.noiseCeiling.toFixed(3)}`);
  }
}

function reportBody(results: readonly NetworkResult[], totalSeconds: number, o: { sampleSize: number; seed: number; runsGiven: number | undefined }): string {
  const day = new Date().toISOString().slice(0, 10);
  return [
    `Run of ${day}: \`npm run eval:influence -- --write\`${o.runsGiven ? ` (--runs ${o.runsGiven})` : ''}, sample ${o.sampleSize.toLocaleString('en')}, seed ${o.seed}. ` +
      `Kendall τ-b against the mean outbreak size; the best ranking of each row in bold.`,
    '',
    ...resultsTable(results),
    '',
    winsLine(results),
    '',
    ...detailsTable(results),
    '',
    `Total ${Math.round(totalSeconds)} s (convert and import, rescore, read, simulate), on this 2-core machine shared with other work.`,
  ].join('\n');
}

function usageError(message: string): number {
  console.error(`eval:influence: ${message}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`eval:influence failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  },
);
