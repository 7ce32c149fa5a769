import type { EntityManager } from 'typeorm';
import { INTERACTION_KINDS } from '#shared/interactions';
import { NETWORKS } from '#shared/networks';
import type { PersonScore, TopicExpertise } from '../../scoring';
import type { Database } from '../../db/database';
import { upsertRows, type Queryable } from '../../db/upsert-rows';

/** UTC day of an instant, "YYYY-MM-DD": the key of the daily history. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last instant of a UTC day. */
export function endOfDay(day: string): number {
  return Date.parse(`${day}T23:59:59.999Z`);
}

const COMPONENTS = ['reach', 'amplification', 'networkImpact', 'conversation'] as const;
const EVIDENCE = ['distinctReactors', 'reactions', 'contentCount', 'conversations'] as const;
const FIGURES = ['posts', 'reactorInfluence', 'reactorSelectivity', 'conversationPartners', 'followers'] as const;

/**
 * Scores are stored packed, as arrays of numbers without key names: a full rescore writes one row
 * per person and the history one per person and day, so bytes add up. `details` keeps what
 * explaining a change between two dates needs (components, evidence, figures), the same for the
 * current score and a day's snapshot, so a day's snapshot is a copy of the current row made by the
 * database. The current score's `breakdown` adds its per-network parts, top content and top
 * engagers. Numbers have four decimals at most: plenty for explanations, and fewer bytes.
 */
export function packScore(s: PersonScore): string {
  const text = new PackedText(512);
  packFigures(text, s);
  return text.char(CLOSE).take();
}

/** The current score's per-network parts, top content and top engagers, packed. */
export function packBreakdown(s: PersonScore): string {
  const text = new PackedText(256);
  packLists(text, s);
  return text.take();
}

/** "[" and what a snapshot keeps: id, score, band, raw, components, evidence, figures (no "]"). */
function packFigures(out: PackedText, s: PersonScore): void {
  out.char(OPEN);
  out.fixed4(s.personId);
  for (const v of [s.score, s.band.low, s.band.high, s.raw]) out.comma().fixed4(v);
  for (const c of COMPONENTS) {
    const component = s.components[c];
    out.comma().fixed4(component.value).comma().fixed4(component.weight).comma().fixed4(component.contribution);
  }
  for (const e of EVIDENCE) out.comma().fixed4(s.evidence[e]);
  for (const f of FIGURES) out.comma().fixed4(s.figures[f]);
  for (const k of INTERACTION_KINDS) out.comma().fixed4(s.figures.reactionsPerPost[k]);
}

/** The breakdown's array, each list preceded by its length: per network, top content, top engagers. */
function packLists(out: PackedText, s: PersonScore): void {
  out.char(OPEN).fixed4(s.perNetwork.length);
  for (const n of s.perNetwork) out.comma().fixed4(NETWORKS.indexOf(n.network)).comma().fixed4(n.raw).comma().fixed4(n.share).comma().fixed4(n.score);
  out.comma().fixed4(s.topContent.length);
  for (const c of s.topContent) out.comma().fixed4(c.contentId).comma().fixed4(c.contribution);
  out.comma().fixed4(s.topEngagers.length);
  for (const e of s.topEngagers) out.comma().fixed4(e.personId).comma().fixed4(e.contribution);
  out.char(CLOSE);
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c;
const QUOTE = 0x22;
const DOT = 0x2e;
const MINUS = 0x2d;
const ZERO = 0x30;

/**
 * ASCII text written byte by byte into a growing buffer: packing a full rescore's scores writes
 * millions of numbers, and turning each into a string of its own (what Number#toString and join
 * do) was most of the time a rescore spent writing.
 */
export class PackedText {
  private buffer: Buffer;
  private length = 0;
  private readonly digits = new Uint8Array(24);

  constructor(capacity = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** The text written so far, and a fresh start. */
  take(): string {
    const text = this.buffer.toString('latin1', 0, this.length);
    this.length = 0;
    return text;
  }

  char(code: number): this {
    if (this.length === this.buffer.length) this.grow(1);
    this.buffer[this.length++] = code;
    return this;
  }

  comma(): this {
    return this.char(COMMA);
  }

  /** ASCII text as is (no escaping: callers write only digits, signs, dashes and letters). */
  ascii(text: string): this {
    this.reserve(text.length);
    this.length += this.buffer.write(text, this.length, 'latin1');
    return this;
  }

  /** Everything another PackedText holds. */
  append(other: PackedText): this {
    this.reserve(other.length);
    other.buffer.copy(this.buffer, this.length, 0, other.length);
    this.length += other.length;
    return this;
  }

  /**
   * A number rounded to four decimals, written exactly as String(Math.round(v * 1e4) / 1e4) would
   * (no trailing zeros, no "-0"); not finite → 0.
   */
  fixed4(v: number): this {
    if (!Number.isFinite(v)) return this.char(ZERO);
    if (Number.isInteger(v) && v < 2_147_483_648 && v > -2_147_483_648) {
      // Ids, counts, whole scores: exact in both directions.
      if (v < 0) this.char(MINUS);
      return this.integer(Math.abs(v));
    }
    let n = Math.round(v * 1e4);
    // Beyond 2^31 ten-thousandths the shortest decimal of n / 1e4 is left to the engine's own printer.
    if (n > 2_147_483_647 || n < -2_147_483_647) return this.ascii(String(n / 1e4));
    if (n === 0) return this.char(ZERO);
    if (n < 0) {
      this.char(MINUS);
      n = -n;
    }
    const whole = Math.floor(n / 10_000);
    let fraction = n - whole * 10_000;
    this.integer(whole);
    if (fraction === 0) return this;
    let places = 4;
    while (fraction % 10 === 0) {
      fraction /= 10;
      places--;
    }
    this.reserve(places + 1);
    this.buffer[this.length++] = DOT;
    for (let i = places - 1; i >= 0; i--) {
      this.buffer[this.length + i] = ZERO + (fraction % 10);
      fraction = Math.floor(fraction / 10);
    }
    this.length += places;
    return this;
  }

  /** A non-negative safe integer. */
  integer(n: number): this {
    let count = 0;
    do {
      this.digits[count++] = ZERO + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    this.reserve(count);
    while (count > 0) this.buffer[this.length++] = this.digits[--count];
    return this;
  }

  private reserve(count: number): void {
    if (this.length + count > this.buffer.length) this.grow(count);
  }

  private grow(count: number): void {
    const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + count));
    this.buffer.copy(bigger, 0, 0, this.length);
    this.buffer = bigger;
  }
}

/**
 * The PersonScore packed details (and a breakdown) describe; without a breakdown it has no
 * per-network parts, top content or engagers. (Rows written before the breakdown had a column of
 * its own carry it at the end of their details, and an empty breakdown.)
 */
export function unpackScore(details: string, breakdown?: string): PersonScore {
  const v: number[] = JSON.parse(details);
  if (breakdown !== undefined && breakdown !== '[]') v.push(...(JSON.parse(breakdown) as number[]));
  let at = 5;
  const next = () => v[at++];
  const components = Object.fromEntries(COMPONENTS.map((c) => [c, { value: next(), weight: next(), contribution: next() }])) as unknown as PersonScore['components'];
  const evidence = Object.fromEntries(EVIDENCE.map((e) => [e, next()])) as unknown as PersonScore['evidence'];
  const figures = Object.fromEntries(FIGURES.map((f) => [f, next()])) as Record<string, unknown>;
  figures.reactionsPerPost = Object.fromEntries(INTERACTION_KINDS.map((k) => [k, next()]));
  const list = <T>(read: () => T): T[] => (at < v.length ? Array.from({ length: next() }, read) : []);
  const perNetwork = list(() => ({ network: NETWORKS[next()], raw: next(), share: next(), score: next() }));
  const topContent = list(() => ({ contentId: next(), contribution: next() }));
  const topEngagers = list(() => ({ personId: next(), contribution: next() }));
  return {
    personId: v[0], score: v[1], band: { low: v[2], high: v[3] }, raw: v[4],
    components, evidence, figures: figures as unknown as PersonScore['figures'],
    perNetwork, topContent, topEngagers,
  };
}

/** Scores to store: a list, or people scored one at a time as they are written (see prepareScoring). */
export type ScoreSource = readonly PersonScore[] | { readonly count: number; score(i: number): PersonScore };

/** People per chunk when scores are written as VALUES lists (PostgreSQL). */
const VALUES_CHUNK = 5000;

/**
 * Writes scores, one day's snapshots and topic expertise in chunked multi-row upserts. Each
 * person's score is taken from the source once, when its chunk is written.
 */
export async function storeScores(
  db: Database,
  manager: EntityManager,
  source: ScoreSource,
  asOf: number,
  options: {
    current: boolean;
    snapshotDay?: string;
    expertise?: Map<number, TopicExpertise[]>;
    /** The expertise given is everyone's: replace the whole table rather than delete person by person. */
    everyone?: boolean;
  },
): Promise<void> {
  const q = manager.queryRunner!;
  const count = 'score' in source ? source.count : source.length;
  const scoreAt = 'score' in source ? (i: number) => source.score(i) : (i: number) => source[i];
  if (db.dialect === 'sqlite') await writeScoresFromJson(q, count, scoreAt, asOf, options.current, options.snapshotDay);
  else {
    for (let at = 0; at < count; at += VALUES_CHUNK) {
      const scores = Array.from({ length: Math.min(VALUES_CHUNK, count - at) }, (_, i) => scoreAt(at + i));
      if (options.current) {
        await upsertRows(db, q, 'person_score', ['person_id', 'score', 'raw', 'band_low', 'band_high', 'details', 'breakdown', 'as_of'], ['person_id'], scores.length, (i) => {
          const s = scores[i];
          return [s.personId, s.score, storableRaw(s.raw), s.band.low, s.band.high, packScore(s), packBreakdown(s), asOf];
        });
      }
      if (options.snapshotDay) {
        const day = options.snapshotDay;
        await upsertRows(db, q, 'score_snapshot', ['person_id', 'day', 'score', 'band_low', 'band_high', 'details'], ['person_id', 'day'], scores.length, (i) => {
          const s = scores[i];
          return [s.personId, day, s.score, s.band.low, s.band.high, packScore(s)];
        });
      }
    }
  }
  if (options.expertise) {
    const people = [...options.expertise.keys()];
    if (options.everyone) await q.query('DELETE FROM topic_expertise', []);
    else
      for (let at = 0; at < people.length; at += 5000) {
        const chunk = people.slice(at, at + 5000);
        await q.query(`DELETE FROM topic_expertise WHERE person_id IN (${chunk.map((_, i) => db.placeholder(i)).join(',')})`, chunk);
      }
    const rows: unknown[][] = [];
    for (const [personId, topics] of options.expertise) for (const t of topics) rows.push([personId, t.topicId, t.expertise, t.active]);
    await upsertRows(db, q, 'topic_expertise', ['person_id', 'topic_id', 'expertise', 'active'], ['person_id', 'topic_id'], rows.length, (i) => rows[i]);
  }
}

/**
 * A raw value as person_score.raw keeps it: the double itself (PostgreSQL gets it as the shortest
 * decimal that reads back to it, SQLite as 17 significant digits, see PERSON_SCORE_FROM_JSON).
 * Not a number (only a broken engine gives one, and the guard holds such a rescore) becomes 0; an
 * infinite one the largest double, so it still sorts last or first.
 */
export function storableRaw(raw: number): number {
  if (Number.isNaN(raw)) return 0;
  if (raw === Infinity) return Number.MAX_VALUE;
  if (raw === -Infinity) return -Number.MAX_VALUE;
  return raw;
}

/** About this many characters of JSON per statement. */
const JSON_CHUNK_CHARS = 3 << 20;
/** People scored and packed between two turns of the event loop (a few milliseconds). */
const YIELD_EVERY = 500;
const UPDATE_SCORE = 'score = excluded.score, band_low = excluded.band_low, band_high = excluded.band_high, details = excluded.details';
/**
 * Rows come from one JSON parameter (as the importer's): one statement per few thousand rows, no
 * binding cost per value. Scores and bands (one decimal) travel as tenths, so what is stored is
 * k / 10.0 computed by SQLite, bit for bit the double JavaScript holds. The raw value travels as
 * 17 significant digits: SQLite (3.44) reads the shortest decimal of a double (what JSON.stringify
 * writes) one unit in the last place off about once in 10,000, but 17 digits lie within a quarter
 * unit of the double, far from any rounding tie, and read back exactly (3,000,000 of 3,000,000
 * random doubles of every magnitude, checked when this was written; test/api/score-order.test.ts
 * checks the stored values).
 */
const PERSON_SCORE_FROM_JSON =
  `INSERT INTO person_score (person_id, score, band_low, band_high, details, breakdown, raw, as_of) ` +
  `SELECT value ->> 0, (value ->> 1) / 10.0, (value ->> 2) / 10.0, (value ->> 3) / 10.0, value ->> 4, value ->> 5, value ->> 6, ? FROM json_each(?) WHERE true ` +
  `ON CONFLICT (person_id) DO UPDATE SET ${UPDATE_SCORE}, breakdown = excluded.breakdown, raw = excluded.raw, as_of = excluded.as_of`;
/**
 * The day's snapshots of people whose current scores were just written, copied by SQLite (no JSON
 * to parse again; a third less work than sending them). CROSS JOIN keeps the JSON ids outside, so
 * each is one primary-key lookup.
 */
const SNAPSHOT_FROM_CURRENT =
  `INSERT INTO score_snapshot (person_id, day, score, band_low, band_high, details) ` +
  `SELECT s.person_id, ?, s.score, s.band_low, s.band_high, s.details FROM json_each(?) AS j CROSS JOIN person_score AS s ON s.person_id = j.value WHERE true ` +
  `ON CONFLICT (person_id, day) DO UPDATE SET ${UPDATE_SCORE}`;
/** Snapshots alone (backfilled days). */
const SNAPSHOT_FROM_JSON =
  `INSERT INTO score_snapshot (person_id, day, score, band_low, band_high, details) ` +
  `SELECT value ->> 0, ?, (value ->> 1) / 10.0, (value ->> 2) / 10.0, (value ->> 3) / 10.0, value ->> 4 FROM json_each(?) WHERE true ` +
  `ON CONFLICT (person_id, day) DO UPDATE SET ${UPDATE_SCORE}`;

/**
 * SQLite: current scores (and the day's snapshots, copied from them) or snapshots alone, each
 * score packed once, written as JSON chunks. SQLite runs a statement on a thread of its own, so the
 * next chunk is scored and packed while the last one is written: on two cores scoring and writing
 * overlap. They overlap only if this thread lets the driver's callbacks run now and then: a
 * statement is handed to SQLite, prepared and then stepped in turns that each wait for the event
 * loop, so packing without a pause would leave SQLite idle until the chunk is done.
 */
async function writeScoresFromJson(
  q: Queryable,
  count: number,
  scoreAt: (i: number) => PersonScore,
  asOf: number,
  current: boolean,
  snapshotDay: string | undefined,
): Promise<void> {
  if (!current && snapshotDay === undefined) return;
  const rows = new PackedText(JSON_CHUNK_CHARS + 4096);
  const ids = new PackedText(1 << 16);
  let pending: Promise<void> = Promise.resolve();
  try {
    for (let at = 0; at < count; ) {
      rows.char(OPEN);
      ids.char(OPEN);
      for (let first = true; at < count && rows.size < JSON_CHUNK_CHARS; at++, first = false) {
        if (at % YIELD_EVERY === 0) await new Promise(setImmediate);
        const s = scoreAt(at);
        if (!first) {
          rows.comma();
          ids.comma();
        }
        ids.fixed4(s.personId);
        rows.char(OPEN).fixed4(s.personId);
        rows.comma().fixed4(Math.round(s.score * 10)).comma().fixed4(Math.round(s.band.low * 10)).comma().fixed4(Math.round(s.band.high * 10));
        rows.comma().char(QUOTE);
        packFigures(rows, s);
        rows.char(CLOSE).char(QUOTE);
        if (current) {
          rows.comma().char(QUOTE);
          packLists(rows, s);
          rows.char(QUOTE);
          rows.comma().ascii(storableRaw(s.raw).toPrecision(17));
        }
        rows.char(CLOSE);
      }
      const rowsJson = rows.char(CLOSE).take();
      const idsJson = ids.char(CLOSE).take();
      await pending;
      // One statement after the other: the copy must see the chunk's scores, and a failure must not
      // leave a statement queued to run after the transaction rolled back.
      pending = (async () => {
        if (!current) {
          await q.query(SNAPSHOT_FROM_JSON, [snapshotDay, rowsJson]);
          return;
        }
        await q.query(PERSON_SCORE_FROM_JSON, [asOf, rowsJson]);
        if (snapshotDay !== undefined) await q.query(SNAPSHOT_FROM_CURRENT, [snapshotDay, idsJson]);
      })();
      pending.catch(() => undefined); // awaited at the next chunk; not an unhandled rejection meanwhile
    }
    await pending;
  } catch (err) {
    await pending.catch(() => undefined); // the transaction may roll back only once nothing of it is queued
    throw err;
  }
}
