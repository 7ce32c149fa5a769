import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '#shared/roles';
import type { Brand, Campaign, Claim, Person, Topic, User } from '../../entities';
import { authorize, requireViewer } from '../../services/auth/access';
import type { AudienceBreakdown } from '../../services/campaigns/audience';
import { campaignReport, type CampaignReport, type InfluencerLine } from '../../services/campaigns/campaign-report';
import { criteriaOf } from '../../services/campaigns/campaign.service';
import type { RecordConversionsResult } from '../../services/campaigns/claim.service';
import { NotFoundError, ValidationError } from '../../services/errors';
import { maySeeClaimantDetails } from '../../services/privacy/visibility';
import type { GraphQLContext } from '../context';
import { AudienceTargetInput, CampaignFilterInput, CampaignInput, ConversionInput } from '../inputs/campaign.input';
import { PersonOrderInput, personOrder } from '../inputs/filters.input';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import { rowIdOf, toGlobalId } from '../relay/global-id';
import {
  AudienceType,
  BrandType,
  CampaignConnection,
  CampaignReportType,
  CampaignTargetType,
  CampaignType,
  ClaimConnection,
  ClaimType,
  ClaimantDetailsType,
  InfluencerLineType,
  RecordConversionsPayload,
} from '../types/campaign.type';
import { CampaignStatus, ClaimStatus } from '../types/enums';
import { PersonConnection, PersonType } from '../types/person.type';
import { TopicType } from '../types/topic.type';
import { UserType } from '../types/user.type';
import { required } from './required';

/** An audience as the API shows it: its breakdown, and the people of its first page. */
type AudienceValue = AudienceBreakdown;

const firstArg = (first: number) => {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError([{ field: 'first', message: 'must be from 1 to 100' }]);
  return first;
};

@Resolver(() => BrandType)
export class BrandResolver {
  @Query(() => [BrandType], { description: 'Brands: all for ADMINs and ANALYSTs, their own for BRAND_MANAGERs. Others: FORBIDDEN (UNAUTHENTICATED when anonymous).' })
  brands(@Ctx() ctx: GraphQLContext): Promise<Brand[]> {
    authorize(ctx, 'readCampaigns');
    return ctx.services.brands.visible(ctx);
  }

  @Mutation(() => BrandType, { description: 'Adds a brand. ADMIN only. BAD_USER_INPUT on `name` when empty, too long or taken.' })
  createBrand(@Arg('name', { description: 'Its name, 1 to 200 characters, unique.' }) name: string, @Ctx() ctx: GraphQLContext): Promise<Brand> {
    return ctx.services.brands.create(ctx, name);
  }

  @Mutation(() => BrandType, { description: 'Makes a BRAND_MANAGER user a manager of a brand (again: no change). ADMIN only. NOT_FOUND for an unknown brand or user; BAD_USER_INPUT on `userId` for another role.' })
  addBrandManager(
    @Arg('brandId', () => ID, { description: 'Global id of the Brand.' }) brandId: string,
    @Arg('userId', () => ID, { description: 'Global id of the User (from `me { id }` or `login`).' }) userId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Brand> {
    return ctx.services.brands.addManager(ctx, rowIdOf('Brand', brandId, 'brandId'), rowIdOf('User', userId, 'userId'));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() brand: Brand): string {
    return toGlobalId('Brand', brand.id);
  }

  @FieldResolver(() => [UserType], { description: 'Its managers. ADMINs only (FORBIDDEN for others).' })
  async managers(@Root() brand: Brand, @Ctx() ctx: GraphQLContext): Promise<User[]> {
    if (ctx.viewer?.role !== Role.ADMIN) authorize(ctx, 'createBrand');
    return ctx.loaders.brandManagers.load(brand.id);
  }

  @FieldResolver(() => CampaignConnection, { description: 'Its campaigns, newest first.' })
  async campaigns(@Root() brand: Brand, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Campaign>> {
    return new ConnectionValue(await ctx.services.campaigns.list(ctx, { brandId: brand.id }, page));
  }
}

@Resolver(() => CampaignType)
export class CampaignResolver {
  @Query(() => CampaignConnection, {
    description: 'Campaigns, newest first: all for ADMINs and ANALYSTs, their brands’ for BRAND_MANAGERs. Influencers find theirs in `me.availablePerks` and `me.claims`.',
  })
  async campaigns(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => CampaignFilterInput, { nullable: true, description: 'Which campaigns.' }) filter: CampaignFilterInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Campaign>> {
    const brandId = filter?.brandId ? rowIdOf('Brand', filter.brandId, 'filter.brandId') : null;
    return new ConnectionValue(await ctx.services.campaigns.list(ctx, { brandId, status: filter?.status ?? null }, page));
  }

  @Query(() => CampaignType, { description: 'One campaign. NOT_FOUND when unknown or not visible to the viewer (another brand’s, for a manager).' })
  async campaign(@Arg('id', () => ID, { description: 'Global id of a Campaign.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<Campaign> {
    const campaign = await ctx.loaders.campaign.load(rowIdOf('Campaign', id));
    if (!campaign) throw new NotFoundError('Campaign', 'id');
    return campaign;
  }

  @Query(() => AudienceType, {
    description:
      'Who targeting criteria reach now, before they are saved: size, breakdowns by score band, network and region, and the highest-scored people. ' +
      'Fast enough to follow a slider. ADMIN and BRAND_MANAGER; BAD_USER_INPUT naming `target.<field>`.',
  })
  previewAudience(
    @Arg('target', () => AudienceTargetInput, { description: 'The criteria.' }) target: AudienceTargetInput,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many people to list, 1 to 100.' }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AudienceValue> {
    return ctx.services.campaigns.preview(ctx, target, first);
  }

  @Mutation(() => CampaignType, { description: 'Creates a DRAFT campaign for a brand you manage (ADMIN or its BRAND_MANAGER; another brand: NOT_FOUND). BAD_USER_INPUT names every bad field (`input.code`, `input.target.maxScore`, …).' })
  createCampaign(
    @Arg('brandId', () => ID, { description: 'Global id of the Brand.' }) brandId: string,
    @Arg('input', () => CampaignInput, { description: 'The campaign.' }) input: CampaignInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Campaign> {
    return ctx.services.campaigns.create(ctx, rowIdOf('Brand', brandId, 'brandId'), input);
  }

  @Mutation(() => CampaignType, { description: 'Changes a DRAFT or PAUSED campaign: only the fields given. The code is fixed once it has been ACTIVE.' })
  updateCampaign(
    @Arg('id', () => ID, { description: 'Global id of the Campaign.' }) id: string,
    @Arg('input', () => CampaignInput, { description: 'The fields to change.' }) input: CampaignInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Campaign> {
    return ctx.services.campaigns.update(ctx, rowIdOf('Campaign', id), input);
  }

  @Mutation(() => CampaignType, { description: 'Moves a campaign: DRAFT → ACTIVE (or ENDED), ACTIVE → PAUSED or ENDED, PAUSED → ACTIVE or ENDED. Anything else: BAD_USER_INPUT on `status`.' })
  setCampaignStatus(
    @Arg('id', () => ID, { description: 'Global id of the Campaign.' }) id: string,
    @Arg('status', () => CampaignStatus, { description: 'The new status.' }) status: CampaignStatus,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Campaign> {
    return ctx.services.campaigns.setStatus(ctx, rowIdOf('Campaign', id), status);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() c: Campaign): string {
    return toGlobalId('Campaign', c.id);
  }

  @FieldResolver(() => String, { description: 'The campaign hashtag, with its "#": content carrying it (any case) is attributed to the campaign.' })
  code(@Root() c: Campaign): string {
    return `#${c.code}`;
  }

  @FieldResolver(() => Float, { description: 'What one unit costs the brand, in `currency`.' })
  unitValue(@Root() c: Campaign): number {
    return c.unitValueCents / 100;
  }

  @FieldResolver(() => BrandType, { description: 'The brand running it.' })
  async brand(@Root() c: Campaign, @Ctx() ctx: GraphQLContext): Promise<Brand> {
    return required(await ctx.loaders.brandOfCampaign.load(c.brandId), 'Brand', c.brandId);
  }

  @FieldResolver(() => CampaignTargetType, { description: 'Who it is for.' })
  target(@Root() c: Campaign): ReturnType<typeof criteriaOf> {
    return criteriaOf(c);
  }

  @FieldResolver(() => AudienceType, { description: "Who is eligible now. The brand's managers and ADMINs only: NOT_FOUND for anyone else." })
  audience(
    @Root() c: Campaign,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many of the highest-scored people to list in `people`, 1 to 100.' }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AudienceValue> {
    return ctx.services.campaigns.audienceSummary(ctx, c, firstArg(first));
  }

  @FieldResolver(() => PersonConnection, { description: "Everyone eligible now, a page at a time. The brand's managers and ADMINs only." })
  async audiencePeople(
    @Root() c: Campaign,
    @Args() page: ConnectionArgs,
    @Arg('orderBy', () => PersonOrderInput, { nullable: true, description: 'Order; by id when absent.' }) orderBy: PersonOrderInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Person>> {
    await ctx.services.campaigns.manageable(ctx, c.id, 'id');
    return new ConnectionValue(await ctx.services.people.list(ctx, { audience: criteriaOf(c) }, personOrder(orderBy), page));
  }

  @FieldResolver(() => ClaimConnection, { description: "Its claims, newest first. The brand's managers and ADMINs only." })
  async claims(
    @Root() c: Campaign,
    @Args() page: ConnectionArgs,
    @Arg('status', () => ClaimStatus, { nullable: true, description: 'Only claims in this status.' }) status: ClaimStatus | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<Claim>> {
    await ctx.services.campaigns.manageable(ctx, c.id, 'id');
    return new ConnectionValue(await ctx.services.claims.campaignClaims(ctx, c.id, status, page));
  }

  @FieldResolver(() => CampaignReportType, { description: "Outcomes and ROI. ADMINs, ANALYSTs and the brand's managers." })
  async report(@Root() c: Campaign, @Ctx() ctx: GraphQLContext): Promise<CampaignReport> {
    authorize(ctx, 'readCampaigns');
    await ctx.services.campaigns.readable(ctx, c.id, 'id');
    return campaignReport(ctx, c, Date.now());
  }
}

@Resolver(() => CampaignTargetType)
export class CampaignTargetResolver {
  @FieldResolver(() => [TopicType], { description: 'Active expertise in one of these topics.' })
  async topics(@Root() t: ReturnType<typeof criteriaOf>, @Ctx() ctx: GraphQLContext): Promise<Topic[]> {
    return (await ctx.loaders.topic.loadMany([...t.topicIds])).filter((x): x is Topic => !!x && !(x instanceof Error));
  }
}

@Resolver(() => AudienceType)
export class AudienceResolver {
  @FieldResolver(() => [PersonType], { description: 'The highest-scored eligible people, as many as `first` asked.' })
  async people(@Root() a: AudienceValue, @Ctx() ctx: GraphQLContext): Promise<Person[]> {
    return (await ctx.loaders.person.loadMany(a.topPersonIds)).filter((p): p is Person => !!p && !(p instanceof Error));
  }
}

@Resolver(() => InfluencerLineType)
export class InfluencerLineResolver {
  @FieldResolver(() => PersonType, { description: 'The claimer.' })
  async person(@Root() line: InfluencerLine, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return required(await ctx.loaders.person.load(line.personId), 'Person', line.personId);
  }
}

@Resolver(() => ClaimType)
export class ClaimResolver {
  @Mutation(() => ClaimType, {
    description:
      'Claims one unit of a perk for the viewer’s person (INFLUENCER). Checks the window and status (CAMPAIGN_NOT_ACTIVE), re-checks eligibility with the current score ' +
      '(NOT_ELIGIBLE), one per person and campaign (ALREADY_CLAIMED), and takes a unit atomically (SOLD_OUT when none is left). NOT_FOUND for an unknown campaign.',
  })
  claimPerk(@Arg('campaignId', () => ID, { description: 'Global id of the Campaign.' }) campaignId: string, @Ctx() ctx: GraphQLContext): Promise<Claim> {
    return ctx.services.claims.claim(ctx, rowIdOf('Campaign', campaignId, 'campaignId'));
  }

  @Mutation(() => ClaimType, {
    description:
      "Moves a claim: CLAIMED → SHIPPED → DELIVERED, or CANCELLED (from CLAIMED or SHIPPED), which returns the unit. The brand's managers and ADMINs; the claimer may cancel a claim not shipped yet. " +
      'Other moves: BAD_USER_INPUT on `status`; claims you may not see: NOT_FOUND.',
  })
  setClaimStatus(
    @Arg('id', () => ID, { description: 'Global id of the Claim.' }) id: string,
    @Arg('status', () => ClaimStatus, { description: 'The new status.' }) status: ClaimStatus,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Claim> {
    return ctx.services.claims.setStatus(ctx, rowIdOf('Claim', id), status);
  }

  @Mutation(() => RecordConversionsPayload, {
    description:
      'Records promo-code redemptions (1 to 1,000), offline purchases included. Idempotent on (campaign, externalId). ADMIN or the brand’s BRAND_MANAGER: ' +
      'a code of a campaign you do not manage is BAD_USER_INPUT on `conversions[i].code`; any bad item rejects the whole batch.',
  })
  recordConversions(
    @Arg('conversions', () => [ConversionInput], { description: 'The redemptions.' }) conversions: ConversionInput[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<RecordConversionsResult> {
    return ctx.services.claims.recordConversions(ctx, conversions);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() c: Claim): string {
    return toGlobalId('Claim', c.id);
  }

  @FieldResolver(() => CampaignType, { description: 'The campaign claimed.' })
  async campaign(@Root() c: Claim, @Ctx() ctx: GraphQLContext): Promise<Campaign> {
    const found = await ctx.loaders.campaign.load(c.campaignId);
    if (!found) throw new NotFoundError('Campaign', 'campaign');
    return found;
  }

  @FieldResolver(() => ClaimantDetailsType, {
    nullable: true,
    description: "The claimant's region and language, to send the perk: for the claimant, ADMINs and the managers of this campaign's brand; null for anyone else and once the claimant was erased.",
  })
  async claimant(@Root() c: Claim, @Ctx() ctx: GraphQLContext): Promise<ClaimantDetailsType | null> {
    if (c.personId == null) return null;
    const campaign = await ctx.loaders.campaign.load(c.campaignId);
    if (!campaign || !(await maySeeClaimantDetails(ctx, c.personId, campaign.brandId))) return null;
    const person = await ctx.loaders.person.load(c.personId);
    return person ? { region: person.region, language: person.language } : null;
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'Who claimed it; null once they had their personal data erased (the claim stays for the accounting).' })
  async person(@Root() c: Claim, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    if (c.personId == null) return null;
    return required(await ctx.loaders.person.load(c.personId), 'Person', c.personId);
  }
}

@Resolver(() => UserType)
export class UserPerksResolver {
  @FieldResolver(() => [CampaignType], {
    description: 'The perks this user’s person may claim now, soonest ending first. Visible to the user themselves and ADMINs; empty for a user who is not a person.',
  })
  async availablePerks(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Campaign[]> {
    const viewer = requireViewer(ctx);
    if (viewer.userId !== user.id && viewer.role !== Role.ADMIN) throw new NotFoundError('User', 'id');
    return user.personId == null ? [] : ctx.services.campaigns.availablePerks(ctx, user.personId);
  }

  @FieldResolver(() => ClaimConnection, { description: 'Perks this user’s person claimed, newest first. The user themselves and ADMINs.' })
  async claims(@Root() user: User, @Args() page: ConnectionArgs, @Ctx() ctx: GraphQLContext): Promise<ConnectionValue<Claim>> {
    const viewer = requireViewer(ctx);
    if (viewer.userId !== user.id && viewer.role !== Role.ADMIN) throw new NotFoundError('User', 'id');
    if (user.personId == null) return new ConnectionValue({ nodes: [], cursors: [], hasNextPage: false, hasPreviousPage: false, totalCount: async () => 0 });
    return new ConnectionValue(await ctx.services.claims.personClaims(ctx, user.personId, page));
  }

  @FieldResolver(() => [BrandType], { description: 'The brands this user manages (BRAND_MANAGER); empty for other roles.' })
  async brands(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Brand[]> {
    const viewer = requireViewer(ctx);
    if (viewer.userId !== user.id && viewer.role !== Role.ADMIN) throw new NotFoundError('User', 'id');
    return user.role === Role.BRAND_MANAGER ? ctx.loaders.brandsOfUser.load(user.id) : [];
  }
}
