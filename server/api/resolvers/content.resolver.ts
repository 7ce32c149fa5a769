import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { InteractionKind } from '#shared/interactions';
import type { Content, Interaction, NetworkAccount, Person, Topic } from '../../entities';
import type { GraphQLContext } from '../context';
import { ContentFilterInput, ContentOrderInput } from '../inputs/filters.input';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import { fromGlobalId, rowIdOf, toGlobalId } from '../relay/global-id';
import { ContentConnection, ContentType, InteractionCountsType } from '../types/content.type';
import { InteractionConnection } from '../types/interaction.type';
import { NetworkAccountType } from '../types/network-account.type';
import { PersonType } from '../types/person.type';
import { TopicConnection } from '../types/topic.type';
import { required, visiblePerson } from './required';
import { ValidationError } from '../../services/errors';

@Resolver(() => ContentType)
export class ContentResolver {
  @Query(() => ContentConnection, { description: 'Content on every network, a page at a time; newest first by default.' })
  async contents(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => ContentFilterInput, { nullable: true, description: 'Which content.' }) filter: ContentFilterInput | null,
    @Arg('orderBy', () => ContentOrderInput, { nullable: true, description: 'Order; newest first when absent.' }) orderBy: ContentOrderInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Content>> {
    let topicId: string | null = null;
    if (filter?.topicId) {
      const decoded = fromGlobalId(filter.topicId, 'filter.topicId');
      if (decoded.type !== 'Topic') throw new ValidationError([{ field: 'filter.topicId', message: `is the id of a ${decoded.type}, not of a Topic` }]);
      topicId = decoded.id;
    }
    const criteria = {
      ...filter,
      authorPersonId: filter?.authorId ? rowIdOf('Person', filter.authorId, 'filter.authorId') : null,
      authorAccountId: filter?.accountId ? rowIdOf('NetworkAccount', filter.accountId, 'filter.accountId') : null,
      topicId,
    };
    const order = orderBy ?? { field: 'POSTED_AT' as const, direction: 'DESC' as const };
    return new ConnectionValue(await ctx.services.content.list(ctx, criteria, order, page));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() content: Content): string {
    return toGlobalId('Content', content.id);
  }

  @FieldResolver(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId(@Root() content: Content): number {
    return content.id;
  }

  @FieldResolver(() => NetworkAccountType, { description: 'The account that published it.' })
  async author(@Root() content: Content, @Ctx() ctx: GraphQLContext): Promise<NetworkAccount> {
    return required(await ctx.loaders.account.load(content.authorAccountId), 'NetworkAccount', content.authorAccountId);
  }

  @FieldResolver(() => PersonType, { description: 'The person who published it.' })
  async person(@Root() content: Content, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return visiblePerson(await ctx.loaders.person.load(content.authorPersonId));
  }

  @FieldResolver(() => ContentType, { nullable: true, description: 'The content this one replies to or comments on.' })
  async parent(@Root() content: Content, @Ctx() ctx: GraphQLContext): Promise<Content | null> {
    return content.parentContentId == null ? null : ((await ctx.loaders.content.load(content.parentContentId)) ?? null);
  }

  @FieldResolver(() => ContentConnection, { description: 'Comments and replies published as content of their own (blog comments, threads), newest first.' })
  async comments(@Root() content: Content, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Content>> {
    return new ConnectionValue(await ctx.loaders.commentsOfContent.load({ parent: content.id, page }));
  }

  @FieldResolver(() => TopicConnection, { description: 'Klout topics it is about, by slug.' })
  async topics(@Root() content: Content, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Topic>> {
    return new ConnectionValue(await ctx.loaders.topicsOfContent.load({ parent: content.id, page }));
  }

  @FieldResolver(() => InteractionConnection, { description: 'Interactions on it, newest first.' })
  async interactions(@Root() content: Content, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Interaction>> {
    return new ConnectionValue(await ctx.loaders.interactionsOfContent.load({ parent: content.id, page }));
  }

  @FieldResolver(() => InteractionCountsType, { description: 'How many interactions of each kind it received.' })
  async interactionCounts(@Root() content: Content, @Ctx() ctx: GraphQLContext): Promise<InteractionCountsType> {
    const byKind = await ctx.loaders.interactionCounts.load(content.id);
    const n = (kind: InteractionKind) => byKind.get(kind) ?? 0;
    let total = 0;
    for (const v of byKind.values()) total += v;
    return { total, likes: n(InteractionKind.LIKE), shares: n(InteractionKind.SHARE), replies: n(InteractionKind.REPLY), comments: n(InteractionKind.COMMENT), clicks: n(InteractionKind.CLICK) };
  }
}
