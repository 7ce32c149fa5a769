import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Which way a mover's score went. */
export enum MoveDirection {
  UP = 'UP',
  DOWN = 'DOWN',
  EITHER = 'EITHER',
}

registerEnumType(MoveDirection, {
  name: 'MoveDirection',
  description: 'Which score moves to list.',
  valuesConfig: {
    UP: { description: 'Rises only, largest first.' },
    DOWN: { description: 'Falls only, largest first.' },
    EITHER: { description: 'Rises and falls, largest change first.' },
  },
});

@ObjectType('ScoreBucket', { description: 'One bar of the score histogram: people whose score is at least `low` and below `high` (the last bar includes 100).', simpleResolvers: true })
export class ScoreBucketType {
  @Field(() => Int, { description: 'Lowest score in the bar (inclusive).' })
  low!: number;

  @Field(() => Int, { description: 'Upper end of the bar (exclusive, except 100 for the last bar).' })
  high!: number;

  @Field(() => Int, { description: 'People whose score falls in the bar.' })
  count!: number;
}

@ObjectType('ScoreDistribution', { description: 'How current scores spread from 1 to 100: a histogram.', simpleResolvers: true })
export class ScoreDistributionType {
  @Field(() => [ScoreBucketType], { description: 'The bars, lowest scores first.' })
  buckets!: ScoreBucketType[];

  @Field(() => Int, { description: 'People with a score (the sum of the bars).' })
  total!: number;
}

@ObjectType('ScoreMover', { description: "A person whose score moved between two days of the daily history; `person.scoreChange(from, to)` explains why." })
export class ScoreMoverType {
  @Field({ description: 'The earlier day, YYYY-MM-DD.' })
  from!: string;

  @Field({ description: 'The later day (the latest in the history), YYYY-MM-DD.' })
  to!: string;

  @Field(() => Float, { description: 'Score on the earlier day.' })
  before!: number;

  @Field(() => Float, { description: 'Score on the later day.' })
  after!: number;

  @Field(() => Float, { description: 'Points gained (positive) or lost, one decimal.' })
  delta!: number;
}
