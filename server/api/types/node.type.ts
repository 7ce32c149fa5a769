import { Field, ID, InterfaceType } from 'type-graphql';
import { Brand, Campaign, Claim, Content, Interaction, NetworkAccount, Person, Topic, User } from '../../entities';
import type { NodeTypeName } from '../relay/global-id';

/** The GraphQL type of a loaded entity, for Node and global ids. */
export function nodeTypeName(value: unknown): NodeTypeName | undefined {
  if (value instanceof Person) return 'Person';
  if (value instanceof NetworkAccount) return 'NetworkAccount';
  if (value instanceof Content) return 'Content';
  if (value instanceof Interaction) return 'Interaction';
  if (value instanceof Topic) return 'Topic';
  if (value instanceof User) return 'User';
  if (value instanceof Brand) return 'Brand';
  if (value instanceof Campaign) return 'Campaign';
  if (value instanceof Claim) return 'Claim';
  return undefined;
}

@InterfaceType('Node', {
  description: 'Anything with a global id, fetchable with `node(id:)`.',
  resolveType: (value) => nodeTypeName(value),
})
export abstract class NodeType {
  @Field(() => ID, { description: 'Global, opaque id. Stable: store it, pass it back to `node(id:)`.' })
  id!: string;
}
