import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Content, NetworkAccount, Person } from '../../entities';
import { ValidationError } from '../../services/errors';
import { maySeePersonalDetails } from '../../services/privacy/visibility';
import type { GraphQLContext } from '../context';
import { PersonFilterInput, PersonOrderInput, personOrder } from '../inputs/filters.input';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import { rowIdOf, toGlobalId } from '../relay/global-id';
import { ContentConnection } from '../types/content.type';
import { NetworkAccountConnection } from '../types/network-account.type';
import { PersonConnection, PersonType } from '../types/person.type';
import { ScorePointType, ScoreChangeType, ScoreType, TopicExpertiseType } from '../types/score.type';
import type { ScoreChange, TopicExpertise } from '../../scoring';
import type { ScorePoint } from '../../services/scoring/scoring.service';
import { loadNode } from './node.resolver';
import { resolveCriteria } from '../../services/campaigns/audience';
import { toScoreValue, type ScoreValue } from './score.resolver';

@Resolver(() => PersonType)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People, a page at a time, filtered and ordered. People opted out of scoring are never listed.' })
  async people(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => PersonFilterInput, { nullable: true, description: 'Which people.' }) filter: PersonFilterInput | null,
    @Arg('orderBy', () => PersonOrderInput, { nullable: true, description: 'Order; by id when absent.' }) orderBy: PersonOrderInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Person>> {
    const order = personOrder(orderBy);
    const audience = filter?.audience ? await resolveCriteria(ctx, filter.audience, 'filter.audience.') : null;
    return new ConnectionValue(await ctx.services.people.list(ctx, { ...filter, audience }, order, page));
  }

  @Query(() => PersonType, { description: 'One person by global id. Unknown ids, and people opted out of scoring (to anyone but themselves), answer NOT_FOUND.' })
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

  @FieldResolver(() => String, { nullable: true, description: 'Country or region code, e.g. "US". A personal detail: null unless the viewer is the person or an ADMIN.' })
  region(@Root() person: Person, @Ctx() ctx: GraphQLContext): string | null {
    return maySeePersonalDetails(ctx, person.id) ? person.region : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Language tag, e.g. "en". A personal detail: null unless the viewer is the person or an ADMIN.' })
  language(@Root() person: Person, @Ctx() ctx: GraphQLContext): string | null {
    return maySeePersonalDetails(ctx, person.id) ? person.language : null;
  }

  @FieldResolver(() => NetworkAccountConnection, { description: 'Their accounts on every network.' })
  async accounts(@Root() person: Person, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<NetworkAccount>> {
    return new ConnectionValue(await ctx.loaders.accountsOfPerson.load({ parent: person.id, page }));
  }

  @FieldResolver(() => ContentConnection, { description: 'What they published on any network, newest first.' })
  async content(@Root() person: Person, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Content>> {
    return new ConnectionValue(await ctx.loaders.contentOfPerson.load({ parent: person.id, page }));
  }

  @FieldResolver(() => ScoreType, { description: 'Influence score from 1 to 100 across all their networks, explained, with its confidence band.' })
  async score(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<ScoreValue> {
    return toScoreValue(await ctx.loaders.score.load(person.id));
  }

  @FieldResolver(() => [ScorePointType], { description: 'Daily scores from `from` to `to` (UTC days, inclusive), oldest first.' })
  async scoreHistory(
    @Root() person: Person,
    @Arg('from', { description: 'First day, YYYY-MM-DD.' }) from: string,
    @Arg('to', { description: 'Last day, YYYY-MM-DD.' }) to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<{ day: string; score: number; band: { low: number; high: number } }[]> {
    const points: ScorePoint[] = await ctx.loaders.scoreHistory.load(`${person.id}|${from}|${to}`);
    return points.map((p) => ({ day: p.day, score: p.score, band: { low: p.bandLow, high: p.bandHigh } }));
  }

  @FieldResolver(() => ScoreChangeType, { description: 'How the score changed between two days and which components moved it.' })
  scoreChange(
    @Root() person: Person,
    @Arg('from', { description: 'Earlier day, YYYY-MM-DD.' }) from: string,
    @Arg('to', { description: 'Later day, YYYY-MM-DD.' }) to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoreChange> {
    return ctx.services.scoring.change(ctx, person.id, from, to);
  }

  @FieldResolver(() => [TopicExpertiseType], { description: 'Topics they are an expert in now, strongest first.' })
  async topics(
    @Root() person: Person,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many topics, 1 to 100.' }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TopicExpertise[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError([{ field: 'first', message: 'must be from 1 to 100' }]);
    return (await ctx.loaders.expertise.load(person.id)).slice(0, first);
  }
}
