import type { Network } from '#shared/networks';
import { NetworkAccount } from '../entities';
import { loadByIds } from './load-by-ids';
import type { Page, PageRequest, SortDirection, SortKey } from './pagination/page';
import { queryPage } from './pagination/query-page';
import { whereStartsWith } from './prefix-search';
import { notOptedOut } from './privacy/opt-out';
import type { RequestContext } from './request-context';

export interface AccountFilter {
  network?: Network | null;
  personId?: number | null;
  /** Start of the handle, any case. */
  search?: string | null;
}

export type AccountOrderField = 'ID' | 'FOLLOWERS' | 'HANDLE';

const ACCOUNT_SORT: Record<AccountOrderField, Omit<SortKey<NetworkAccount>, 'direction'>> = {
  ID: { expr: 'a.id', value: (a) => a.id },
  FOLLOWERS: { expr: 'a.followersCount', value: (a) => a.followersCount },
  HANDLE: { expr: 'a.handle', value: (a) => a.handle },
};

export class AccountService {
  async list(ctx: RequestContext, filter: AccountFilter, order: { field: AccountOrderField; direction: SortDirection }, page: PageRequest): Promise<Page<NetworkAccount>> {
    const qb = ctx.db.reader.getRepository(NetworkAccount).createQueryBuilder('a');
    qb.where(notOptedOut('a.person_id')); // privacy: opted-out people's accounts are not listed
    if (filter.network) qb.andWhere('a.network = :network', { network: filter.network });
    if (filter.personId != null) qb.andWhere('a.personId = :person', { person: filter.personId });
    if (filter.search) whereStartsWith(qb, ctx.db, 'a.handle', filter.search);
    return queryPage(qb, { ...ACCOUNT_SORT[order.field], direction: order.direction }, page);
  }

  byIds(ctx: RequestContext, ids: readonly number[]): Promise<(NetworkAccount | undefined)[]> {
    return loadByIds(ctx.db.reader.getRepository(NetworkAccount), ids);
  }
}
