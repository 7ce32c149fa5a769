import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { Network } from '#shared/networks';
import { CampaignStatus, ClaimStatus } from '../types/enums';

@InputType({ description: 'Who a campaign is for. Every condition is optional; they combine with AND. Invalid values answer BAD_USER_INPUT naming the field.' })
export class AudienceTargetInput {
  @Field(() => Int, { nullable: true, description: 'Lowest score, 1 to 100 (default 1), compared with the exact, unrounded score: 40 leaves out someone at 39.96, shown as 40.0.' })
  minScore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Highest score, 1 to 100, at least minScore (default 100); an exact score below maxScore + 1 matches, so 60 includes 60.7 and 60.96.' })
  maxScore?: number | null;

  @Field(() => [String], { nullable: true, description: 'Active expertise in at least one of these topics: slugs ("basketball") or topic ids. At most 50.' })
  topics?: string[] | null;

  @Field(() => [Network], { nullable: true, description: 'An account on at least one of these networks.' })
  networks?: Network[] | null;

  @Field(() => [String], { nullable: true, description: 'Region codes such as "US"; any case. At most 50.' })
  regions?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Lowest authenticity, 0 to 100 (default 0: anyone).' })
  minAuthenticity?: number | null;
}

@InputType({ description: 'A perk campaign. On create, name, perk, unitValue, inventory, startsAt, endsAt and code are required; on update every field is optional and only those given change.' })
export class CampaignInput {
  @Field(() => String, { nullable: true, description: 'Name shown to influencers, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'What the campaign is about, up to 5,000 characters.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'What the influencer receives, in words, 1 to 500 characters.' })
  perk?: string | null;

  @Field(() => Float, { nullable: true, description: 'What one unit of the perk costs the brand, in `currency`.' })
  unitValue?: number | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of every amount (default "USD").' })
  currency?: string | null;

  @Field(() => Int, { nullable: true, description: 'Units to give away, 1 to 1,000,000. On update, at least the units already claimed.' })
  inventory?: number | null;

  @Field(() => Date, { nullable: true, description: 'When claims open.' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When claims close; after startsAt.' })
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The campaign hashtag, unique: 3 to 50 letters, digits or underscores, "#" optional. Fixed once the campaign has been ACTIVE.' })
  code?: string | null;

  @Field(() => AudienceTargetInput, { nullable: true, description: 'Who may claim it (everyone scored when absent on create).' })
  target?: AudienceTargetInput | null;
}

@InputType({ description: 'Narrows a list of campaigns.' })
export class CampaignFilterInput {
  @Field(() => ID, { nullable: true, description: 'Of this brand (global id).' })
  brandId?: string | null;

  @Field(() => CampaignStatus, { nullable: true, description: 'In this status.' })
  status?: CampaignStatus | null;
}

@InputType({ description: 'One redemption of a promo code: a purchase, online or offline.' })
export class ConversionInput {
  @Field({ description: "The claim's promo code (Claim.promoCode), any case." })
  code!: string;

  @Field(() => Float, { description: "Amount of the purchase, in the campaign's currency." })
  value!: number;

  @Field({ description: 'When the purchase happened; not before the code was claimed.' })
  occurredAt!: Date;

  @Field({ description: "The shop's id of the purchase; recording it again changes nothing." })
  externalId!: string;
}

export { ClaimStatus };
