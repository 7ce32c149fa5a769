import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('GiveKPayload', { description: 'A +K just given.', simpleResolvers: true })
export class GiveKPayload {
  // receiver: Person and topic: Topic, resolved in KResolver.

  @Field({ description: 'When it was given.' })
  givenAt!: Date;

  @Field(() => Int, { description: 'How many more +K the giver may give in the next 24 hours.' })
  remainingToday!: number;
}

@ObjectType('KCount', { description: '+K a person received in one topic.', simpleResolvers: true })
export class KCountType {
  // topic: Topic, resolved in KResolver.

  @Field(() => Int, { description: 'How many +K, since the first.' })
  count!: number;
}
