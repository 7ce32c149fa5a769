import { Field, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../relay/connection';
import { NodeType } from './node.type';

@ObjectType('Person', { implements: NodeType, description: 'An influencer: one human, with accounts on any number of networks.', simpleResolvers: true })
export class PersonType extends NodeType {
  @Field(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId!: number;

  @Field({ description: 'The id the importer gave this person; ingest is idempotent on it.' })
  externalId!: string;

  @Field({ description: 'Name shown on the profile.' })
  displayName!: string;

  // region and language: personal details, resolved in PersonResolver for those who may see them.

  @Field({ description: 'When Sway first saw this person.' })
  createdAt!: Date;
}

@ObjectType('PersonConnection', { description: 'A page of people, with cursors to the pages around it and the total count.', simpleResolvers: true })
export class PersonConnection extends connectionOf(PersonType, 'Person', 'person') {}
