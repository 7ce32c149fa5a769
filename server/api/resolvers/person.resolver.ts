import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Content, NetworkAccount, Person } from '../../entities';
import type { GraphQLContext } from '../context';
import { PersonFilterInput, PersonOrderInput } from '../inputs/filters.input';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import { rowIdOf, toGlobalId } from '../relay/global-id';
import { ContentConnection } from '../types/content.type';
import { NetworkAccountConnection } from '../types/network-account.type';
import { PersonConnection, PersonType } from '../types/person.type';
import { loadNode } from './node.resolver';

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People, a page at a time, filtered and ordered.' })
  async people(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => PersonFilterInput, { nullable: true, description: 'Which people.' }) filter: PersonFilterInput | null,
    @Arg('orderBy', () => PersonOrderInput, { nullable: true, description: 'Order; by id when absent.' }) orderBy: PersonOrderInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Person>> {
    const order = orderBy ?? { field: 'ID' as const, direction: 'ASC' as const };
    return new ConnectionValue(await ctx.services.people.list(ctx, filter ?? {}, order, page));
  }

  @Query(() => PersonType, { description: 'One person by global id. Unknown ids answer NOT_FOUND.' })
  person(@Arg('id', () => ID, { description: 'Global id of a Person.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<unknown> {
    rowIdOf('Person', id);
    return loadNode(ctx, id, 'id');
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() person: Person): string {
    return toGlobalId('Person', person.id);
  }

  @FieldResolver(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId(@Root() person: Person): number {
    return person.id;
  }

  @FieldResolver(() => NetworkAccountConnection, { description: 'Their accounts on every network.' })
  async accounts(@Root() person: Person, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<NetworkAccount>> {
    return new ConnectionValue(await ctx.loaders.accountsOfPerson.load({ parent: person.id, page }));
  }

  @FieldResolver(() => ContentConnection, { description: 'What they published on any network, newest first.' })
  async content(@Root() person: Person, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Content>> {
    return new ConnectionValue(await ctx.loaders.contentOfPerson.load({ parent: person.id, page }));
  }
}
