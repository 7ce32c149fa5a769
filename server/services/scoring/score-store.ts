import type { EntityManager } from 'typeorm';
import { INTERACTION_KINDS } from '../../../shared/interactions';
import { NETWORKS } from '../../../shared/networks';
import type { PersonScore, TopicExpertise } from '../../scoring';
import type { Database } from '../../db/database';
import { upsertRows } from '../../db/upsert-rows';

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

/** Four decimals: plenty for explanations, fewer bytes, and cheap (toPrecision was most of a rescore's write time). */
const round4 = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : 0);

/**
 * Scores are stored packed, as one array of numbers without key names: a full rescore writes one
 * row per person and the history one per person and day, so bytes add up. A day's snapshot keeps
 * what explaining a change between two dates needs (components, evidence, figures); the current
 * score adds its per-network parts, top content and top engagers.
 */
export function packScore(s: PersonScore, withDetails: boolean): string {
  const values = [
    s.personId, s.score, s.band.low, s.band.high, s.raw,
    ...COMPONENTS.flatMap((c) => [s.components[c].value, s.components[c].weight, s.components[c].contribution]),
    ...EVIDENCE.map((e) => s.evidence[e]),
    ...FIGURES.map((f) => s.figures[f]),
    ...INTERACTION_KINDS.map((k) => s.figures.reactionsPerPost[k]),
  ].map(round4);
  if (withDetails) {
    values.push(s.perNetwork.length, ...s.perNetwork.flatMap((n) => [NETWORKS.indexOf(n.network), round4(n.raw), round4(n.share), n.score]));
    values.push(s.topContent.length, ...s.topContent.flatMap((c) => [c.contentId, round4(c.contribution)]));
    values.push(s.topEngagers.length, ...s.topEngagers.flatMap((e) => [e.personId, round4(e.contribution)]));
  }
  return `[${values.join(',')}]`;
}

/** The PersonScore a packed score describes; a snapshot has no per-network parts, top content or engagers. */
export function unpackScore(text: string): PersonScore {
  const v: number[] = JSON.parse(text);
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

/** Writes scores, one day's snapshots and topic expertise in chunked multi-row upserts. */
export async function storeScores(
  db: Database,
  manager: EntityManager,
  scores: readonly PersonScore[],
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
  // Rows are built a statement at a time: a full rescore writes 100,000s of them.
  if (options.current) {
    await upsertRows(db, q, 'person_score', ['person_id', 'score', 'band_low', 'band_high', 'details', 'as_of'], ['person_id'], scores.length, (i) => {
      const s = scores[i];
      return [s.personId, s.score, s.band.low, s.band.high, packScore(s, true), asOf];
    });
  }
  if (options.snapshotDay) {
    const day = options.snapshotDay;
    await upsertRows(db, q, 'score_snapshot', ['person_id', 'day', 'score', 'band_low', 'band_high', 'details'], ['person_id', 'day'], scores.length, (i) => {
      const s = scores[i];
      return [s.personId, day, s.score, s.band.low, s.band.high, packScore(s, false)];
    });
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
