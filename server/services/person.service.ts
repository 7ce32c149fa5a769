import type { SelectQueryBuilder } from 'typeorm';
import type { Network } from '#shared/networks';
import { NetworkAccount, Person, PersonScoreRow } from '../entities';
import { ValidationError } from './errors';
import { inIds } from './load-by-ids';
import { childPages, type ChildListSpec } from './pagination/child-pages';
import { planPage, toPage, walkDirection, type Page, type PageRequest, type SortDirection, type SortKey } from './pagination/page';
import { queryPage } from './pagination/query-page';
import { startsWith } from './prefix-search';
import { authorize } from './auth/access';
import { notOptedOut } from './privacy/opt-out';
import type { RequestContext } from './request-context';
import { audienceExists, type AudienceCriteria } from './campaigns/audience';

export interface PersonFilter {
  /** Start of the display name, any case. */
  search?: string | null;
  region?: string | null;
  language?: string | null;
  /** Only people with an account on this network. */
  network?: Network | null;
  /** Only people in this audience (campaign targeting criteria, already resolved). */
  audience?: AudienceCriteria | null;
}

export type PersonOrderField = 'ID' | 'CREATED_AT' | 'DISPLAY_NAME' | 'SCORE';

const PERSON_SORT: Record<Exclude<PersonOrderField, 'SCORE'>, Omit<SortKey<Person>, 'direction'>> = {
  ID: { expr: 'p.id', value: (p) => p.id },
  CREATED_AT: { expr: 'p.createdAt', value: (p) => p.createdAt.getTime() },
  DISPLAY_NAME: { expr: 'p.displayName', value: (p) => p.displayName },
};

/** Conditions on a person `p` (plain column names, so they also work inside subqueries) and their named parameters. */
interface PersonConditions {
  sql: string[];
  params: Record<string, unknown>;
}

/**
 * A value in a statement built with TypeORM: a named parameter (`:name`, set in `params`), except a
 * double on SQLite. TypeORM writes numbers into SQLite statements as text (String(v)), and SQLite
 * reads the shortest decimal of a double a unit in the last place off about once in 10,000 (an
 * integer-valued double past 2^53 even becomes another integer), while a raw value or a bound
 * from fromScale must stay exact. So SQLite gets the double written out with 17 significant digits,
 * which it reads back exactly (see score-store.ts); PostgreSQL binds every value as it is.
 */
function sqlValue(ctx: RequestContext, params: Record<string, unknown>, name: string, value: unknown): string {
  if (ctx.db.dialect === 'sqlite' && typeof value === 'number' && Number.isFinite(value) && !Number.isSafeInteger(value)) return `(${value.toPrecision(17)})`;
  params[name] = value;
  return `:${name}`;
}

/** The cursor value of a person without a score in a list ordered by score (scored people carry their raw value). */
const NO_SCORE = 'none';

/** People and their accounts. */
export class PersonService {
  async list(ctx: RequestContext, filter: PersonFilter, order: { field: PersonOrderField; direction: SortDirection }, page: PageRequest): Promise<Page<Person>> {
    // Region and language are personal details: only an ADMIN may look people up by them.
    if (filter.region || filter.language) authorize(ctx, 'filterByPersonalDetails');
    const conditions = personConditions(ctx, filter);
    const qb = ctx.db.reader.getRepository(Person).createQueryBuilder('p');
    for (const sql of conditions.sql) qb.andWhere(sql);
    qb.setParameters(conditions.params);
    if (order.field === 'SCORE') return scorePage(ctx, qb, conditions, order.direction, page);
    return queryPage(qb, { ...PERSON_SORT[order.field], direction: order.direction }, page);
  }

  /** People by id; someone opted out of scoring is found only by themself (privacy). */
  async byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Person | undefined)[]> {
    if (!ids.length) return [];
    const self = ctx.viewer?.personId ?? -1;
    const rows = await ctx.db.reader.getRepository(Person).createQueryBuilder('p')
      .where('p.id IN (:...ids)', { ids: [...ids] })
      .andWhere(`(${notOptedOut('p.id')} OR p.id = :self)`, { self })
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** Each person's accounts, a page per person. */
  accountPages(ctx: RequestContext, personIds: readonly number[], page: PageRequest): Promise<Map<number, Page<NetworkAccount>>> {
    const spec: ChildListSpec<NetworkAccount> = {
      from: 'network_account a',
      parent: 'a.person_id',
      id: 'a.id',
      sort: { expr: 'a.id', direction: 'ASC', value: (a) => a.id },
      load: (ids) => ctx.db.reader.getRepository(NetworkAccount).findBy({ id: inIds(ids) }),
    };
    return childPages(ctx.db, spec, personIds, page);
  }
}

function personConditions(ctx: RequestContext, filter: PersonFilter): PersonConditions {
  const sql = [notOptedOut('p.id')]; // privacy: an opted-out person has no public profile
  const params: Record<string, unknown> = {};
  if (filter.search) {
    const prefix = startsWith(ctx.db, 'p.display_name', filter.search);
    sql.push(prefix.sql);
    Object.assign(params, prefix.params);
  }
  if (filter.region) {
    sql.push('p.region = :region');
    params.region = filter.region;
  }
  if (filter.language) {
    sql.push('p.language = :language');
    params.language = filter.language;
  }
  if (filter.network) {
    sql.push('EXISTS (SELECT 1 FROM network_account na WHERE na.person_id = p.id AND na.network = :network)');
    params.network = filter.network;
  }
  if (filter.audience) {
    let n = 0;
    const bind = (value: unknown) => sqlValue(ctx, params, `aud${n++}`, value);
    sql.push(audienceExists(filter.audience, { bind, list: (values) => values.map(bind).join(',') }));
  }
  return { sql, params };
}

/** Where a cursor of a list ordered by score points: a scored person (raw value, id) or one without a score (id). */
type ScorePosition = { scored: true; raw: number; id: number } | { scored: false; id: number };

function scorePosition(value: string | number, id: number | string, field: string): ScorePosition {
  if (Number.isInteger(id)) {
    if (typeof value === 'number' && Number.isFinite(value)) return { scored: true, raw: value, id: id as number };
    if (value === NO_SCORE) return { scored: false, id: id as number };
  }
  throw new ValidationError([{ field, message: 'is not a cursor of a list ordered by SCORE' }]);
}

/**
 * A page of people ordered by score: by the stored raw value at full precision (person_score.raw,
 * so two people whose scores round alike keep their order), then by id, in `direction`; people
 * without a score come after everyone scored, by id in the same direction, whichever the direction.
 * Cursors carry (raw, id), or ("none", id) past the scored people.
 *
 * One statement. The scored people are walked along ix_person_score_raw (raw, person_id) from the
 * cursor, the people without a score along the person table's key; each walk stops after a page
 * and one row, and the second takes only the room the first left (none on every page but the one
 * where the scored people end). The page's people are then read by id and put in order.
 */
async function scorePage(
  ctx: RequestContext,
  base: SelectQueryBuilder<Person>,
  conditions: PersonConditions,
  direction: SortDirection,
  request: PageRequest,
): Promise<Page<Person>> {
  const plan = planPage(request);
  const countQuery = base.clone();
  const from = plan.from ? scorePosition(plan.from[0], plan.from[1], plan.backwards ? 'before' : 'after') : null;
  const walk = walkDirection(direction, plan.backwards);
  const past = walk === 'ASC' ? '>' : '<';
  const limit = plan.size + 1;
  const where = conditions.sql.join(' AND ');
  const params: Record<string, unknown> = { ...conditions.params };

  let cursorRaw = '';
  type Walk = (after: boolean, take?: string) => string;
  const scored: Walk = (after, take = String(limit)) =>
    `SELECT s.person_id AS id FROM person_score s WHERE EXISTS (SELECT 1 FROM person p WHERE p.id = s.person_id AND ${where})` +
    (after ? ` AND (s.raw, s.person_id) ${past} (${cursorRaw}, :cursorId)` : '') +
    ` ORDER BY s.raw ${walk}, s.person_id ${walk} LIMIT ${take}`;
  const unscored: Walk = (after, take = String(limit)) =>
    `SELECT p.id AS id FROM person p WHERE ${where} AND NOT EXISTS (SELECT 1 FROM person_score s WHERE s.person_id = p.id)` +
    (after ? ` AND p.id ${past} :cursorId` : '') +
    ` ORDER BY p.id ${walk} LIMIT ${take}`;
  // The walks in walking order: forwards the scored people come first, backwards the people without a score.
  const walks = plan.backwards ? [unscored, scored] : [scored, unscored];
  let first = 0;
  if (from) {
    cursorRaw = from.scored ? sqlValue(ctx, params, 'cursorRaw', from.raw) : '';
    params.cursorId = from.id;
    first = walks.indexOf(from.scored ? scored : unscored);
  }
  const head = walks[first](from !== null);
  const candidates = [`SELECT id FROM (${head}) w0`];
  // The second walk takes only the room the first left: LIMIT 0 when it filled the page, and then
  // both databases skip the walk entirely (a WHERE on the count would not stop SQLite's scan).
  if (first === 0) candidates.push(`SELECT id FROM (${walks[1](false, `(${limit} - (SELECT COUNT(*) FROM (${head}) w))`)}) w1`);

  const scoredFirst = plan.backwards ? 'DESC' : 'ASC';
  const { entities, raw } = await ctx.db.reader
    .getRepository(Person)
    .createQueryBuilder('p')
    .leftJoin(PersonScoreRow, 's', 's.person_id = p.id')
    .addSelect('s.raw', 'score_raw')
    .where(`p.id IN (${candidates.join(' UNION ALL ')})`, params)
    .orderBy('CASE WHEN s.person_id IS NULL THEN 1 ELSE 0 END', scoredFirst)
    .addOrderBy('s.raw', walk)
    .addOrderBy('p.id', walk)
    .limit(limit)
    .getRawAndEntities();
  const rawOf = new Map<number, number>();
  for (const r of raw as { p_id: number | string; score_raw: number | string | null }[]) {
    if (r.score_raw !== null) rawOf.set(Number(r.p_id), Number(r.score_raw));
  }
  const sort: SortKey<Person> = { expr: 's.raw', direction, value: (p) => rawOf.get(p.id) ?? NO_SCORE };
  return toPage(entities, plan, sort, () => countQuery.getCount());
}
