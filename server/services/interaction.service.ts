import type { InteractionKind } from '#shared/interactions';
import type { Network } from '#shared/networks';
import { Interaction } from '../entities';
import { inIds, loadByIds } from './load-by-ids';
import { childPages } from './pagination/child-pages';
import type { Page, PageRequest, SortDirection, SortKey } from './pagination/page';
import { queryPage } from './pagination/query-page';
import { notOptedOut } from './privacy/opt-out';
import type { RequestContext } from './request-context';

export interface InteractionFilter {
  network?: Network | null;
  kind?: InteractionKind | null;
  actorAccountId?: number | null;
  targetAccountId?: number | null;
  targetContentId?: number | null;
  occurredAfter?: Date | null;
  occurredBefore?: Date | null;
}

export type InteractionOrderField = 'OCCURRED_AT' | 'ID';

const INTERACTION_SORT: Record<InteractionOrderField, Omit<SortKey<Interaction>, 'direction'>> = {
  OCCURRED_AT: { expr: 'i.occurredAt', value: (i) => i.occurredAt.getTime() },
  ID: { expr: 'i.id', value: (i) => i.id },
};

export class InteractionService {
  async list(ctx: RequestContext, filter: InteractionFilter, order: { field: InteractionOrderField; direction: SortDirection }, page: PageRequest): Promise<Page<Interaction>> {
    const qb = ctx.db.reader.getRepository(Interaction).createQueryBuilder('i');
    // Privacy: interactions of people opted out of scoring are not listed.
    qb.where(`NOT EXISTS (SELECT 1 FROM network_account na WHERE na.id IN (i.actor_account_id, i.target_account_id) AND NOT ${notOptedOut('na.person_id')})`);
    if (filter.network) qb.andWhere('i.network = :network', { network: filter.network });
    if (filter.kind) qb.andWhere('i.kind = :kind', { kind: filter.kind });
    if (filter.actorAccountId != null) qb.andWhere('i.actorAccountId = :actor', { actor: filter.actorAccountId });
    if (filter.targetAccountId != null) qb.andWhere('i.targetAccountId = :target', { target: filter.targetAccountId });
    if (filter.targetContentId != null) qb.andWhere('i.targetContentId = :content', { content: filter.targetContentId });
    if (filter.occurredAfter) qb.andWhere('i.occurredAt >= :after', { after: filter.occurredAfter.getTime() });
    if (filter.occurredBefore) qb.andWhere('i.occurredAt < :before', { before: filter.occurredBefore.getTime() });
    return queryPage(qb, { ...INTERACTION_SORT[order.field], direction: order.direction }, page);
  }

  byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Interaction | undefined)[]> {
    return loadByIds(ctx.db.reader.getRepository(Interaction), ids);
  }

  /** Interactions on each content item, newest first. */
  pagesByContent(ctx: RequestContext, contentIds: readonly number[], page: PageRequest): Promise<Map<number, Page<Interaction>>> {
    return childPages(
      ctx.db,
      {
        from: 'interaction i',
        parent: 'i.target_content_id',
        id: 'i.id',
        sort: { expr: 'i.occurred_at', direction: 'DESC', value: (i) => i.occurredAt.getTime() },
        load: (ids) => ctx.db.reader.getRepository(Interaction).findBy({ id: inIds(ids) }),
      },
      contentIds,
      page,
    );
  }
}
