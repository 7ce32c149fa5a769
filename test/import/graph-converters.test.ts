import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/config';
import { ConversionError, findConverter, writeNdjson } from '../../server/import/converters';
import { RECENT_WINDOW_MS } from '../../server/import/converters/converter';
import type { ImportRow } from '../../server/import/rows';

const GRAPHS = path.join(REPO_ROOT, 'data', 'graphs');
const END = Date.parse('2026-03-01T12:00:00Z');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sway-graph-convert-'));
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function rows(kind: string, file: string, end: number | null = END): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of findConverter(kind)!.rows(file, { end: end ?? undefined })) out.push(row);
  return out;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const interactions = (all: ImportRow[]) => all.filter((r): r is Extract<ImportRow, { type: 'interaction' }> => r.type === 'interaction');
const pairCounts = (all: ImportRow[]) => {
  const counts = new Map<string, number>();
  for (const r of interactions(all)) {
    const key = `${r.actorExternalId}>${r.targetAccountExternalId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
};

describe('gml converter', () => {
  it('reads an undirected graph both ways, weights as counts when whole and positive, else 1', async () => {
    const file = write(
      'tiny.gml',
      'Creator "test"\ngraph [\n  node [ id 1 label "A &quot;one&quot;" ]\n  node [ id 2 ]\n  node [ id 3 label "C" ]\n  node [ id 4 ]\n' +
        '  edge [ source 1 target 2 value 3 ]\n  edge [ source 2 target 3 value 0.25 ]\n  edge [ source 3 target 3 ]\n  edge [ source 1 target 2 ]\n]\n',
    );
    const all = await rows('gml', file);
    expect(all.filter((r) => r.type === 'person').map((r) => (r as { displayName: string }).displayName)).toEqual(['A "one"', 'tiny node 2', 'C', 'tiny node 4']);
    expect(all.filter((r) => r.type === 'account')).toHaveLength(4);
    // Multigraph: the second 1–2 edge adds one more each way; the self-loop is left out.
    expect(Object.fromEntries(pairCounts(all))).toEqual({ 'tiny-1>tiny-2': 4, 'tiny-2>tiny-1': 4, 'tiny-2>tiny-3': 1, 'tiny-3>tiny-2': 1 });
    const ids = interactions(all).map((r) => r.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of interactions(all)) expect(r.kind).toBe('MENTION');
  });

  it('reads a directed graph one way', async () => {
    const file = write('arrows.gml', 'graph [ directed 1 node [ id 0 ] node [ id 1 ] edge [ source 0 target 1 value 2 ] ]');
    expect(Object.fromEntries(pairCounts(await rows('gml', file)))).toEqual({ 'arrows-0>arrows-1': 2 });
  });

  it('dates every interaction in the two weeks before --end, the same each time', async () => {
    const file = path.join(GRAPHS, 'lesmis.gml');
    const a = await rows('gml', file);
    const times = interactions(a).map((r) => Date.parse(String(r.occurredAt)));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END - RECENT_WINDOW_MS);
    expect(Math.max(...times)).toBeLessThan(END);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(RECENT_WINDOW_MS * 0.9);
    expect(JSON.stringify(await rows('gml', file))).toBe(JSON.stringify(a));
    // lesmis: 254 weighted edges, whole weights, read both ways.
    const text = fs.readFileSync(file, 'utf8');
    const weightSum = [...text.matchAll(/value (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(interactions(a)).toHaveLength(2 * weightSum);
  });

  it('converts every graph of data/graphs', async () => {
    const counts: Record<string, [number, number]> = {};
    for (const name of ['dolphins', 'lesmis', 'polbooks', 'netscience', 'polblogs']) {
      const all = await rows('gml', path.join(GRAPHS, `${name}.gml`));
      counts[name] = [all.filter((r) => r.type === 'person').length, interactions(all).length];
    }
    // netscience: fractional weights count 1 each, the few whole ones above 1 as that many; polblogs: a multigraph with 3 self-loops.
    expect(counts).toEqual({ dolphins: [62, 318], lesmis: [77, 2 * 820], polbooks: [105, 882], netscience: [1589, 5492], polblogs: [1490, 38174] });
  });

  it('names the line it cannot read', async () => {
    await expect(rows('gml', write('bad1.gml', 'graph [\n node [ id 1 ]\n edge [ source 1 target 9 ]\n]'))).rejects.toThrow(new ConversionError(3, 'edge names node 9, which is not declared'));
    await expect(rows('gml', write('bad2.gml', 'graph [\n node [ id 1 ]\n node [ id 1 ]\n]'))).rejects.toThrow(new ConversionError(3, 'node 1 declared twice'));
    await expect(rows('gml', write('bad3.gml', 'graph [\n node [ id 1\n'))).rejects.toThrow(/never closed/);
  });
});

describe('edge-list converter', () => {
  it('reads "source target [weight]" as directed mentions, skipping comments and self-loops', async () => {
    const file = write('edges.txt', '# a comment\n% another\n1 2\n2 1 3\n3 3\n4\t5 0.5\n1 2\n');
    const all = await rows('edge-list', file);
    expect(all.filter((r) => r.type === 'person').map((r) => r.externalId)).toEqual(['edges-1', 'edges-2', 'edges-3', 'edges-4', 'edges-5']);
    expect(Object.fromEntries(pairCounts(all))).toEqual({ 'edges-1>edges-2': 2, 'edges-2>edges-1': 3, 'edges-4>edges-5': 1 });
  });

  it('names the line it cannot read', async () => {
    await expect(rows('edge-list', write('bad.txt', '1 2\n3 4 5 6\n'))).rejects.toThrow(new ConversionError(2, 'expected "source target [weight]", got "3 4 5 6"'));
    await expect(rows('edge-list', write('bad2.txt', '1 2 x\n'))).rejects.toThrow(new ConversionError(1, 'weight must be a number, got "x"'));
  });

  it('email-Eu-core: 1,005 people, the 24,928 edges that are not self-loops', async () => {
    const all = await rows('edge-list', path.join(GRAPHS, 'email-Eu-core.txt'));
    expect(all.filter((r) => r.type === 'person')).toHaveLength(1005);
    expect(interactions(all)).toHaveLength(24_928);
  });
});

describe('Higgs converters with --end', () => {
  it('date interactions in the two weeks before it and the synthetic posts at their start', async () => {
    const file = path.join(REPO_ROOT, 'test', 'fixtures', 'higgs', 'higgs-reply_network.head3000.edgelist');
    const all = await rows('higgs-reply', file);
    const times = interactions(all).map((r) => Date.parse(String(r.occurredAt)));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END - RECENT_WINDOW_MS);
    expect(Math.max(...times)).toBeLessThan(END);
    const posted = new Set(all.filter((r) => r.type === 'content').map((r) => Date.parse(String((r as { postedAt: string }).postedAt))));
    expect([...posted]).toEqual([END - RECENT_WINDOW_MS]);
    // Without an end, the week of the data as before.
    const old = interactions(await rows('higgs-reply', file, null)).map((r) => Date.parse(String(r.occurredAt)));
    expect(Math.max(...old)).toBeLessThan(Date.UTC(2012, 6, 8));
  });

  it('write the same NDJSON each time', async () => {
    const file = path.join(REPO_ROOT, 'test', 'fixtures', 'higgs', 'higgs-mention_network.head3000.edgelist');
    const text = async () => {
      const out = path.join(dir, `m-${Math.random().toString(36).slice(2)}.ndjson`);
      const stream = fs.createWriteStream(out);
      await writeNdjson(findConverter('higgs-mention')!.rows(file, { end: END }), stream);
      await new Promise<void>((resolve) => stream.end(resolve));
      return fs.readFileSync(out, 'utf8');
    };
    expect(await text()).toBe(await text());
  });
});
