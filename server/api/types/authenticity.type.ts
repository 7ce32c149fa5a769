import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FlagDecision, FlagKind, FlagRole, FlagStatus } from '#shared/authenticity';
import { Network } from '#shared/networks';
import { connectionOf } from '../relay/connection';
import './enums';

registerEnumType(FlagKind, {
  name: 'FlagKind',
  description: 'What kind of manipulation an authenticity flag reports.',
  valuesConfig: {
    SELF_ENGAGEMENT: { description: "The person's own accounts react to each other's content." },
    ENGAGEMENT_RING: { description: 'A group of accounts that mostly react to one another, quickly and both ways, with little audience outside.' },
    BURST: { description: 'Many reactions within an hour from accounts with no audience and no content: bought likes or a retweet farm.' },
    SOCK_PUPPET: { description: 'Accounts with no audience and no content whose activity is almost all for one person.' },
    MASS_FOLLOW: { description: 'An account that follows far more accounts than follow it.' },
    DUPLICATE_CONTENT: { description: 'The same text posted again and again, or the same comment left twice.' },
    K_TRADING: { description: '+K given back and forth: reciprocal pairs and circles.' },
  },
});

registerEnumType(FlagRole, {
  name: 'FlagRole',
  description: "The flagged person's part in it.",
  valuesConfig: {
    ACTOR: { description: 'They did it (their accounts are the ones acting).' },
    BENEFICIARY: { description: 'It was done for them (bought likes, puppets aimed at them).' },
  },
});

registerEnumType(FlagDecision, {
  name: 'FlagDecision',
  description: "An analyst's decision on a flag.",
  valuesConfig: {
    CONFIRMED: { description: 'The manipulation is real: the flag stays, with its discount.' },
    DISMISSED: { description: 'A false alarm: the flag no longer lowers authenticity, and the next rescore discounts nothing for it.' },
  },
});

registerEnumType(FlagStatus, {
  name: 'FlagStatus',
  description: "Where a flag stands: its latest analyst's decision, or PENDING.",
  valuesConfig: {
    PENDING: { description: 'Nobody has reviewed it yet.' },
    CONFIRMED: { description: 'An analyst confirmed it.' },
    DISMISSED: { description: 'An analyst dismissed it.' },
  },
});

@ObjectType('FlagWindow', { description: 'When the flagged activity took place.', simpleResolvers: true })
export class FlagWindowType {
  @Field({ description: 'First instant (included).' })
  from!: Date;

  @Field({ description: 'Last instant (excluded).' })
  to!: Date;
}

@ObjectType('FlagFigure', { description: 'One measurement a detector decided on, e.g. density 0.88.', simpleResolvers: true })
export class FlagFigureType {
  @Field({ description: 'What was measured (e.g. density, reciprocity, shareOfReceived).' })
  name!: string;

  @Field(() => Float, { description: 'Its value.' })
  value!: number;
}

@ObjectType('FlagEvidence', { description: 'What a flag rests on: the accounts, people, content and interactions involved, and when.' })
export class FlagEvidenceType {
  @Field({ description: 'The evidence in one sentence.' })
  summary!: string;

  // accounts, people, content: resolved in FlagEvidenceResolver.

  @Field(() => Int, { description: 'How many interactions (or +K) the flag is about.' })
  interactionCount!: number;

  @Field(() => FlagWindowType, { description: 'When it happened.' })
  window!: FlagWindowType;

  @Field(() => [FlagFigureType], { description: 'The measurements the detector decided on.' })
  figures!: FlagFigureType[];
}

@ObjectType('FlagEffect', { description: 'What a flag does to the score and to authenticity.', simpleResolvers: true })
export class FlagEffectType {
  @Field({ description: 'In words, e.g. "The reactions of the burst do not count."' })
  description!: string;

  @Field(() => Int, { description: 'Interactions (or +K) it discounts.' })
  discountedInteractions!: number;

  @Field(() => Float, { description: 'The weight those keep in the score: 0 = not counted at all, 0.25 = a quarter.' })
  weight!: number;

  @Field(() => Float, { description: 'Points it takes off authenticity (0 to 100) unless dismissed: a dismissed flag keeps this figure for the record, and the person’s authenticity leaves it out.' })
  authenticityPoints!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Points the person's score is lower because of the discounts (all their flags together) at the last full rescore: for a target of bought likes, what the burst would have added. About 0 for the accounts doing it: their discounts land on others' scores.",
  })
  scorePoints?: number | null;
}

@ObjectType('FlagReview', { description: "An analyst's decision on a flag. Every decision is kept: the latest is the flag's status." })
export class FlagReviewType {
  @Field(() => FlagDecision, { description: 'Confirmed or dismissed.' })
  decision!: FlagDecision;

  @Field({ description: 'Why, in the analyst’s words.' })
  reason!: string;

  @Field({ description: 'When the decision was made.' })
  decidedAt!: Date;

  // reviewer: resolved in FlagReviewResolver.
}

@ObjectType('AuthenticityFlag', { description: 'Something suspicious the detectors found about a person, with its evidence and its effect. Seen by ADMIN and ANALYST.' })
export class AuthenticityFlagType {
  @Field(() => ID, { description: 'Opaque id; pass it to reviewFlag.' })
  id!: string;

  @Field({ description: 'Stable identity (kind, role, person, network): the same manipulation found by a later rescore has the same key, so decisions on it hold.' })
  key!: string;

  @Field(() => FlagKind, { description: 'What was found.' })
  kind!: FlagKind;

  @Field(() => FlagRole, { description: 'Whether the person did it or it was done for them.' })
  role!: FlagRole;

  @Field(() => Network, { nullable: true, description: 'The network it happened on (null for +K trading).' })
  network!: Network | null;

  @Field(() => Float, { description: 'From 0 to 1: the share of authenticity it takes away.' })
  severity!: number;

  @Field(() => FlagStatus, { description: 'Pending, confirmed or dismissed.' })
  status!: FlagStatus;

  @Field({ description: 'When a rescore first found it.' })
  detectedAt!: Date;

  @Field({ description: 'The last rescore that found it.' })
  lastSeenAt!: Date;

  @Field(() => FlagEvidenceType, { description: 'What it rests on.' })
  evidence!: FlagEvidenceType;

  @Field(() => FlagEffectType, { description: 'What it does to the score and to authenticity.' })
  effect!: FlagEffectType;

  // person, reviews: resolved in AuthenticityFlagResolver.
}

@ObjectType('Authenticity', { description: "How genuine a person's influence looks: a figure from 0 to 100 and the flags behind it." })
export class AuthenticityType {
  @Field(() => Float, { description: '100 when nothing suspicious was found; each flag that is not dismissed takes its points off. Campaigns can require a minimum.' })
  score!: number;

  @Field(() => [AuthenticityFlagType], { nullable: true, description: 'The flags, most severe first (dismissed ones included, with their status). Null for a viewer who may see only the figure (the person themself).' })
  flags!: AuthenticityFlagType[] | null;
}

@ObjectType('AuthenticityFlagConnection', { description: 'A page of authenticity flags, newest first, with cursors and the total count.', simpleResolvers: true })
export class AuthenticityFlagConnection extends connectionOf(AuthenticityFlagType, 'AuthenticityFlag', 'authenticity flag') {}

@InputType('AuthenticityFlagFilter', { description: 'Which flags.' })
export class AuthenticityFlagFilterInput {
  @Field(() => FlagStatus, { nullable: true, description: 'Only flags in this state (PENDING: not reviewed yet).' })
  status?: FlagStatus | null;

  @Field(() => FlagKind, { nullable: true, description: 'Only flags of this kind.' })
  kind?: FlagKind | null;
}

@ObjectType('ReviewFlagPayload', { description: 'The decision recorded, the flag as it stands now, and the person’s authenticity after it.' })
export class ReviewFlagPayload {
  @Field(() => FlagReviewType, { description: 'The decision just recorded.' })
  review!: FlagReviewType;

  @Field(() => AuthenticityFlagType, { description: 'The flag, with its new status.' })
  flag!: AuthenticityFlagType;

  @Field(() => Float, { description: "The person's authenticity now (0 to 100)." })
  authenticity!: number;
}
