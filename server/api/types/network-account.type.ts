import { Field, Int, ObjectType } from 'type-graphql';
import { Network } from '#shared/networks';
import { connectionOf } from '../relay/connection';
import { NodeType } from './node.type';
import './enums';

@ObjectType('NetworkAccount', { implements: NodeType, description: "A person's account on one network.", simpleResolvers: true })
export class NetworkAccountType extends NodeType {
  @Field(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId!: number;

  @Field(() => Network, { description: 'The network this account is on.' })
  network!: Network;

  @Field({ description: "The network's own id for the account, unique per network." })
  externalId!: string;

  @Field({ description: 'Handle or name on the network, e.g. "@ada" or a blog domain.' })
  handle!: string;

  @Field(() => Int, { description: 'Followers as the network reports them. Sway counts them for little: an audience that acts counts more.' })
  followersCount!: number;

  @Field(() => Int, { description: 'Accounts this one follows.' })
  followingCount!: number;

  @Field({ description: 'When Sway first saw this account.' })
  createdAt!: Date;
}

@ObjectType('NetworkAccountConnection', { description: 'A page of accounts, with cursors to the pages around it and the total count.', simpleResolvers: true })
export class NetworkAccountConnection extends connectionOf(NetworkAccountType, 'NetworkAccount', 'account') {}
