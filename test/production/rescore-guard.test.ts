import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/observability/logger';
import { scorePeople } from '../../server/scoring';
import { checkRescore, scoreStats } from '../../server/services/scoring/rescore-guard';
import { DIALECTS } from '../support/databases';
import { asGraphQLInput, smallWorld } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const BOUNDS = { maxMedianShift: 15, maxFloorShareShift: 0.2, minPeople: 5 };

describe('rescore guard: the check', () => {
  const baseline = scoreStats([10, 20, 30, 40, 50, 60]);

  it('passes a rescore that moves a little', () => {
    expect(checkRescore(scoreStats([11, 19, 31, 42, 50, 61]), baseline, BOUNDS)).toMatchObject({ ok: true, reasons: [] });
  });

  it('holds NaN, out-of-range and missing scores', () => {
    expect(checkRescore(scoreStats([10, NaN, 30, 40, 50, 60]), baseline, BOUNDS).reasons[0]).toMatch(/1 score\(s\) are NaN/);
    expect(checkRescore(scoreStats([10, 20, 30, 40, 50, 160]), baseline, BOUNDS).ok).toBe(false);
    expect(checkRescore(scoreStats([10, 20, 30, 40]), baseline, BOUNDS).reasons).toContain('2 people who had a score have none');
  });

  it('holds a Klout-style drop to the floor: median and floor share both move', () => {
    const verdict = checkRescore(scoreStats([1, 1, 1, 1, 1, 1]), baseline, BOUNDS);
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons.join(' ')).toMatch(/median score moved by 34 points/);
    expect(verdict.reasons.join(' ')).toMatch(/share of people at the floor .* from 0% to 100%/);
  });

  it('compares nothing but validity on a first rescore or a tiny world', () => {
    expect(checkRescore(scoreStats([1, 1, 1]), undefined, BOUNDS).ok).toBe(true);
    expect(checkRescore(scoreStats([1, 1]), scoreStats([50, 60]), BOUNDS).ok).toBe(true);
  });
});

/** Collects pino's JSON lines. */
class LogSink extends Writable {
  lines: any[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line));
    done();
  }
}

const SCORES = `{ people(first: 100) { nodes { externalId score { value } } } }`;
const HELD = `{ heldRescore { reasons asOf heldAt candidate { people median floorShare invalid } baseline { people median floorShare } } }`;

describe.each(DIALECTS)('rescore guard with a deliberately broken engine on %s', (dialect) => {
  let server: TestServer;
  let broken: 'no' | 'floor' | 'nan' = 'no';
  const sink = new LogSink();
  const scores = async () => Object.fromEntries((await server.gql(SCORES)).data.people.nodes.map((n: any) => [n.externalId, n.score.value]));
  const metric = async (name: string) => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return text.split('\n').filter((l) => l.startsWith(name));
  };

  beforeAll(async () => {
    const engine: typeof scorePeople = (input) => {
      const result = scorePeople(input);
      if (broken === 'no') return result;
      return { ...result, people: result.people.map((p) => ({ ...p, score: broken === 'floor' ? 1 : NaN })) };
    };
    server = await startTestServer(dialect, { config: { rescoreGuard: BOUNDS }, app: { rescoreEngine: engine, logger: createLogger('info', sink) } });
    expect((await server.gql(`mutation($input: IngestInput!) { ingest(input: $input) { people { created } } }`, { input: asGraphQLInput(smallWorld('guard', 12, 3)) })).errors).toBeUndefined();
    expect((await server.gql(`mutation { rescore { people } }`)).errors).toBeUndefined();
  });
  afterAll(() => server?.close());

  it('holds a rescore that drops everyone to 1: the last good scores stay', async () => {
    const before = await scores();
    expect(Object.values(before).some((v) => v > 1)).toBe(true);
    broken = 'floor';
    expect((await server.gql(`mutation { rescore { people } }`)).errors).toBeUndefined();
    expect(await scores()).toEqual(before);

    const held = (await server.gql(HELD)).data.heldRescore;
    expect(held.reasons.join(' ')).toMatch(/share of people at the floor/);
    expect(held.candidate).toMatchObject({ people: 12, median: 1, floorShare: 1, invalid: 0 });
    expect(held.baseline.people).toBe(12);
    expect(await metric('sway_rescore_held ')).toEqual(['sway_rescore_held 1']);
    expect((await metric('sway_rescore_duration_seconds_count{outcome="held"}'))[0]).toMatch(/ 1$/);
    expect(sink.lines.some((l) => l.msg === 'full rescore held by the guard' && l.reasons?.length)).toBe(true);
  });

  it('holds NaN scores', async () => {
    broken = 'nan';
    await server.gql(`mutation { rescore { people } }`);
    expect((await server.gql(HELD)).data.heldRescore.reasons[0]).toMatch(/12 score\(s\) are NaN/);
  });

  it('shows the held rescore to admins only', async () => {
    const anon = await server.anon(HELD);
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets an admin publish it anyway', async () => {
    broken = 'floor';
    const res = await server.gql(`mutation { publishHeldRescore { people seconds } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.publishHeldRescore.people).toBe(12);
    expect(Object.values(await scores()).every((v) => v === 1)).toBe(true);
    expect((await server.gql(HELD)).data.heldRescore).toBeNull();
    expect(await metric('sway_rescore_held ')).toEqual(['sway_rescore_held 0']);
    const again = await server.gql(`mutation { publishHeldRescore { people } }`);
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
