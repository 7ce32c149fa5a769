import { ValidationError } from './errors';
import { requireViewer } from './auth/access';
import type { RequestContext } from './request-context';

/** One bar of the score histogram: people whose score is in [low, high), the last bar closed at 100. */
export interface ScoreBucket {
  low: number;
  high: number;
  count: number;
}

export interface ScoreDistribution {
  buckets: ScoreBucket[];
  /** People with a score. */
  total: number;
}

/** A person whose score moved between two days of the history. */
export interface ScoreMove {
  personId: number;
  from: string;
  to: string;
  before: number;
  after: number;
  delta: number;
}

export type MoveDirection = 'UP' | 'DOWN' | 'EITHER';

const DAY_MS = 86_400_000;

/** Aggregates for the console's dashboard, over person_score and score_snapshot. */
export class DashboardService {
  /**
   * How many people have a score in each band of `width` points from 1 to 100: one statement,
   * a SUM(CASE …) per bucket, portable across SQLite and PostgreSQL.
   */
  async scoreDistribution(ctx: RequestContext, width: number): Promise<ScoreDistribution> {
    if (!ctx.system) requireViewer(ctx, 'see the score distribution');
    if (!Number.isInteger(width) || width < 1 || width > 50) throw new ValidationError([{ field: 'bucketWidth', message: 'must be a whole number from 1 to 50' }]);
    const bounds: [number, number][] = [];
    for (let low = 0; low < 100; low += width) bounds.push([low, Math.min(low + width, 100)]);
    const params: number[] = [];
    const p = (v: number) => {
      params.push(v);
      return ctx.db.placeholder(params.length - 1);
    };
    const sums = bounds.map(([low, high], i) =>
      i === bounds.length - 1
        ? `SUM(CASE WHEN score >= ${p(low)} THEN 1 ELSE 0 END) AS b${i}`
        : `SUM(CASE WHEN score >= ${p(low)} AND score < ${p(high)} THEN 1 ELSE 0 END) AS b${i}`,
    );
    const [row]: Record<string, unknown>[] = await ctx.db.reader.query(`SELECT COUNT(*) AS total, ${sums.join(', ')} FROM person_score`, params);
    return {
      total: Number(row?.total ?? 0),
      buckets: bounds.map(([low, high], i) => ({ low, high, count: Number(row?.[`b${i}`] ?? 0) })),
    };
  }

  /**
   * The people whose score moved most over the last `days` days of the history: the latest day
   * with snapshots against the day `days` before it (people without a snapshot then are left out).
   */
  async topMovers(ctx: RequestContext, days: number, first: number, direction: MoveDirection): Promise<ScoreMove[]> {
    if (!ctx.system) requireViewer(ctx, 'see top movers');
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new ValidationError([{ field: 'days', message: 'must be a whole number from 1 to 365' }]);
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError([{ field: 'first', message: 'must be from 1 to 100' }]);
    const [latest]: { day: string | null }[] = await ctx.db.reader.query('SELECT MAX(day) AS day FROM score_snapshot');
    if (!latest?.day) return [];
    const to = latest.day;
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
    const order = direction === 'UP' ? 'delta DESC' : direction === 'DOWN' ? 'delta ASC' : 'ABS(s1.score - s0.score) DESC';
    const where = direction === 'UP' ? 'AND s1.score > s0.score' : direction === 'DOWN' ? 'AND s1.score < s0.score' : 'AND s1.score <> s0.score';
    const rows: { person_id: number | string; score_before: number | string; score_after: number | string }[] = await ctx.db.reader.query(
      `SELECT s1.person_id AS person_id, s0.score AS score_before, s1.score AS score_after, s1.score - s0.score AS delta
         FROM score_snapshot s1 JOIN score_snapshot s0 ON s0.person_id = s1.person_id AND s0.day = ${ctx.db.placeholder(0)}
        WHERE s1.day = ${ctx.db.placeholder(1)} ${where}
        ORDER BY ${order}, s1.person_id ASC
        LIMIT ${first}`,
      [from, to],
    );
    return rows.map((r) => {
      const before = Number(r.score_before);
      const after = Number(r.score_after);
      return { personId: Number(r.person_id), from, to, before, after, delta: Math.round((after - before) * 10) / 10 };
    });
  }
}
