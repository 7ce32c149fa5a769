import { Field, Int, ObjectType } from 'type-graphql';
import { InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { connectionOf } from '../relay/connection';
import { NodeType } from './node.type';
import './enums';

@ObjectType('Interaction', { implements: NodeType, description: 'One account acting on a piece of content or on another account.', simpleResolvers: true })
export class InteractionType extends NodeType {
  @Field(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId!: number;

  @Field(() => Network, { description: 'The network it happened on.' })
  network!: Network;

  @Field({ description: "The network's own id for the event; ingest is idempotent on it." })
  externalId!: string;

  @Field(() => InteractionKind, { description: 'What the actor did.' })
  kind!: InteractionKind;

  @Field({ description: 'When it happened.' })
  occurredAt!: Date;
}

@ObjectType('InteractionConnection', { description: 'A page of interactions, with cursors to the pages around it and the total count.', simpleResolvers: true })
export class InteractionConnection extends connectionOf(InteractionType, 'Interaction', 'interaction') {}
