import type { ContentKind } from '#shared/interactions';
import type { Network } from '#shared/networks';
import { Content, Topic } from '../entities';
import { inIds, loadByIds } from './load-by-ids';
import { childPages, type ChildListSpec } from './pagination/child-pages';
import type { Page, PageRequest, SortDirection, SortKey } from './pagination/page';
import { queryPage } from './pagination/query-page';
import { notOptedOut } from './privacy/opt-out';
import type { RequestContext } from './request-context';

export interface ContentFilter {
  network?: Network | null;
  kind?: ContentKind | null;
  authorPersonId?: number | null;
  authorAccountId?: number | null;
  topicId?: string | null;
  campaignCode?: string | null;
  postedAfter?: Date | null;
  postedBefore?: Date | null;
}

export type ContentOrderField = 'POSTED_AT' | 'ID';

const CONTENT_SORT: Record<ContentOrderField, Omit<SortKey<Content>, 'direction'>> = {
  POSTED_AT: { expr: 'c.postedAt', value: (c) => c.postedAt.getTime() },
  ID: { expr: 'c.id', value: (c) => c.id },
};

/** Newest first: what a profile shows. */
const NEWEST_FIRST: SortKey<Content> = { expr: 'c.posted_at', direction: 'DESC', value: (c) => c.postedAt.getTime() };

/** Per-content interaction counts by kind. */
export interface InteractionCountsRow {
  contentId: number;
  byKind: Map<string, number>;
}

/** Content and what hangs off it: topics, comments, interaction counts. */
export class ContentService {
  async list(ctx: RequestContext, filter: ContentFilter, order: { field: ContentOrderField; direction: SortDirection }, page: PageRequest): Promise<Page<Content>> {
    const qb = ctx.db.reader.getRepository(Content).createQueryBuilder('c');
    qb.where(notOptedOut('c.author_person_id')); // privacy: opted-out people's content is not listed
    if (filter.network) qb.andWhere('c.network = :network', { network: filter.network });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.authorPersonId != null) qb.andWhere('c.authorPersonId = :person', { person: filter.authorPersonId });
    if (filter.authorAccountId != null) qb.andWhere('c.authorAccountId = :account', { account: filter.authorAccountId });
    if (filter.campaignCode) qb.andWhere('c.campaignCode = :code', { code: filter.campaignCode });
    if (filter.postedAfter) qb.andWhere('c.postedAt >= :after', { after: filter.postedAfter.getTime() });
    if (filter.postedBefore) qb.andWhere('c.postedAt < :before', { before: filter.postedBefore.getTime() });
    if (filter.topicId) qb.andWhere('EXISTS (SELECT 1 FROM content_topic ct WHERE ct.content_id = c.id AND ct.topic_id = :topic)', { topic: filter.topicId });
    return queryPage(qb, { ...CONTENT_SORT[order.field], direction: order.direction }, page);
  }

  byIds(ctx: RequestContext, ids: readonly number[]): Promise<(Content | undefined)[]> {
    return loadByIds(ctx.db.reader.getRepository(Content), ids);
  }

  private contentList(ctx: RequestContext, parent: string): ChildListSpec<Content> {
    return {
      from: 'content c',
      parent,
      id: 'c.id',
      sort: NEWEST_FIRST,
      load: (ids) => ctx.db.reader.getRepository(Content).findBy({ id: inIds(ids) }),
    };
  }

  /** Each person's content, newest first, a page per person. */
  pagesByPerson(ctx: RequestContext, personIds: readonly number[], page: PageRequest): Promise<Map<number, Page<Content>>> {
    return childPages(ctx.db, this.contentList(ctx, 'c.author_person_id'), personIds, page);
  }

  pagesByAccount(ctx: RequestContext, accountIds: readonly number[], page: PageRequest): Promise<Map<number, Page<Content>>> {
    return childPages(ctx.db, this.contentList(ctx, 'c.author_account_id'), accountIds, page);
  }

  /** Replies and comments written as content of their own (blog comments, threads). */
  pagesByParent(ctx: RequestContext, contentIds: readonly number[], page: PageRequest): Promise<Map<number, Page<Content>>> {
    return childPages(ctx.db, this.contentList(ctx, 'c.parent_content_id'), contentIds, page);
  }

  topicPages(ctx: RequestContext, contentIds: readonly number[], page: PageRequest): Promise<Map<number, Page<Topic>>> {
    const spec: ChildListSpec<Topic> = {
      from: 'content_topic ct JOIN topic t ON t.id = ct.topic_id',
      parent: 'ct.content_id',
      id: 't.id',
      sort: { expr: 't.slug', direction: 'ASC', value: (t) => t.slug },
      load: (ids) => ctx.db.reader.getRepository(Topic).findBy({ id: inIds(ids) }),
    };
    return childPages(ctx.db, spec, contentIds, page);
  }

  /** Interaction counts by kind for many content items, in one GROUP BY. */
  async interactionCounts(ctx: RequestContext, contentIds: readonly number[]): Promise<Map<number, Map<string, number>>> {
    const marks = contentIds.map((_, i) => ctx.db.placeholder(i)).join(',');
    const rows: { content_id: number; kind: string; n: string | number }[] = await ctx.db.reader.query(
      `SELECT target_content_id AS content_id, kind, COUNT(*) AS n FROM interaction WHERE target_content_id IN (${marks}) GROUP BY target_content_id, kind`,
      [...contentIds],
    );
    const out = new Map<number, Map<string, number>>(contentIds.map((id) => [id, new Map()]));
    for (const r of rows) out.get(Number(r.content_id))?.set(r.kind, Number(r.n));
    return out;
  }
}
