import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Content, NetworkAccount, Person } from '../../entities';
import type { GraphQLContext } from '../context';
import { AccountFilterInput, AccountOrderInput } from '../inputs/filters.input';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import { rowIdOf, toGlobalId } from '../relay/global-id';
import { ContentConnection } from '../types/content.type';
import { NetworkAccountConnection, NetworkAccountType } from '../types/network-account.type';
import { PersonType } from '../types/person.type';
import { visiblePerson } from './required';

@Resolver(() => NetworkAccountType)
export class NetworkAccountResolver {
  @Query(() => NetworkAccountConnection, { description: 'Accounts on every network, a page at a time.' })
  async accounts(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AccountFilterInput, { nullable: true, description: 'Which accounts.' }) filter: AccountFilterInput | null,
    @Arg('orderBy', () => AccountOrderInput, { nullable: true, description: 'Order; by id when absent.' }) orderBy: AccountOrderInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<NetworkAccount>> {
    const criteria = {
      network: filter?.network,
      search: filter?.search,
      personId: filter?.personId ? rowIdOf('Person', filter.personId, 'filter.personId') : null,
    };
    const order = orderBy ?? { field: 'ID' as const, direction: 'ASC' as const };
    return new ConnectionValue(await ctx.services.accounts.list(ctx, criteria, order, page));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() account: NetworkAccount): string {
    return toGlobalId('NetworkAccount', account.id);
  }

  @FieldResolver(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId(@Root() account: NetworkAccount): number {
    return account.id;
  }

  @FieldResolver(() => PersonType, { description: 'The person who owns the account.' })
  async person(@Root() account: NetworkAccount, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return visiblePerson(await ctx.loaders.person.load(account.personId));
  }

  @FieldResolver(() => ContentConnection, { description: 'What was published from this account, newest first.' })
  async content(@Root() account: NetworkAccount, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Content>> {
    return new ConnectionValue(await ctx.loaders.contentOfAccount.load({ parent: account.id, page }));
  }
}
