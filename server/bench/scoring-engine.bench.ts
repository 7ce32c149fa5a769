import { parseArgs } from 'node:util';
import { computeNetworkImpact, scorePeople } from '../scoring';
import { weightedPageRank } from '../evaluation/pagerank';
import { buildReactionGraph, kendallTauB, simulateSpread, spearman, stratifiedSample, topKOverlap } from '../scoring/testing/evaluation';
import { higgsWorld, readHiggsEdges } from '../scoring/testing/higgs';
import { generateWorld } from '../scoring/testing/synthetic-world';

/**
 * Scoring engine benchmark and evaluation.
 *
 * 1. Engine: a deterministic synthetic world (default 100,000 people, 1,000,000 interactions):
 *    a full rescore in one scorePeople call, the same split into computeNetworkImpact and
 *    scorePeople with that impact, and an incremental rescore of 1,000 people from the subset of
 *    data touching them; cold (first run, JIT warming up) and warm; peak RSS.
 * 2. Evaluation on the real Higgs mention + reply networks (data/higgs): for a stratified sample
 *    of users, rank agreement of (a) the Sway score, (b) the raw count of reactions received and
 *    (c) plain unweighted PageRank with each user's spreading power, estimated by independent-
 *    cascade simulation over the reaction graph in the direction content travels.
 *
 *   npx tsc -p tsconfig.build.json && node dist/server/bench/scoring-engine.bench.js
 *     [--people N] [--interactions N] [--runs N] [--per-bin N] [--skip-engine] [--skip-evaluation]
 */

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    interactions: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '1000' },
    'per-bin': { type: 'string', default: '50' },
    'skip-engine': { type: 'boolean', default: false },
    'skip-evaluation': { type: 'boolean', default: false },
  },
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Wall time in ms; the CPU time this process spent is remembered too (see cpu()), which a busy machine distorts less. */
let lastCpuMs = 0;
function time<T>(run: () => T): [T, number] {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const cpu = process.cpuUsage(cpuStart);
  lastCpuMs = (cpu.user + cpu.system) / 1000;
  return [value, performance.now() - start];
}
const cpu = () => `CPU ${seconds(lastCpuMs)}`;

function engineBenchmark(people: number, interactions: number): void {
  console.log(`\n== Engine: synthetic world of ${people.toLocaleString('en')} people, ${interactions.toLocaleString('en')} interactions`);
  const [world, generation] = time(() => generateWorld({ people, interactions, seed: 20260601 }));
  const rssWithWorld = process.memoryUsage().rss;
  console.log(`generated in ${seconds(generation)} (${world.accounts.length} accounts, ${world.content.length} content); RSS with the world in memory: ${mb(rssWithWorld)}`);

  for (const pass of ['cold', 'warm']) {
    // The service's full rescore: one call, which computes the network impact and returns it for caching.
    const [full, fullTime] = time(() => scorePeople(world));
    const fullCpu = cpu();
    // The same split in two, as when the impact is computed on its own schedule.
    const [impact, impactTime] = time(() => computeNetworkImpact(world.accounts, world.interactions, world.asOf));
    const impactCpu = cpu();
    const [, scoringTime] = time(() => scorePeople({ ...world, networkImpact: impact }));
    console.log(
      `${pass}: full rescore ${seconds(fullTime)} (${fullCpu}) for ${full.people.length} people | network impact alone ${seconds(impactTime)} (${impactCpu}; ` +
        `${impact.personIds.length} people in the graph, ${impact.edgeCount} edges, onward depth ${impact.onward.depth}) + scoring with it ${seconds(scoringTime)} (${cpu()})`,
    );
    if (pass === 'warm') {
      const scores = full.people.map((p) => p.score).sort((a, b) => a - b);
      const q = (x: number) => scores[Math.floor(x * (scores.length - 1))];
      console.log(
        `score distribution: median ${q(0.5)}, p90 ${q(0.9)}, p99 ${q(0.99)}, max ${q(1)}; above 80: ${((100 * scores.filter((s) => s > 80).length) / scores.length).toFixed(2)}%`,
      );

      // Incremental: 1,000 people rescored from the data touching them, with the cached impact.
      const chosen = new Set(Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7919) % people)));
      const personOf = new Map(world.accounts.map((a) => [a.id, a.personId]));
      const subsetInteractions = world.interactions.filter((i) => chosen.has(personOf.get(i.actorAccountId)!) || chosen.has(personOf.get(i.targetAccountId)!));
      const involved = new Set<number>();
      for (const i of subsetInteractions) involved.add(personOf.get(i.actorAccountId)!).add(personOf.get(i.targetAccountId)!);
      for (const id of chosen) involved.add(id);
      const subset = {
        asOf: world.asOf,
        accounts: world.accounts.filter((a) => involved.has(a.personId)),
        content: world.content.filter((c) => chosen.has(personOf.get(c.authorAccountId)!)),
        interactions: subsetInteractions,
        networkImpact: full.networkImpact,
        personIds: [...chosen],
      };
      const [partial, partialTime] = time(() => scorePeople(subset));
      console.log(`incremental: ${partial.people.length} people from ${subsetInteractions.length} interactions in ${seconds(partialTime)} (${cpu()})`);
    }
  }
  console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

function evaluation(runs: number, perBin: number): void {
  console.log('\n== Evaluation on the Higgs mention + reply networks (SNAP; De Domenico et al., Sci. Rep. 2013)');
  const edges = [...readHiggsEdges('mention'), ...readHiggsEdges('reply')];
  const graph = buildReactionGraph(edges);
  const world = higgsWorld(edges);
  const [result, scoringTime] = time(() => scorePeople(world));
  console.log(`${graph.nodeIds.length} users, ${world.interactions.length} interactions; scored in ${seconds(scoringTime)}`);

  const n = graph.nodeIds.length;
  const unitWeights = new Float64Array(graph.reactor.length).fill(1);
  const pageRank = weightedPageRank(
    { nodeCount: n, inStart: graph.reactorStart, inSource: graph.reactor, inWeight: unitWeights },
    { damping: 0.85, tolerance: 1e-10, maxIterations: 1000, perCommunity: false },
  );

  const sample = stratifiedSample(graph, perBin, 7);
  const k = Math.round(sample.length / 10);
  console.log(`sample: ${sample.length} users, up to ${perBin} per bin of distinct reactors (0, 1, 2–3, 4–7, …); top-k uses k = ${k}; ${runs} cascades per user`);
  const measures: [string, number[]][] = [
    ['Sway score', sample.map((u) => result.byPerson.get(graph.nodeIds[u])!.score)],
    ['reactions received', sample.map((u) => graph.reactionsReceived[u])],
    ['PageRank (plain)', sample.map((u) => pageRank.rank[u])],
  ];
  const settings = [
    { label: 'IC p=0.05, weighted', p: 0.05, unweighted: false },
    { label: 'IC p=0.15, weighted', p: 0.15, unweighted: false },
    { label: 'IC p=0.30, unweighted', p: 0.3, unweighted: true },
  ];
  const header = `| ranking | ${settings.map((s) => `${s.label}: τ / ρ / top-${k}`).join(' | ')} |`;
  const rows: string[] = [];
  const cells = new Map<string, string[]>(measures.map(([name]) => [name, []]));
  for (const setting of settings) {
    const [spread, simulationTime] = time(() => simulateSpread(graph, sample, { p: setting.p, runs, seed: 11, unweighted: setting.unweighted }));
    const mean = spread.reduce((s, x) => s + x, 0) / spread.length;
    console.log(`${setting.label}: mean spread ${mean.toFixed(1)}, max ${Math.max(...spread).toFixed(0)} (simulated in ${seconds(simulationTime)})`);
    for (const [name, values] of measures) {
      cells.get(name)!.push(`${kendallTauB(values, spread).toFixed(3)} / ${spearman(values, spread).toFixed(3)} / ${topKOverlap(values, spread, k).toFixed(2)}`);
    }
  }
  for (const [name] of measures) rows.push(`| ${name} | ${cells.get(name)!.join(' | ')} |`);
  console.log(['', header, `|---|${settings.map(() => '---').join('|')}|`, ...rows, ''].join('\n'));
  const scores = result.people.map((p) => p.score).sort((a, b) => a - b);
  const q = (x: number) => scores[Math.floor(x * (scores.length - 1))];
  console.log(
    `Sway scores on Higgs: median ${q(0.5)}, p90 ${q(0.9)}, p99 ${q(0.99)}, p99.9 ${q(0.999)}, max ${q(1)}; above 80: ${((100 * scores.filter((s) => s > 80).length) / scores.length).toFixed(2)}%`,
  );
}

if (!args['skip-engine']) engineBenchmark(Number(args.people), Number(args.interactions));
if (!args['skip-evaluation']) evaluation(Number(args.runs), Number(args['per-bin']));
