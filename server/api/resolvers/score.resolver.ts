import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { PersonScore } from '../../scoring';
import type { Content, Person, Topic } from '../../entities';
import { authorize } from '../../services/auth/access';
import { ValidationError } from '../../services/errors';
import type { GraphQLContext } from '../context';
import { rowIdOf } from '../relay/global-id';
import { ContentType } from '../types/content.type';
import { PersonType } from '../types/person.type';
import {
  ContentContributionType,
  EngagerContributionType,
  RescorePayloadType,
  ScoreComparisonType,
  ScoreType,
  TopicExpertiseType,
} from '../types/score.type';
import { TopicType } from '../types/topic.type';
import { required } from './required';

/** The engine's PersonScore as the Score type reads it. */
export interface ScoreValue {
  /** Whose score it is (not in the schema: rank and percentile are looked up by it). */
  personId: number;
  value: number;
  band: PersonScore['band'];
  components: { name: string; value: number; weight: number; contribution: number }[];
  perNetwork: PersonScore['perNetwork'];
  evidence: PersonScore['evidence'];
  topContent: PersonScore['topContent'];
  topEngagers: PersonScore['topEngagers'];
}

export function toScoreValue(s: PersonScore): ScoreValue {
  return {
    personId: s.personId,
    value: s.score,
    band: s.band,
    components: (Object.entries(s.components) as [string, PersonScore['components']['reach']][]).map(([name, c]) => ({ name, ...c })),
    perNetwork: s.perNetwork,
    evidence: s.evidence,
    topContent: s.topContent,
    topEngagers: s.topEngagers,
  };
}

@Resolver(() => ScoreType)
export class ScoreResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Place among everyone scored, 1 for the highest, by the exact score at full precision (not the one-decimal value): people share a rank only when their exact scores are equal. ' +
      'People opted out of scoring are not counted. Null when the score is not published yet.',
  })
  async rank(@Root() score: ScoreValue, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return (await ctx.loaders.scoreRank.load(score.personId))?.rank ?? null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Share of everyone scored (this person included) whose exact score is strictly lower, 0 to 100, rounded down to one decimal: 90.0 means higher than 90% of people. ' +
      'People opted out of scoring are not counted. Null when the score is not published yet.',
  })
  async percentile(@Root() score: ScoreValue, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    return (await ctx.loaders.scoreRank.load(score.personId))?.percentile ?? null;
  }

  @FieldResolver(() => [ContentContributionType], { description: 'The content that contributed most, up to 5.' })
  topContent(@Root() score: ScoreValue): PersonScore['topContent'] {
    return score.topContent;
  }

  @FieldResolver(() => [EngagerContributionType], { description: 'The people whose engagement contributed most, up to 5.' })
  topEngagers(@Root() score: ScoreValue): PersonScore['topEngagers'] {
    return score.topEngagers;
  }

  @Query(() => ScoreComparisonType, { description: 'Whether two people really differ: only when their confidence bands do not overlap. 51 and 48 on little data do not.' })
  async compareScores(
    @Arg('a', () => ID, { description: 'Global id of a Person.' }) a: string,
    @Arg('b', () => ID, { description: 'Global id of another Person.' }) b: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoreComparisonType> {
    const [ia, ib] = [rowIdOf('Person', a, 'a'), rowIdOf('Person', b, 'b')];
    return ctx.services.scoring.compare(ctx, ia, ib);
  }

  @Mutation(() => RescorePayloadType, { description: 'Recomputes every score, network impact included, off the request path; the API keeps answering. Optionally rebuilds the daily history. ADMIN only: UNAUTHENTICATED without a login, FORBIDDEN for other roles.' })
  async rescore(
    @Arg('backfillDays', () => Int, { nullable: true, description: 'Also rebuild this many days of history (0 to 365).' }) backfillDays: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RescorePayloadType> {
    authorize(ctx, 'rescore');
    if (backfillDays != null && (backfillDays < 0 || backfillDays > 365)) throw new ValidationError([{ field: 'backfillDays', message: 'must be from 0 to 365' }]);
    const started = performance.now();
    const summary = await ctx.services.scoring.rescoreAll(ctx, { backfillDays: backfillDays ?? 0 });
    return { people: summary.people, interactions: summary.interactions, days: summary.days, seconds: (performance.now() - started) / 1000 };
  }
}

@Resolver(() => ContentContributionType)
export class ContentContributionResolver {
  @FieldResolver(() => ContentType, { nullable: true, description: 'The content (null if it was removed since).' })
  async content(@Root() c: { contentId: number }, @Ctx() ctx: GraphQLContext): Promise<Content | null> {
    return (await ctx.loaders.content.load(c.contentId)) ?? null;
  }
}

@Resolver(() => EngagerContributionType)
export class EngagerContributionResolver {
  @FieldResolver(() => PersonType, { nullable: true, description: 'The person (null if they were removed since).' })
  async person(@Root() e: { personId: number }, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return (await ctx.loaders.person.load(e.personId)) ?? null;
  }
}

@Resolver(() => TopicExpertiseType)
export class TopicExpertiseResolver {
  @FieldResolver(() => TopicType, { description: 'The topic.' })
  async topic(@Root() t: { topicId: string }, @Ctx() ctx: GraphQLContext): Promise<Topic> {
    return required(await ctx.loaders.topic.load(t.topicId), 'Topic', t.topicId);
  }
}
