import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Content, Interaction, NetworkAccount } from '../../entities';
import type { GraphQLContext } from '../context';
import { InteractionFilterInput, InteractionOrderInput } from '../inputs/filters.input';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import { rowIdOf, toGlobalId } from '../relay/global-id';
import { ContentType } from '../types/content.type';
import { InteractionConnection, InteractionType } from '../types/interaction.type';
import { NetworkAccountType } from '../types/network-account.type';
import { required } from './required';

@Resolver(() => InteractionType)
export class InteractionResolver {
  @Query(() => InteractionConnection, { description: 'Interactions on every network, a page at a time; newest first by default.' })
  async interactions(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => InteractionFilterInput, { nullable: true, description: 'Which interactions.' }) filter: InteractionFilterInput | null,
    @Arg('orderBy', () => InteractionOrderInput, { nullable: true, description: 'Order; newest first when absent.' }) orderBy: InteractionOrderInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Interaction>> {
    const criteria = {
      ...filter,
      actorAccountId: filter?.actorAccountId ? rowIdOf('NetworkAccount', filter.actorAccountId, 'filter.actorAccountId') : null,
      targetAccountId: filter?.targetAccountId ? rowIdOf('NetworkAccount', filter.targetAccountId, 'filter.targetAccountId') : null,
      targetContentId: filter?.targetContentId ? rowIdOf('Content', filter.targetContentId, 'filter.targetContentId') : null,
    };
    const order = orderBy ?? { field: 'OCCURRED_AT' as const, direction: 'DESC' as const };
    return new ConnectionValue(await ctx.services.interactions.list(ctx, criteria, order, page));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() interaction: Interaction): string {
    return toGlobalId('Interaction', interaction.id);
  }

  @FieldResolver(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId(@Root() interaction: Interaction): number {
    return interaction.id;
  }

  @FieldResolver(() => NetworkAccountType, { description: 'The account that acted.' })
  async actor(@Root() interaction: Interaction, @Ctx() ctx: GraphQLContext): Promise<NetworkAccount> {
    return required(await ctx.loaders.account.load(interaction.actorAccountId), 'NetworkAccount', interaction.actorAccountId);
  }

  @FieldResolver(() => NetworkAccountType, { description: 'The account acted on: for content, its author.' })
  async targetAccount(@Root() interaction: Interaction, @Ctx() ctx: GraphQLContext): Promise<NetworkAccount> {
    return required(await ctx.loaders.account.load(interaction.targetAccountId), 'NetworkAccount', interaction.targetAccountId);
  }

  @FieldResolver(() => ContentType, { nullable: true, description: 'The content acted on; null for MENTION and FOLLOW.' })
  async targetContent(@Root() interaction: Interaction, @Ctx() ctx: GraphQLContext): Promise<Content | null> {
    return interaction.targetContentId == null ? null : ((await ctx.loaders.content.load(interaction.targetContentId)) ?? null);
  }
}
