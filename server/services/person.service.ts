import type { Network } from '#shared/networks';
import { NetworkAccount, Person } from '../entities';
import { inIds } from './load-by-ids';
import { childPages, type ChildListSpec } from './pagination/child-pages';
import type { Page, PageRequest, SortDirection, SortKey } from './pagination/page';
import { queryPage } from './pagination/query-page';
import { whereStartsWith } from './prefix-search';
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

export type PersonOrderField = 'ID' | 'CREATED_AT' | 'DISPLAY_NAME';

const PERSON_SORT: Record<PersonOrderField, Omit<SortKey<Person>, 'direction'>> = {
  ID: { expr: 'p.id', value: (p) => p.id },
  CREATED_AT: { expr: 'p.createdAt', value: (p) => p.createdAt.getTime() },
  DISPLAY_NAME: { expr: 'p.displayName', value: (p) => p.displayName },
};

/** People and their accounts. */
export class PersonService {
  async list(ctx: RequestContext, filter: PersonFilter, order: { field: PersonOrderField; direction: SortDirection }, page: PageRequest): Promise<Page<Person>> {
    // Region and language are personal details: only an ADMIN may look people up by them.
    if (filter.region || filter.language) authorize(ctx, 'filterByPersonalDetails');
    const qb = ctx.db.reader.getRepository(Person).createQueryBuilder('p');
    qb.where(notOptedOut('p.id')); // privacy: an opted-out person has no public profile
    if (filter.search) whereStartsWith(qb, ctx.db, 'p.displayName', filter.search);
    if (filter.region) qb.andWhere('p.region = :region', { region: filter.region });
    if (filter.language) qb.andWhere('p.language = :language', { language: filter.language });
    if (filter.network) {
      qb.andWhere('EXISTS (SELECT 1 FROM network_account na WHERE na.person_id = p.id AND na.network = :network)', { network: filter.network });
    }
    if (filter.audience) {
      let n = 0;
      const params: Record<string, unknown> = {};
      const bind = (value: unknown) => {
        const name = `aud${n++}`;
        params[name] = value;
        return `:${name}`;
      };
      qb.andWhere(audienceExists(filter.audience, { bind, list: (values) => values.map(bind).join(',') }), params);
    }
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
