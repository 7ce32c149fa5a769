import type { InfluenceEvaluation, TieFigures } from './evaluate';

/** One network's evaluation with what the report says about it. */
export interface NetworkResult {
  /** Key used on the command line and in file names: higgs-mention, dolphins, … */
  key: string;
  label: string;
  /** People in the network (all imported and scored). */
  people: number;
  /** Reactor → author ties (distinct ordered pairs) and interactions. */
  ties: number;
  interactions: number;
  runs: number;
  evaluation: InfluenceEvaluation;
  /** Coarseness of the displayed score on the evaluated people. */
  swayTies: TieFigures;
  /** Authenticity flags the full rescore raised. */
  flags: number;
  /** Seconds per stage. */
  seconds: { importing: number; rescoring: number; reading: number; simulating: number; total: number };
  /** Per evaluated person: displayed score, and mean outbreak at each rate (same order as evaluation.rates). */
  scores: Float64Array;
}

const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const seconds = (s: number) => `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
const count = (n: number) => n.toLocaleString('en');

/** Markdown table: one row per network and rate, τ-b of each ranking (best in bold) and the noise ceiling. */
export function resultsTable(results: readonly NetworkResult[]): string[] {
  if (!results.length) return [];
  const names = results[0].evaluation.rankings;
  const lines = [
    `| network | people (evaluated) | β / β_c (β) | ${names.map((n) => `τ-b ${n}`).join(' | ')} | noise ceiling |`,
    `|---|---|---|${names.map(() => '---|').join('')}---|`,
  ];
  for (const r of results) {
    r.evaluation.rates.forEach((rate, i) => {
      const best = Math.max(...rate.tau.map((t) => Number(t.toFixed(3))));
      const taus = rate.tau.map((t) => (Number(t.toFixed(3)) === best ? `**${fixed(t, 3)}**` : fixed(t, 3)));
      const who = i === 0 ? `${r.label} | ${count(r.people)}${r.evaluation.sample.length < r.people ? ` (${count(r.evaluation.sample.length)})` : ''}` : ' | ';
      lines.push(`| ${who} | ${rate.multiple}× (${rate.beta.toPrecision(3)}) | ${taus.join(' | ')} | ${fixed(rate.noiseCeiling, 3)} |`);
    });
  }
  return lines;
}

/** Markdown table of what else each run measured: the graph, the simulation, ties of the displayed score, flags, times. */
export function detailsTable(results: readonly NetworkResult[]): string[] {
  const lines = [
    '| network | reactor → author pairs | interactions | β_c | simulated | runs per person and rate | distinct displayed scores among the evaluated | at the floor (1.0) despite reactions | authenticity flags | convert and import | rescore | read scores | simulation | total |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const t = r.swayTies;
    lines.push(
      `| ${r.label} | ${count(r.ties)} | ${count(r.interactions)} | ${r.evaluation.criticalRate.toPrecision(3)} | ${r.evaluation.method === 'percolation' ? 'by percolation' : 'outbreak by outbreak'} | ${count(r.runs)} | ` +
        `${count(t.distinct)} of ${count(r.evaluation.sample.length)} | ${count(t.atFloorWithReactions)} of ${count(t.withReactions)} | ${count(r.flags)} | ` +
        `${seconds(r.seconds.importing)} | ${seconds(r.seconds.rescoring)} | ${seconds(r.seconds.reading)} | ${seconds(r.seconds.simulating)} | ${seconds(r.seconds.total)} |`,
    );
  }
  return lines;
}

/** How often each ranking is best (ties included) over every network and rate. */
export function winsLine(results: readonly NetworkResult[]): string {
  if (!results.length) return '';
  const names = results[0].evaluation.rankings;
  const wins = names.map(() => 0);
  let rows = 0;
  for (const r of results) {
    for (const rate of r.evaluation.rates) {
      rows++;
      const best = Math.max(...rate.tau.map((t) => Number(t.toFixed(3))));
      rate.tau.forEach((t, i) => {
        if (Number(t.toFixed(3)) === best) wins[i]++;
      });
    }
  }
  return `Best (τ-b to three decimals, ties counted for each) in ${rows} rows: ${names.map((n, i) => `${n} ${wins[i]}`).join(', ')}.`;
}

// ---------------------------------------------------------------------------------------------
// Charts

const WIDTH = 720;
const HEIGHT = 480;
const MARGIN = { left: 78, right: 24, top: 58, bottom: 64 };

/** Tick values of a log axis between lo and hi: 1, 2, 5 × powers of ten. */
function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** p;
      if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(v);
    }
  }
  return ticks;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const tickLabel = (v: number) => (v >= 1000 ? count(v) : String(Number(v.toPrecision(3))));

/**
 * Scatter plot of the displayed score (x) against the mean outbreak size at one rate (y), both on
 * log axes, one dot per evaluated person: a deterministic SVG (same data, same bytes).
 */
export function scoreChart(result: NetworkResult, rateIndex: number): string {
  const rate = result.evaluation.rates[rateIndex];
  const xs = result.scores;
  const ys = rate.outbreak;
  const tau = rate.tau[0];
  let yMax = 1;
  for (const y of ys) yMax = Math.max(yMax, y);
  const x0 = 1;
  const x1 = 100;
  const y0 = 1;
  const y1 = Math.max(2, 10 ** (Math.ceil(Math.log10(yMax) * 4) / 4));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const px = (v: number) => MARGIN.left + ((Math.log10(Math.max(v, x0)) - Math.log10(x0)) / (Math.log10(x1) - Math.log10(x0))) * plotW;
  const py = (v: number) => MARGIN.top + plotH - ((Math.log10(Math.max(v, y0)) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * plotH;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  const title = `${result.label}: Sway score against simulated spread (${count(xs.length)} people)`;
  const subtitle = `SIR at β = ${rate.multiple} β_c = ${rate.beta.toPrecision(3)}, ${count(result.runs)} runs per person; Kendall τ-b ${tau.toFixed(3)}, noise ceiling ${rate.noiseCeiling.toFixed(3)}`;
  out.push(`<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>`);
  out.push(`<text x="${WIDTH / 2}" y="42" text-anchor="middle" fill="#444">${escapeXml(subtitle)}</text>`);
  for (const t of logTicks(x0, x1)) {
    const x = px(t).toFixed(1);
    out.push(`<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${MARGIN.top + plotH}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${x}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  for (const t of logTicks(y0, y1)) {
    const y = py(t).toFixed(1);
    out.push(`<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + plotW}" y2="${y}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${tickLabel(t)}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`);
  out.push(`<g fill="#1f6fb2" fill-opacity="0.35">`);
  for (let i = 0; i < xs.length; i++) out.push(`<circle cx="${px(xs[i]).toFixed(1)}" cy="${py(ys[i]).toFixed(1)}" r="2.5"/>`);
  out.push('</g>');
  out.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 18}" text-anchor="middle">Sway score, as displayed (points, 1 to 100; log scale)</text>`);
  out.push(
    `<text x="18" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 18 ${MARGIN.top + plotH / 2})">Mean SIR outbreak size from the person (people, seed included; log scale)</text>`,
  );
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/** Replaces what lies between the two markers of `text` (markers kept); throws when they are missing. */
export function replaceBetweenMarkers(text: string, start: string, end: string, body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < 0 || b < a) throw new Error(`markers ${start} … ${end} not found`);
  return text.slice(0, a + start.length) + '\n' + body.trimEnd() + '\n' + text.slice(b);
}
