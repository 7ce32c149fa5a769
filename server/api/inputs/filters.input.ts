import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ContentKind, InteractionKind } from '#shared/interactions';
import { Network } from '#shared/networks';
import { AudienceTargetInput } from './campaign.input';
import { AccountOrderField, ContentOrderField, InteractionOrderField, PersonOrderField, SortDirection } from '../types/enums';

@InputType({ description: 'Narrows a list of people. Conditions combine with AND.' })
export class PersonFilterInput {
  @Field(() => String, { nullable: true, description: 'Display name starts with this, any case.' })
  @IsOptional()
  @Length(1, 200)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Country or region code, e.g. "US". ADMIN only (a personal detail): FORBIDDEN for other viewers.' })
  @IsOptional()
  @MaxLength(64)
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Language tag, e.g. "en". ADMIN only (a personal detail): FORBIDDEN for other viewers.' })
  @IsOptional()
  @MaxLength(16)
  language?: string | null;

  @Field(() => Network, { nullable: true, description: 'Has an account on this network.' })
  network?: Network | null;

  @Field(() => AudienceTargetInput, { nullable: true, description: 'In the audience these campaign targeting criteria reach now (score range, topics, networks, regions, authenticity), exactly as a campaign would see it.' })
  audience?: AudienceTargetInput | null;
}

@InputType({ description: 'Order of a list of people.' })
export class PersonOrderInput {
  @Field(() => PersonOrderField, { description: 'What to order by.' })
  field!: PersonOrderField;

  @Field(() => SortDirection, { nullable: true, description: 'Which way. When absent: DESC (highest first) for SCORE, ASC for the other fields.' })
  direction?: SortDirection | null;
}

/** The order a people list takes: `orderBy` with its direction filled in (by id when absent). */
export function personOrder(orderBy: PersonOrderInput | null): { field: PersonOrderField; direction: SortDirection } {
  if (!orderBy) return { field: PersonOrderField.ID, direction: SortDirection.ASC };
  return { field: orderBy.field, direction: orderBy.direction ?? (orderBy.field === PersonOrderField.SCORE ? SortDirection.DESC : SortDirection.ASC) };
}

@InputType({ description: 'Narrows a list of accounts. Conditions combine with AND.' })
export class AccountFilterInput {
  @Field(() => Network, { nullable: true, description: 'On this network.' })
  network?: Network | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this person (global id).' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'Handle starts with this, any case.' })
  @IsOptional()
  @Length(1, 200)
  search?: string | null;
}

@InputType({ description: 'Order of a list of accounts.' })
export class AccountOrderInput {
  @Field(() => AccountOrderField, { description: 'What to order by.' })
  field!: AccountOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Which way.' })
  direction!: SortDirection;
}

@InputType({ description: 'Narrows a list of content. Conditions combine with AND.' })
export class ContentFilterInput {
  @Field(() => Network, { nullable: true, description: 'Published on this network.' })
  network?: Network | null;

  @Field(() => ContentKind, { nullable: true, description: 'Of this kind.' })
  kind?: ContentKind | null;

  @Field(() => ID, { nullable: true, description: 'Written by this person (global id).' })
  authorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Written from this account (global id).' })
  accountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'About this topic (global id).' })
  topicId?: string | null;

  @Field(() => String, { nullable: true, description: "Carries this campaign code." })
  @IsOptional()
  @Length(1, 64)
  campaignCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'Published at or after this instant.' })
  postedAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Published before this instant.' })
  postedBefore?: Date | null;
}

@InputType({ description: 'Order of a list of content.' })
export class ContentOrderInput {
  @Field(() => ContentOrderField, { description: 'What to order by.' })
  field!: ContentOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Which way.' })
  direction!: SortDirection;
}

@InputType({ description: 'Narrows a list of interactions. Conditions combine with AND.' })
export class InteractionFilterInput {
  @Field(() => Network, { nullable: true, description: 'On this network.' })
  network?: Network | null;

  @Field(() => InteractionKind, { nullable: true, description: 'Of this kind.' })
  kind?: InteractionKind | null;

  @Field(() => ID, { nullable: true, description: 'Done by this account (global id).' })
  actorAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Aimed at this account, or at its content (global id).' })
  targetAccountId?: string | null;

  @Field(() => ID, { nullable: true, description: 'On this content (global id).' })
  targetContentId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  occurredAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  occurredBefore?: Date | null;
}

@InputType({ description: 'Order of a list of interactions.' })
export class InteractionOrderInput {
  @Field(() => InteractionOrderField, { description: 'What to order by.' })
  field!: InteractionOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: 'Which way.' })
  direction!: SortDirection;
}

@InputType({ description: 'Narrows the list of topics.' })
export class TopicFilterInput {
  @Field(() => String, { nullable: true, description: 'Display name starts with this, any case.' })
  @IsOptional()
  @Length(1, 200)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Exactly this slug, e.g. "basketball".' })
  @IsOptional()
  @Length(1, 200)
  slug?: string | null;
}
