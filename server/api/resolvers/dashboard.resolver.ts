import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Person } from '../../entities';
import type { ScoreDistribution, ScoreMove } from '../../services/dashboard.service';
import type { GraphQLContext } from '../context';
import { MoveDirection, ScoreDistributionType, ScoreMoverType } from '../types/dashboard.type';
import { PersonType } from '../types/person.type';
import { required } from './required';

/** The console dashboard's aggregates: score distribution and top movers. */
@Resolver(() => ScoreMoverType)
export class DashboardResolver {
  @Query(() => ScoreDistributionType, {
    description: "Histogram of everyone's current score, in bars of `bucketWidth` points from 0 to 100. Needs a login: UNAUTHENTICATED otherwise.",
  })
  scoreDistribution(
    @Arg('bucketWidth', () => Int, { defaultValue: 10, description: 'Width of each bar in points, 1 to 50.' }) bucketWidth: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoreDistribution> {
    return ctx.services.dashboard.scoreDistribution(ctx, bucketWidth);
  }

  @Query(() => [ScoreMoverType], {
    description:
      'The people whose score moved most over the last `days` days of the daily history (its latest day against `days` before). ' +
      'Needs a login: UNAUTHENTICATED otherwise. Empty until a history exists.',
  })
  topMovers(
    @Arg('days', () => Int, { defaultValue: 7, description: 'How far back to compare, 1 to 365 days.' }) days: number,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many people, 1 to 100.' }) first: number,
    @Arg('direction', () => MoveDirection, { defaultValue: MoveDirection.EITHER, description: 'Rises, falls or both.' }) direction: MoveDirection,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoreMove[]> {
    return ctx.services.dashboard.topMovers(ctx, days, first, direction);
  }

  @FieldResolver(() => PersonType, { description: 'The person.' })
  async person(@Root() move: ScoreMove, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return required(await ctx.loaders.person.load(move.personId), 'Person', move.personId);
  }
}
