import { Field, ObjectType } from 'type-graphql';
import { connectionOf } from '../relay/connection';
import { NodeType } from './node.type';

@ObjectType('Topic', {
  implements: NodeType,
  description: 'A topic of the Klout topic ontology (2018-06-01, CC BY 3.0, © Klout), e.g. nba → basketball → sports.',
  simpleResolvers: true,
})
export class TopicType extends NodeType {
  @Field({ description: 'Klout topic id, as a string: super-topic ids exceed 64-bit integers.' })
  topicId!: string;

  @Field({ description: 'Readable unique key, e.g. "basketball".' })
  slug!: string;

  @Field({ description: 'Name to show, e.g. "Basketball".' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, e.g. "Q5372".' })
  wikiItemId!: string | null;
}

@ObjectType('TopicConnection', { description: 'A page of topics, with cursors to the pages around it and the total count.', simpleResolvers: true })
export class TopicConnection extends connectionOf(TopicType, 'Topic', 'topic') {}
