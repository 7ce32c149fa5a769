import { Field, Int, ObjectType } from 'type-graphql';
import { ContentKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { connectionOf } from '../relay/connection';
import { NodeType } from './node.type';
import './enums';

@ObjectType('Content', { implements: NodeType, description: 'Something an account published: a post, article, video, blog post or comment.', simpleResolvers: true })
export class ContentType extends NodeType {
  @Field(() => Int, { description: 'Row id in the database; prefer `id` in clients.' })
  databaseId!: number;

  @Field(() => Network, { description: 'The network it was published on.' })
  network!: Network;

  @Field({ description: "The network's own id for it, unique per network." })
  externalId!: string;

  @Field(() => ContentKind, { description: 'Post, article, video, blog post or comment.' })
  kind!: ContentKind;

  @Field({ description: 'Its text (may be empty for a video or a link).' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'Where it can be read.' })
  url!: string | null;

  @Field({ description: 'When it was published.' })
  postedAt!: Date;

  @Field(() => String, { nullable: true, description: "A perk campaign's code (hashtag) it carries, if any." })
  campaignCode!: string | null;
}

@ObjectType('InteractionCounts', { description: 'How many interactions of each kind a piece of content received.', simpleResolvers: true })
export class InteractionCountsType {
  @Field(() => Int, { description: 'All interactions together.' })
  total!: number;

  @Field(() => Int, { description: 'Likes.' })
  likes!: number;

  @Field(() => Int, { description: 'Shares, retweets, reposts.' })
  shares!: number;

  @Field(() => Int, { description: 'Replies.' })
  replies!: number;

  @Field(() => Int, { description: 'Comments (blog comments included).' })
  comments!: number;

  @Field(() => Int, { description: 'Link clicks.' })
  clicks!: number;
}

@ObjectType('ContentConnection', { description: 'A page of content items, with cursors to the pages around it and the total count.', simpleResolvers: true })
export class ContentConnection extends connectionOf(ContentType, 'Content', 'content') {}
