import { Field, ID, InterfaceType } from 'type-graphql';
import { Content, Interaction, NetworkAccount, Person, Topic, User } from '../../entities';

/** The GraphQL type of a loaded entity, for Node and global ids. */
export function nodeTypeName(value: unknown): 'Person' | 'NetworkAccount' | 'Content' | 'Interaction' | 'Topic' | 'User' | undefined {
  if (value instanceof Person) return 'Person';
  if (value instanceof NetworkAccount) return 'NetworkAccount';
  if (value instanceof Content) return 'Content';
  if (value instanceof Interaction) return 'Interaction';
  if (value instanceof Topic) return 'Topic';
  if (value instanceof User) return 'User';
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
