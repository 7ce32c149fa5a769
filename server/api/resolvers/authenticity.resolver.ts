import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FlagDecision } from '#shared/authenticity';
import type { AuthenticityReviewRow, Content, NetworkAccount, Person, User } from '../../entities';
import type { AuthenticityView, FlagView } from '../../services/authenticity/authenticity.service';
import { ValidationError } from '../../services/errors';
import type { GraphQLContext } from '../context';
import { ConnectionArgs, ConnectionValue } from '../relay/connection';
import {
  AuthenticityFlagConnection,
  AuthenticityFlagFilterInput,
  AuthenticityFlagType,
  AuthenticityType,
  FlagEvidenceType,
  FlagReviewType,
  ReviewFlagPayload,
} from '../types/authenticity.type';
import { ContentType } from '../types/content.type';
import { NetworkAccountType } from '../types/network-account.type';
import { PersonType } from '../types/person.type';
import { UserType } from '../types/user.type';
import { required } from './required';

/** A flag as its GraphQL type reads it. */
export interface FlagValue {
  id: string;
  key: string;
  kind: FlagView['kind'];
  role: string;
  network: string | null;
  severity: number;
  status: FlagView['status'];
  detectedAt: Date;
  lastSeenAt: Date;
  personId: number;
  evidence: {
    summary: string;
    interactionCount: number;
    window: { from: Date; to: Date };
    figures: { name: string; value: number }[];
    accountIds: number[];
    personIds: number[];
    contentIds: number[];
  };
  effect: FlagView['effect'];
}

const FLAG_ID_PREFIX = 'AuthenticityFlag:';

/** Flag ids are opaque, like every id: base64url of "AuthenticityFlag:<row id>". */
export function flagIdOf(rowId: number): string {
  return Buffer.from(`${FLAG_ID_PREFIX}${rowId}`).toString('base64url');
}

function rowIdOfFlag(id: string): number {
  const text = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const match = /^AuthenticityFlag:(\d{1,15})$/.exec(text);
  if (!match) throw new ValidationError([{ field: 'flagId', message: 'is not the id of an AuthenticityFlag' }]);
  return Number(match[1]);
}

export function toFlagValue(v: FlagView): FlagValue {
  return {
    id: flagIdOf(v.id),
    key: v.key,
    kind: v.kind,
    role: v.role,
    network: v.network,
    severity: v.severity,
    status: v.status,
    detectedAt: v.detectedAt,
    lastSeenAt: v.lastSeenAt,
    personId: v.personId,
    evidence: {
      summary: v.evidence.summary,
      interactionCount: v.evidence.interactionCount,
      window: { from: new Date(v.evidence.window.from), to: new Date(v.evidence.window.to) },
      figures: Object.entries(v.evidence.figures).map(([name, value]) => ({ name, value })),
      accountIds: v.evidence.accountIds,
      personIds: v.evidence.personIds,
      contentIds: v.evidence.contentIds,
    },
    effect: v.effect,
  };
}

function toAuthenticityValue(v: AuthenticityView): { score: number; flags: FlagValue[] | null } {
  return { score: v.score, flags: v.flags ? v.flags.map(toFlagValue) : null };
}

@Resolver(() => PersonType)
export class PersonAuthenticityResolver {
  @FieldResolver(() => AuthenticityType, {
    nullable: true,
    description:
      'How genuine their influence looks: a figure from 0 to 100 and its flags with evidence. ADMIN and ANALYST see both; the person themself sees their figure; null for everyone else.',
  })
  async authenticity(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<{ score: number; flags: FlagValue[] | null } | null> {
    const view = await ctx.loaders.authenticity.load(person.id);
    return view ? toAuthenticityValue(view) : null;
  }
}

@Resolver(() => AuthenticityFlagType)
export class AuthenticityFlagResolver {
  @Query(() => AuthenticityFlagConnection, {
    description: 'Authenticity flags, newest first: the people flagged lately, for review. ADMIN and ANALYST: UNAUTHENTICATED without a login, FORBIDDEN for other roles.',
  })
  async authenticityFlags(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => AuthenticityFlagFilterInput, { nullable: true, description: 'Which flags; all when absent.' }) filter: AuthenticityFlagFilterInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConnectionValue<FlagValue>> {
    const result = await ctx.services.authenticity.list(ctx, filter ?? {}, page);
    return new ConnectionValue({ ...result, nodes: result.nodes.map(toFlagValue) });
  }

  @Mutation(() => ReviewFlagPayload, {
    description:
      "An analyst confirms or dismisses a flag, saying why. Every decision is kept (the latest is the flag's status) and holds across rescores. Dismissing lifts the flag's cost to authenticity at once and its discount at the next full rescore. " +
      'ADMIN and ANALYST. Errors: BAD_USER_INPUT on flagId (not a flag id) or reason (empty, over 2,000 characters); NOT_FOUND on flagId for a flag that no longer exists.',
  })
  async reviewFlag(
    @Arg('flagId', () => ID, { description: 'The `id` of an AuthenticityFlag.' }) flagId: string,
    @Arg('decision', () => FlagDecision, { description: 'Confirm or dismiss.' }) decision: FlagDecision,
    @Arg('reason', { description: 'Why: kept with the decision (1 to 2,000 characters).' }) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<{ review: AuthenticityReviewRow; flag: FlagValue; authenticity: number }> {
    const result = await ctx.services.authenticity.review(ctx, rowIdOfFlag(flagId), decision, reason);
    return { ...result, flag: toFlagValue(result.flag) };
  }

  @FieldResolver(() => PersonType, { description: 'The person flagged.' })
  async person(@Root() flag: FlagValue, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return required(await ctx.loaders.person.load(flag.personId), 'Person', flag.personId);
  }

  @FieldResolver(() => [FlagReviewType], { description: 'Every decision on this flag, oldest first.' })
  async reviews(@Root() flag: FlagValue, @Ctx() ctx: GraphQLContext): Promise<AuthenticityReviewRow[]> {
    return ctx.loaders.flagReviews.load(flag.key);
  }
}

@Resolver(() => FlagEvidenceType)
export class FlagEvidenceResolver {
  @FieldResolver(() => [NetworkAccountType], { description: 'The accounts doing it (up to 200).' })
  async accounts(@Root() e: FlagValue['evidence'], @Ctx() ctx: GraphQLContext): Promise<NetworkAccount[]> {
    return (await ctx.loaders.account.loadMany(e.accountIds)).filter((a): a is NetworkAccount => !!a && !(a instanceof Error));
  }

  @FieldResolver(() => [PersonType], { description: 'The other people involved: the other ring members, the puppets behind a target, the target of puppets… (up to 200).' })
  async people(@Root() e: FlagValue['evidence'], @Ctx() ctx: GraphQLContext): Promise<Person[]> {
    return (await ctx.loaders.person.loadMany(e.personIds)).filter((p): p is Person => !!p && !(p instanceof Error));
  }

  @FieldResolver(() => [ContentType], { description: 'The content concerned: posts liked in a burst, duplicate copies (up to 200).' })
  async content(@Root() e: FlagValue['evidence'], @Ctx() ctx: GraphQLContext): Promise<Content[]> {
    return (await ctx.loaders.content.loadMany(e.contentIds)).filter((c): c is Content => !!c && !(c instanceof Error));
  }
}

@Resolver(() => FlagReviewType)
export class FlagReviewResolver {
  @FieldResolver(() => UserType, { nullable: true, description: 'Who decided (null if that user is gone, or not visible to the viewer: an ADMIN sees every user).' })
  async reviewer(@Root() r: AuthenticityReviewRow, @Ctx() ctx: GraphQLContext): Promise<User | null> {
    return r.reviewerUserId == null ? null : ((await ctx.loaders.user.load(r.reviewerUserId)) ?? null);
  }
}
