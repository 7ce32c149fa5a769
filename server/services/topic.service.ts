import { Topic } from '../entities';
import { inIds, loadByIds } from './load-by-ids';
import { childPages, type ChildListSpec } from './pagination/child-pages';
import type { Page, PageRequest, SortKey } from './pagination/page';
import { queryPage } from './pagination/query-page';
import { whereStartsWith } from './prefix-search';
import type { RequestContext } from './request-context';

export interface TopicFilter {
  /** Start of the display name, any case. */
  search?: string | null;
  slug?: string | null;
}

const BY_SLUG: SortKey<Topic> = { expr: 't.slug', direction: 'ASC', value: (t) => t.slug };

/** The Klout topic ontology: a DAG of topics (nba → basketball → sports). */
export class TopicService {
  list(ctx: RequestContext, filter: TopicFilter, page: PageRequest): Promise<Page<Topic>> {
    const qb = ctx.db.reader.getRepository(Topic).createQueryBuilder('t');
    if (filter.search) whereStartsWith(qb, ctx.db, 't.displayName', filter.search);
    if (filter.slug) qb.andWhere('t.slug = :slug', { slug: filter.slug });
    return queryPage(qb, BY_SLUG, page);
  }

  byIds(ctx: RequestContext, ids: readonly string[]): Promise<(Topic | undefined)[]> {
    return loadByIds(ctx.db.reader.getRepository(Topic), ids);
  }

  async bySlug(ctx: RequestContext, slug: string): Promise<Topic | null> {
    return ctx.db.reader.getRepository(Topic).findOneBy({ slug });
  }

  private edgeList(ctx: RequestContext, parent: 'parent_id' | 'child_id'): ChildListSpec<Topic> {
    const other = parent === 'parent_id' ? 'child_id' : 'parent_id';
    return {
      from: `topic_edge e JOIN topic t ON t.id = e.${other}`,
      parent: `e.${parent}`,
      id: 't.id',
      sort: { ...BY_SLUG, expr: 't.slug' },
      load: (ids) => ctx.db.reader.getRepository(Topic).findBy({ id: inIds(ids) }),
    };
  }

  /** Broader topics of each topic (nba → basketball, sports). */
  parentPages(ctx: RequestContext, topicIds: readonly string[], page: PageRequest): Promise<Map<string, Page<Topic>>> {
    return childPages(ctx.db, this.edgeList(ctx, 'child_id'), topicIds, page);
  }

  /** Narrower topics of each topic. */
  childPages(ctx: RequestContext, topicIds: readonly string[], page: PageRequest): Promise<Map<string, Page<Topic>>> {
    return childPages(ctx.db, this.edgeList(ctx, 'parent_id'), topicIds, page);
  }
}
