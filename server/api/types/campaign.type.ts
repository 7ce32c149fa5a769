import { Field, Float, Int, ObjectType } from 'type-graphql';
import { connectionOf } from '../relay/connection';
import { CampaignStatus, ClaimStatus, Network } from './enums';
import { NodeType } from './node.type';
import { PersonType } from './person.type';

@ObjectType('Brand', { implements: NodeType, description: 'A company that runs perk campaigns. Visible to ADMINs, ANALYSTs and its own managers.', simpleResolvers: true })
export class BrandType extends NodeType {
  @Field({ description: 'Its name, unique.' })
  name!: string;

  @Field({ description: 'When it was added.' })
  createdAt!: Date;
}

@ObjectType('CampaignTarget', { description: 'Who a campaign is for: the conditions combine with AND; an empty list means any.' })
export class CampaignTargetType {
  @Field(() => Int, { description: 'Lowest score, 1 to 100, compared with the exact, unrounded score.' })
  minScore!: number;

  @Field(() => Int, { description: 'Highest score, 1 to 100 (an exact score below maxScore + 1 matches).' })
  maxScore!: number;

  @Field(() => [Network], { description: 'An account on one of these networks.' })
  networks!: Network[];

  @Field(() => [String], { description: 'Region codes.' })
  regions!: string[];

  @Field(() => Float, { description: 'Lowest authenticity, 0 to 100.' })
  minAuthenticity!: number;

  // topics: [Topic!]!, resolved in CampaignTargetResolver.
}

@ObjectType('Campaign', {
  implements: NodeType,
  description:
    "A brand's perk campaign. ADMINs, ANALYSTs and the brand's managers see it; an influencer sees one they claimed or may claim now. " +
    'Anyone else gets NOT_FOUND, through `campaign(id:)` and `node(id:)` alike.',
  simpleResolvers: true,
})
export class CampaignType extends NodeType {
  @Field({ description: 'Name shown to influencers.' })
  name!: string;

  @Field({ description: 'What the campaign is about.' })
  description!: string;

  @Field({ description: 'What the influencer receives.' })
  perk!: string;

  @Field({ description: 'ISO 4217 currency of every amount.' })
  currency!: string;

  @Field(() => Int, { description: 'Units to give away.' })
  inventory!: number;

  @Field(() => Int, { description: 'Units not claimed yet (cancelled claims give theirs back).' })
  remaining!: number;

  @Field({ description: 'When claims open.' })
  startsAt!: Date;

  @Field({ description: 'When claims close. Content with the code still counts for 30 days after.' })
  endsAt!: Date;

  @Field(() => CampaignStatus, { description: 'Where the campaign is in its life.' })
  status!: CampaignStatus;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;

  @Field({ description: 'When it last changed.' })
  updatedAt!: Date;
}

@ObjectType('CampaignConnection', { description: 'A page of campaigns.', simpleResolvers: true })
export class CampaignConnection extends connectionOf(CampaignType, 'Campaign', 'campaign') {}

@ObjectType('Claim', {
  implements: NodeType,
  description: "One person's claim of one unit of a perk, with its own promo code. Visible to the claimer, the brand's managers and ADMINs.",
  simpleResolvers: true,
})
export class ClaimType extends NodeType {
  @Field(() => ClaimStatus, { description: 'Where the perk is.' })
  status!: ClaimStatus;

  @Field({ description: 'The claimer’s own promo code; conversions name it.' })
  promoCode!: string;

  @Field({ description: 'When it was claimed: attribution starts here.' })
  claimedAt!: Date;

  @Field({ description: 'When its status last changed.' })
  updatedAt!: Date;
}

@ObjectType('ClaimantDetails', {
  description: "A claimant's personal details, for sending the perk: shown to the claimant, ADMINs and the managers of the claimed campaign's brand, for that claim only.",
  simpleResolvers: true,
})
export class ClaimantDetailsType {
  @Field(() => String, { nullable: true, description: 'Country or region code, e.g. "US".' })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'Language tag, e.g. "en".' })
  language!: string | null;
}

@ObjectType('ClaimConnection', { description: 'A page of claims.', simpleResolvers: true })
export class ClaimConnection extends connectionOf(ClaimType, 'Claim', 'claim') {}

@ObjectType('ScoreBandCount', { description: 'People of an audience whose score falls in one band.', simpleResolvers: true })
export class ScoreBandCountType {
  @Field({ description: 'The band, e.g. "40-59" (see shared/score-bands.ts).' })
  band!: string;

  @Field(() => Int, { description: 'Lowest score of the band.' })
  min!: number;

  @Field(() => Int, { description: 'Highest whole score of the band.' })
  max!: number;

  @Field(() => Int, { description: 'People in it.' })
  count!: number;
}

@ObjectType('NetworkCount', { description: 'People of an audience with an account on one network (a person may count under several).', simpleResolvers: true })
export class NetworkCountType {
  @Field(() => Network, { description: 'The network.' })
  network!: Network;

  @Field(() => Int, { description: 'People.' })
  count!: number;
}

@ObjectType('RegionCount', { description: 'People of an audience in one region.', simpleResolvers: true })
export class RegionCountType {
  @Field(() => String, { nullable: true, description: 'Region code; null when unknown.' })
  region!: string | null;

  @Field(() => Int, { description: 'People.' })
  count!: number;
}

@ObjectType('Audience', { description: 'Who targeting criteria reach now: size, breakdowns and the highest-scored people. Private to ADMINs and the brand’s managers.' })
export class AudienceType {
  @Field(() => Int, { description: 'How many people are eligible.' })
  size!: number;

  @Field(() => [ScoreBandCountType], { description: 'Eligible people per score band, every band listed.' })
  byScoreBand!: ScoreBandCountType[];

  @Field(() => [NetworkCountType], { description: 'Eligible people per network, most first.' })
  byNetwork!: NetworkCountType[];

  @Field(() => [RegionCountType], { description: 'Eligible people per region, most first.' })
  byRegion!: RegionCountType[];

  // people: [Person!]!, resolved in AudienceResolver.
}

@ObjectType('ClaimStatusCount', { description: 'Claims in one status.', simpleResolvers: true })
export class ClaimStatusCountType {
  @Field(() => ClaimStatus, { description: 'The status.' })
  status!: ClaimStatus;

  @Field(() => Int, { description: 'Claims.' })
  count!: number;
}

@ObjectType('InfluencerReportLine', { description: "One claimer's part in a campaign.", simpleResolvers: true })
export class InfluencerLineType {
  @Field(() => ClaimStatus, { description: 'Their claim’s status.' })
  claimStatus!: ClaimStatus;

  @Field({ description: 'Their promo code.' })
  promoCode!: string;

  @Field(() => Int, { description: 'Attributed posts.' })
  posts!: number;

  @Field(() => Int, { description: 'Interactions on those posts.' })
  engagements!: number;

  @Field(() => Int, { description: 'Distinct people who interacted with them.' })
  uniqueEngagers!: number;

  @Field(() => Int, { description: 'Redemptions of their promo code.' })
  conversions!: number;

  @Field(() => Float, { description: 'Revenue of those redemptions.' })
  revenue!: number;

  // person: Person!, resolved in InfluencerLineResolver.
}

@ObjectType('CampaignDay', { description: 'One UTC day of a campaign, for charts.', simpleResolvers: true })
export class DailyPointType {
  @Field({ description: 'UTC day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Int, { description: 'Claims made that day.' })
  claims!: number;

  @Field(() => Int, { description: 'Attributed posts published that day.' })
  posts!: number;

  @Field(() => Int, { description: 'Interactions on attributed posts that day.' })
  engagements!: number;

  @Field(() => Int, { description: 'Conversions that day.' })
  conversions!: number;

  @Field(() => Float, { description: 'Revenue of that day’s conversions.' })
  revenue!: number;
}

@ObjectType('CampaignReport', {
  description:
    'What a campaign produced, computed when asked. Attributed content: by a claimer whose claim is not cancelled, carrying the campaign code (any case, "#" optional), ' +
    'posted from the claim to 30 days after the campaign ends.',
  simpleResolvers: true,
})
export class CampaignReportType {
  @Field(() => [ClaimStatusCountType], { description: 'Claims per status, every status listed.' })
  claimsByStatus!: ClaimStatusCountType[];

  @Field(() => Int, { description: 'Attributed posts.' })
  attributedPosts!: number;

  @Field(() => Int, { description: 'Interactions on attributed posts.' })
  engagements!: number;

  @Field(() => Int, { description: 'Distinct people who interacted with attributed posts.' })
  uniqueEngagers!: number;

  @Field(() => Int, { description: 'Followers of the accounts that posted attributed content, plus the unique engagers.' })
  estimatedReach!: number;

  @Field(() => Int, { description: 'Promo-code redemptions.' })
  conversions!: number;

  @Field(() => Float, { description: 'Their total value.' })
  revenue!: number;

  @Field(() => Float, { description: 'Unit value × claims not cancelled.' })
  cost!: number;

  @Field(() => Float, { nullable: true, description: 'cost / engagements; null without engagement.' })
  costPerEngagement!: number | null;

  @Field(() => Float, { nullable: true, description: '(revenue − cost) / cost, e.g. 1.5 for +150%; null when nothing was spent.' })
  roi!: number | null;

  @Field({ description: 'Content posted after this instant is not attributed.' })
  attributionEndsAt!: Date;

  @Field(() => [InfluencerLineType], { description: 'A line per claimer, most engagement first.' })
  influencers!: InfluencerLineType[];

  @Field(() => [DailyPointType], { description: 'Every UTC day from the start to today (or the end of attribution), oldest first.' })
  daily!: DailyPointType[];
}

@ObjectType('RecordConversionsPayload', { description: 'What a batch of conversions did.', simpleResolvers: true })
export class RecordConversionsPayload {
  @Field(() => Int, { description: 'Conversions recorded now.' })
  created!: number;

  @Field(() => Int, { description: 'Conversions already recorded (same campaign and externalId), left as they were.' })
  unchanged!: number;
}

export { PersonType };
