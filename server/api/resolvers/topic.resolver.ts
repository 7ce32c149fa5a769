import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Topic } from '../../entities';
import { NotFoundError } from '../../services/errors';
import type { GraphQLContext } from '../context';
import { TopicFilterInput } from '../inputs/filters.input';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import { toGlobalId } from '../relay/global-id';
import { TopicConnection, TopicType } from '../types/topic.type';

@Resolver(() => TopicType)
export class TopicResolver {
  @Query(() => TopicConnection, { description: 'Topics of the Klout ontology, by slug.' })
  async topics(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => TopicFilterInput, { nullable: true, description: 'Which topics.' }) filter: TopicFilterInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Topic>> {
    return new ConnectionValue(await ctx.services.topics.list(ctx, filter ?? {}, page));
  }

  @Query(() => TopicType, { description: 'One topic by slug, e.g. "basketball". Unknown slugs answer NOT_FOUND.' })
  async topic(@Arg('slug', { description: 'The topic slug.' }) slug: string, @Ctx() ctx: GraphQLContext): Promise<Topic> {
    const topic = await ctx.services.topics.bySlug(ctx, slug);
    if (!topic) throw new NotFoundError('Topic', 'slug');
    return topic;
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() topic: Topic): string {
    return toGlobalId('Topic', topic.id);
  }

  @FieldResolver(() => String, { description: 'Klout topic id, as a string: super-topic ids exceed 64-bit integers.' })
  topicId(@Root() topic: Topic): string {
    return topic.id;
  }

  @FieldResolver(() => TopicConnection, { description: 'Broader topics (nba → basketball, sports).' })
  async parents(@Root() topic: Topic, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Topic>> {
    return new ConnectionValue(await ctx.loaders.parentsOfTopic.load({ parent: topic.id, page }));
  }

  @FieldResolver(() => TopicConnection, { description: 'Narrower topics.' })
  async children(@Root() topic: Topic, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Topic>> {
    return new ConnectionValue(await ctx.loaders.childrenOfTopic.load({ parent: topic.id, page }));
  }
}
