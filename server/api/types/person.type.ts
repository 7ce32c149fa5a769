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

  @Field(() => String, { nullable: true, description: 'Country or region code, e.g. "US".' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'Language tag, e.g. "en".' })
  language!: string | null;

  @Field({ description: 'When Sway first saw this person.' })
  createdAt!: Date;
}

@ObjectType('PersonConnection', { description: 'A page of people, with cursors to the pages around it and the total count.', simpleResolvers: true })
export class PersonConnection extends connectionOf(PersonType, 'Person', 'person') {}
