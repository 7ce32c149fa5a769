import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('ScoreStats', { description: 'Figures of a set of scores that the rescore guard compares.' })
export class ScoreStatsType {
  @Field(() => Int, { description: 'People with a score.' })
  people!: number;

  @Field(() => Int, { description: 'Scores that are NaN, infinite or outside 1..100.' })
  invalid!: number;

  @Field(() => Float, { description: 'Median score.' })
  median!: number;

  @Field(() => Float, { description: 'Share of people at the floor score of 1, from 0 to 1.' })
  floorShare!: number;
}

@ObjectType('HeldRescore', { description: 'A full rescore the guard did not publish because its result looked broken; the last good scores stay until an admin publishes it.' })
export class HeldRescoreType {
  @Field(() => String, { description: 'When it was held (ISO 8601).' })
  heldAt!: string;

  @Field(() => String, { description: 'The instant it scored at (ISO 8601).' })
  asOf!: string;

  @Field(() => [String], { description: 'Why it was held: one sentence per failed check.' })
  reasons!: string[];

  @Field(() => ScoreStatsType, { description: 'The held scores.' })
  candidate!: ScoreStatsType;

  @Field(() => ScoreStatsType, { nullable: true, description: 'The published (last good) scores it was compared with; null on a first rescore.' })
  baseline!: ScoreStatsType | null;
}

@ObjectType('PublishRescorePayload', { description: 'What publishing a held rescore did.' })
export class PublishRescorePayloadType {
  @Field(() => Int, { description: 'People whose scores were published.' })
  people!: number;

  @Field(() => Float, { description: 'Seconds the rescore took.' })
  seconds!: number;
}
