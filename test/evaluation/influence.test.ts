import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateNetwork, NETWORKS } from '../../server/cli/influence-evaluation';
import { closeRescoreThread } from '../../server/services/scoring/rescore-runner';

/**
 * The honest evaluation (npm run eval:influence) on small real networks, through the real path:
 * convert, import into a fresh SQLite database, full rescore, read the stored scores, simulate SIR
 * outbreaks from every person at 1, 1.5 and 2 × β_c. Sway's displayed score must rank people by
 * mean outbreak size at least as well as counting the distinct people who react to them does, at
 * every rate: a score that loses to a plain count adds nothing.
 */

const RUNS = 10_000;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-eval-test-'));
});
afterAll(async () => {
  await closeRescoreThread();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('Sway against simulated spread on real networks', () => {
  for (const key of ['dolphins', 'lesmis', 'polbooks']) {
    it(`${key}: the displayed score ranks spreaders no worse than distinct reactors at 1, 1.5 and 2 β_c`, async () => {
      const spec = NETWORKS.find((n) => n.key === key)!;
      const result = await evaluateNetwork(spec, { dir, runs: RUNS, sampleSize: 3000, seed: 1 });
      const { evaluation } = result;
      // Everyone is scored and evaluated on a network this small.
      expect(evaluation.sample.length).toBe(result.people);
      const sway = evaluation.rankings.indexOf('Sway (value)');
      const reactors = evaluation.rankings.indexOf('distinct reactors');
      const rows = evaluation.rates.map((rate) => ({
        multiple: rate.multiple,
        sway: Number(rate.tau[sway].toFixed(4)),
        reactors: Number(rate.tau[reactors].toFixed(4)),
        ceiling: Number(rate.noiseCeiling.toFixed(4)),
      }));
      // The instrument itself: two independent simulations agree closely.
      for (const row of rows) expect(row.ceiling, `noise ceiling at ${row.multiple} β_c`).toBeGreaterThan(0.9);
      for (const row of rows) expect(row.sway, `${key} at ${row.multiple} β_c: ${JSON.stringify(rows)}`).toBeGreaterThanOrEqual(row.reactors);
    });
  }
});
