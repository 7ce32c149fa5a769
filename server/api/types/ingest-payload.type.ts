import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('IngestSectionResult', { description: 'What a batch did to one kind of item.', simpleResolvers: true })
export class IngestSectionResultType {
  @Field(() => Int, { description: 'Items sent.' })
  received!: number;

  @Field(() => Int, { description: 'Items new to Sway.' })
  created!: number;

  @Field(() => Int, { description: 'Items that existed and whose values changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Items that existed unchanged (a re-sent batch is all unchanged).' })
  unchanged!: number;
}

@ObjectType('IngestPayload', { description: 'What an ingest batch did.', simpleResolvers: true })
export class IngestPayload {
  @Field(() => IngestSectionResultType, { description: 'People.' })
  people!: IngestSectionResultType;

  @Field(() => IngestSectionResultType, { description: 'Accounts.' })
  accounts!: IngestSectionResultType;

  @Field(() => IngestSectionResultType, { description: 'Content.' })
  content!: IngestSectionResultType;

  @Field(() => IngestSectionResultType, { description: 'Interactions.' })
  interactions!: IngestSectionResultType;
}
