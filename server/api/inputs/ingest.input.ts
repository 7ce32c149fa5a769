import { Field, InputType, Int } from 'type-graphql';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { LIMITS } from '#shared/limits';
import { Network } from '#shared/networks';
import '../types/enums';

// Shapes only: IngestService validates every value (lengths, references, duplicates) in one
// place for GraphQL and the bulk importer alike, and names the field at fault.

@InputType({ description: 'A person, keyed by your own id for them.' })
export class PersonInput {
  @Field({ description: 'Your id for this person; re-sending it updates the person.' })
  externalId!: string;

  @Field({ description: 'Name shown on the profile (at most 200 characters).' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Country or region code, e.g. "US".' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Language tag, e.g. "en".' })
  language?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the person joined; defaults to now.' })
  createdAt?: Date | null;
}

@InputType({ description: "A person's account on one network." })
export class AccountInput {
  @Field(() => Network, { description: 'The network.' })
  network!: Network;

  @Field({ description: "The network's id for the account; unique per network." })
  externalId!: string;

  @Field({ description: 'externalId of the person who owns it (in this batch or sent before).' })
  personExternalId!: string;

  @Field({ description: 'Handle or name on the network.' })
  handle!: string;

  @Field(() => Int, { nullable: true, description: 'Followers, as the network reports them.' })
  followersCount?: number | null;

  @Field(() => Int, { nullable: true, description: 'Accounts followed.' })
  followingCount?: number | null;

  @Field(() => Date, { nullable: true, description: 'When the account was created; defaults to now.' })
  createdAt?: Date | null;
}

@InputType({ description: 'A piece of content. Repeats of (network, externalId) are ignored.' })
export class ContentInput {
  @Field(() => Network, { description: 'The network it was published on.' })
  network!: Network;

  @Field({ description: "The network's id for it." })
  externalId!: string;

  @Field(() => ContentKind, { description: 'What it is.' })
  kind!: ContentKind;

  @Field({ description: 'externalId of the authoring account on the same network.' })
  authorExternalId!: string;

  @Field(() => String, { nullable: true, description: `Text, at most ${LIMITS.maxContentText.toLocaleString('en')} characters.` })
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'http(s) URL where it can be read.' })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: `Klout topic slugs or ids, at most ${LIMITS.maxTopicsPerContent}.` })
  topics?: string[] | null;

  @Field({ description: 'When it was published.' })
  postedAt!: Date;

  @Field(() => String, { nullable: true, description: "A perk campaign's code it carries." })
  campaignCode?: string | null;

  @Field(() => String, { nullable: true, description: 'externalId of the content it replies to or comments on (same network).' })
  parentExternalId?: string | null;
}

@InputType({ description: 'One account acting on content or on another account. Repeats of (network, externalId) are ignored.' })
export class InteractionInput {
  @Field(() => Network, { description: 'The network it happened on.' })
  network!: Network;

  @Field({ description: "The network's id for the event." })
  externalId!: string;

  @Field(() => InteractionKind, { description: 'What the actor did.' })
  kind!: InteractionKind;

  @Field({ description: 'externalId of the acting account.' })
  actorExternalId!: string;

  @Field(() => String, { nullable: true, description: 'For LIKE, SHARE, REPLY, COMMENT, CLICK: externalId of the content.' })
  targetContentExternalId?: string | null;

  @Field(() => String, { nullable: true, description: 'For MENTION and FOLLOW: externalId of the account.' })
  targetAccountExternalId?: string | null;

  @Field({ description: 'When it happened.' })
  occurredAt!: Date;
}

@InputType({
  description: `A batch of at most ${LIMITS.maxIngestBatch} items in all. Every item is checked before anything is written; the batch is written whole or not at all. Items may refer to items earlier in the same batch.`,
})
export class IngestInput {
  @Field(() => [PersonInput], { nullable: true, description: 'People.' })
  people?: PersonInput[] | null;

  @Field(() => [AccountInput], { nullable: true, description: 'Accounts, after the people they belong to.' })
  accounts?: AccountInput[] | null;

  @Field(() => [ContentInput], { nullable: true, description: 'Content, after the accounts that wrote it.' })
  content?: ContentInput[] | null;

  @Field(() => [InteractionInput], { nullable: true, description: 'Interactions.' })
  interactions?: InteractionInput[] | null;
}
