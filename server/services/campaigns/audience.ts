import { notOptedOut } from '../privacy/opt-out';
import { CAMPAIGN_CODE_PATTERN } from '#shared/campaigns';
import { NETWORKS, type Network } from '#shared/networks';
import { SCORE_BANDS } from '#shared/score-bands';
import { Topic } from '../../entities';
import { fromScale } from '../../scoring/scale-inverse';
import { ValidationError, type FieldError } from '../errors';
import type { RequestContext } from '../request-context';

/**
 * Who a campaign is for. The one definition of eligibility: previewAudience, a campaign's
 * audience, claim-time checks, an influencer's available perks and the `people(filter: {audience})`
 * explorer all turn these criteria into SQL here, so they can never disagree.
 */
export interface AudienceCriteria {
  /** Score range, 1 to 100, whole numbers, both included: an exact score from minScore up to (not including) maxScore + 1. */
  minScore: number;
  maxScore: number;
  /** Active expertise in at least one of these topic ids; empty: any. */
  topicIds: readonly string[];
  /** An account on at least one of these networks; empty: any. */
  networks: readonly Network[];
  /** Region code among these; empty: anywhere. */
  regions: readonly string[];
  /** person_score.authenticity at least this (0 to 100). */
  minAuthenticity: number;
}

/** Criteria as a client sends them: all optional, topics by slug or id. */
export interface AudienceInput {
  minScore?: number | null;
  maxScore?: number | null;
  topics?: readonly string[] | null;
  networks?: readonly Network[] | null;
  regions?: readonly string[] | null;
  minAuthenticity?: number | null;
}

/** Hands out bind placeholders for values, in statement order (Database.binder, or TypeORM named parameters). */
export interface Binder {
  bind(value: unknown): string;
  list(values: readonly unknown[]): string;
}

const MAX_LIST = 50;

/**
 * Validates criteria and resolves topic slugs to ids. Every bad field is reported, under `prefix`
 * (e.g. "target."): BAD_USER_INPUT naming it.
 */
export async function resolveCriteria(ctx: RequestContext, input: AudienceInput, prefix: string): Promise<AudienceCriteria> {
  const errors: FieldError[] = [];
  const minScore = input.minScore ?? 1;
  const maxScore = input.maxScore ?? 100;
  const minAuthenticity = input.minAuthenticity ?? 0;
  if (!Number.isInteger(minScore) || minScore < 1 || minScore > 100) errors.push({ field: `${prefix}minScore`, message: 'must be a whole number from 1 to 100' });
  if (!Number.isInteger(maxScore) || maxScore < 1 || maxScore > 100) errors.push({ field: `${prefix}maxScore`, message: 'must be a whole number from 1 to 100' });
  else if (Number.isInteger(minScore) && minScore > maxScore) errors.push({ field: `${prefix}maxScore`, message: 'must be at least minScore' });
  if (!Number.isFinite(minAuthenticity) || minAuthenticity < 0 || minAuthenticity > 100) errors.push({ field: `${prefix}minAuthenticity`, message: 'must be from 0 to 100' });
  const networks = [...new Set(input.networks ?? [])];
  if (networks.length > NETWORKS.length) errors.push({ field: `${prefix}networks`, message: 'too many networks' });
  const regions = [...new Set((input.regions ?? []).map((r) => r.trim().toUpperCase()))];
  if (regions.length > MAX_LIST) errors.push({ field: `${prefix}regions`, message: `at most ${MAX_LIST} regions` });
  regions.forEach((r, i) => {
    if (!/^[A-Z0-9-]{1,64}$/.test(r)) errors.push({ field: `${prefix}regions[${i}]`, message: 'must be a region code such as "US"' });
  });
  const topics = input.topics ?? [];
  if (topics.length > MAX_LIST) errors.push({ field: `${prefix}topics`, message: `at most ${MAX_LIST} topics` });
  const topicIds: string[] = [];
  if (topics.length && topics.length <= MAX_LIST) {
    const found = await ctx.db.reader.getRepository(Topic).find({ where: [...topics.map((t) => ({ slug: t })), ...topics.filter((t) => /^\d{1,24}$/.test(t)).map((t) => ({ id: t }))] });
    topics.forEach((t, i) => {
      const topic = found.find((f) => f.slug === t || f.id === t);
      if (!topic) errors.push({ field: `${prefix}topics[${i}]`, message: 'names no topic (give a slug such as "basketball" or a topic id)' });
      else if (!topicIds.includes(topic.id)) topicIds.push(topic.id);
    });
  }
  if (errors.length) throw new ValidationError(errors);
  return { minScore, maxScore, topicIds, networks, regions, minAuthenticity };
}

/**
 * Conditions on a stored raw value (`rawExpr`, e.g. "s.raw") meaning: the exact score (toScale(raw),
 * unrounded) is at least `atLeast` and below `below`. Each bound is turned into a raw value once
 * (fromScale), so the database compares full-precision raw values and uses their index; the
 * rounded score never decides. Empty when every score qualifies.
 */
export function exactScoreRange(rawExpr: string, atLeast: number, below: number, b: Binder): string[] {
  const low = fromScale(atLeast);
  const high = fromScale(below);
  if (low === Infinity || high === -Infinity || !(low < high)) return ['1 = 0'];
  const where: string[] = [];
  if (low > -Infinity) where.push(`${rawExpr} >= ${b.bind(low)}`);
  if (high < Infinity) where.push(`${rawExpr} < ${b.bind(high)}`);
  return where;
}

/**
 * The conditions on a person `p` joined to their score row `s`, ANDed. A person with no published
 * score is in no audience.
 *
 * The score range is [minScore, maxScore + 1) on the exact score, at full precision (the stored raw
 * value, see exactScoreRange): minScore 40 takes someone whose exact score is 40.0 or more, and
 * leaves out someone at 39.96 although their score shows as 40.0; maxScore 60 takes everyone whose
 * exact score is below 61. Every use (preview, audience, claims, available perks, the people filter)
 * comes through here, so a person on a boundary is in all of them or in none.
 */
export function audienceConditions(c: AudienceCriteria, b: Binder): string {
  // Opted-out people have no score row once the opt-out is written; the condition also closes the race with a rescore.
  const where = [...exactScoreRange('s.raw', c.minScore, c.maxScore + 1, b), notOptedOut('p.id')];
  if (c.minAuthenticity > 0) where.push(`s.authenticity >= ${b.bind(c.minAuthenticity)}`);
  if (c.regions.length) where.push(`p.region IN (${b.list(c.regions)})`);
  if (c.networks.length) where.push(`EXISTS (SELECT 1 FROM network_account na WHERE na.person_id = p.id AND na.network IN (${b.list(c.networks)}))`);
  if (c.topicIds.length) {
    where.push(`EXISTS (SELECT 1 FROM topic_expertise te WHERE te.person_id = p.id AND te.active = TRUE AND te.topic_id IN (${b.list(c.topicIds)}))`);
  }
  return where.join(' AND ');
}

/** The criteria as one condition on a person `p` alone (for lists of people that do not join scores). */
export function audienceExists(c: AudienceCriteria, b: Binder): string {
  return `EXISTS (SELECT 1 FROM person_score s WHERE s.person_id = p.id AND ${audienceConditions(c, b)})`;
}

const AUDIENCE_FROM = 'person p JOIN person_score s ON s.person_id = p.id';

export interface AudienceBreakdown {
  size: number;
  byScoreBand: { band: string; min: number; max: number; count: number }[];
  /** People with an account on each network (one person may count under several). */
  byNetwork: { network: Network; count: number }[];
  byRegion: { region: string | null; count: number }[];
  /** Person ids of the first page, highest exact score first, then highest id: the first page of people(orderBy: SCORE) over the same audience. */
  topPersonIds: number[];
}

/** Size, breakdowns and the first `first` people of an audience, in four statements run side by side. */
export async function describeAudience(ctx: RequestContext, c: AudienceCriteria, first: number): Promise<AudienceBreakdown> {
  const q = async <T>(build: (b: Binder) => string): Promise<T[]> => {
    const b = ctx.db.binder();
    const sql = build(b);
    return ctx.db.reader.query(sql, b.params);
  };
  // Bands by exact score too (raw below the raw value where the band's upper bound starts), so a band's count agrees with a range targeting it.
  const bandCase = (b: Binder) => {
    const whens = SCORE_BANDS.flatMap((band, i) => {
      const below = fromScale(band.below);
      return below < Infinity ? [`WHEN s.raw < ${b.bind(below)} THEN ${i}`] : [];
    });
    return `CASE ${whens.join(' ')} ELSE ${SCORE_BANDS.length - 1} END`;
  };
  const [bands, networks, regions, top] = await Promise.all([
    q<{ band: number | string; n: number | string }>((b) => `SELECT ${bandCase(b)} AS band, COUNT(*) AS n FROM ${AUDIENCE_FROM} WHERE ${audienceConditions(c, b)} GROUP BY 1`),
    q<{ network: Network; n: number | string }>((b) => {
      const where = audienceConditions(c, b);
      const only = c.networks.length ? ` AND a.network IN (${b.list(c.networks)})` : '';
      return `SELECT a.network AS network, COUNT(DISTINCT p.id) AS n FROM ${AUDIENCE_FROM} JOIN network_account a ON a.person_id = p.id WHERE ${where}${only} GROUP BY a.network`;
    }),
    q<{ region: string | null; n: number | string }>((b) => `SELECT p.region AS region, COUNT(*) AS n FROM ${AUDIENCE_FROM} WHERE ${audienceConditions(c, b)} GROUP BY p.region`),
    q<{ id: number | string }>((b) => `SELECT p.id AS id FROM ${AUDIENCE_FROM} WHERE ${audienceConditions(c, b)} ORDER BY s.raw DESC, p.id DESC LIMIT ${b.bind(first)}`),
  ]);
  const bandCounts = new Map(bands.map((r) => [Number(r.band), Number(r.n)]));
  const byScoreBand = SCORE_BANDS.map((band, i) => ({ band: band.key, min: band.min, max: Math.min(100, band.below - 1), count: bandCounts.get(i) ?? 0 }));
  return {
    size: byScoreBand.reduce((sum, b) => sum + b.count, 0),
    byScoreBand,
    byNetwork: networks.map((r) => ({ network: r.network, count: Number(r.n) })).sort((a, b) => b.count - a.count || a.network.localeCompare(b.network)),
    byRegion: regions.map((r) => ({ region: r.region, count: Number(r.n) })).sort((a, b) => b.count - a.count || String(a.region).localeCompare(String(b.region))),
    topPersonIds: top.map((r) => Number(r.id)),
  };
}

/** Which of these audiences a person is in now (one statement for all of them). */
export async function audiencesOf(ctx: RequestContext, personId: number, audiences: readonly { key: number; criteria: AudienceCriteria }[]): Promise<Set<number>> {
  if (!audiences.length) return new Set();
  const b = ctx.db.binder();
  const parts = audiences.map(
    (a) => `SELECT CAST(${b.bind(a.key)} AS integer) AS k FROM ${AUDIENCE_FROM} WHERE p.id = ${b.bind(personId)} AND ${audienceConditions(a.criteria, b)}`,
  );
  const rows: { k: number | string }[] = await ctx.db.reader.query(parts.join(' UNION ALL '), b.params);
  return new Set(rows.map((r) => Number(r.k)));
}

/** A campaign code as stored: lower-case, no '#'. BAD_USER_INPUT on `field` when it is not one. */
export function normalizeCampaignCode(code: string, field: string): string {
  const trimmed = code.trim();
  if (!CAMPAIGN_CODE_PATTERN.test(trimmed)) throw new ValidationError([{ field, message: 'must be 3 to 50 letters, digits or underscores, with or without a leading #' }]);
  return trimmed.replace(/^#/, '').toLowerCase();
}
