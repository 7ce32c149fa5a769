import type { Database } from '../../db/database';

/** Where a person's score stands among everyone scored. */
export interface ScoreRank {
  /** 1 + the number of people whose raw value is higher: equal raw values share a rank. */
  rank: number;
  /** People scored strictly below, as a share of everyone scored (the person included), 0 to 100, rounded down to one decimal. */
  percentile: number;
  /** People scored: the published scores of everyone not opted out. */
  scored: number;
}

/**
 * Rank and percentile of these people's stored scores (person_score.raw, full precision) among
 * every published score, in one statement whatever their number.
 *
 * The distinct raw values of the people asked about split the raw axis into intervals; each
 * interval between two neighbouring values and each value itself is counted once along
 * ix_person_score_raw (a correlated COUNT per distinct value, each a range of the index), and the
 * counts are summed from the top: the rows read are those above the lowest value asked about, not
 * one scan per person. The total is one COUNT(*).
 *
 * Opted-out people have no score row once their opt-out is written; a full rescore that was running
 * when they opted out may write one back until the next, so such rows are read apart (opt-outs are
 * few) and taken out of the counts, and nobody's rank counts them.
 */
export async function scoreRanks(db: Database, personIds: readonly number[]): Promise<Map<number, ScoreRank>> {
  const out = new Map<number, ScoreRank>();
  if (!personIds.length) return out;
  const b = db.binder();
  const infinity = db.dialect === 'postgres' ? `'Infinity'::double precision` : '9e999';
  const values = `SELECT DISTINCT raw FROM person_score WHERE person_id IN (${b.list(personIds)})`;
  const asked = `SELECT 'p' AS kind, raw, person_id AS n, 0 AS equal_count FROM person_score WHERE person_id IN (${b.list(personIds)})`;
  const rows: { kind: 'p' | 'v' | 't' | 'x'; raw: number | string | null; n: number | string; equal_count: number | string }[] = await db.reader.query(
    `WITH v AS (${values}),
          w AS (SELECT raw, COALESCE(LAG(raw) OVER (ORDER BY raw DESC), ${infinity}) AS higher FROM v)
     SELECT 'v' AS kind, w.raw AS raw,
            (SELECT COUNT(*) FROM person_score o WHERE o.raw > w.raw AND o.raw < w.higher) AS n,
            (SELECT COUNT(*) FROM person_score o WHERE o.raw = w.raw) AS equal_count
       FROM w
     UNION ALL SELECT 't', NULL, COUNT(*), 0 FROM person_score
     UNION ALL SELECT 'x', s.raw, 0, 0 FROM person_score s JOIN person_opt_out oo ON oo.person_id = s.person_id
     UNION ALL ${asked}`,
    b.params,
  );
  let total = 0;
  const optedOut: number[] = [];
  const distinct: { raw: number; between: number; equal: number }[] = [];
  const rawOf = new Map<number, number>();
  for (const r of rows) {
    if (r.kind === 't') total = Number(r.n);
    else if (r.kind === 'x') optedOut.push(Number(r.raw));
    else if (r.kind === 'v') distinct.push({ raw: Number(r.raw), between: Number(r.n), equal: Number(r.equal_count) });
    else rawOf.set(Number(r.n), Number(r.raw));
  }
  distinct.sort((x, y) => y.raw - x.raw);
  total -= optedOut.length;
  const standing = new Map<number, { above: number; equal: number }>();
  let above = 0;
  for (const d of distinct) {
    above += d.between;
    let higher = above;
    let equal = d.equal;
    for (const x of optedOut) {
      if (x > d.raw) higher--;
      else if (x === d.raw) equal--;
    }
    standing.set(d.raw, { above: higher, equal });
    above += d.equal;
  }
  for (const [personId, raw] of rawOf) {
    const s = standing.get(raw);
    if (!s || total <= 0) continue;
    const below = Math.max(0, total - s.above - s.equal);
    out.set(personId, { rank: s.above + 1, percentile: Math.floor((1000 * below) / total) / 10, scored: total });
  }
  return out;
}
