import { Field, Float, ObjectType } from 'type-graphql';
import { Network } from '#shared/networks';
import './enums';

@ObjectType('ScoreBand', { description: 'Where the score plausibly lies given the evidence behind it; narrows as evidence grows.', simpleResolvers: true })
export class ScoreBandType {
  @Field(() => Float, { description: 'Lower end of the band.' })
  low!: number;

  @Field(() => Float, { description: 'Upper end of the band.' })
  high!: number;
}

@ObjectType('ScoreComponent', { description: 'One part of the score and how many points it accounts for.', simpleResolvers: true })
export class ScoreComponentType {
  @Field({ description: 'reach, amplification, networkImpact or conversation.' })
  name!: string;

  @Field(() => Float, { description: 'The component in its own unit (reactor-people, weighted reactions per post, …).' })
  value!: number;

  @Field(() => Float, { description: 'Its weight in the raw value.' })
  weight!: number;

  @Field(() => Float, { description: 'Points above the floor of 1 it accounts for; the components add up to score − 1.' })
  contribution!: number;
}

@ObjectType('NetworkScore', { description: "A network's own sub-score and its share of the person's total.", simpleResolvers: true })
export class NetworkScoreType {
  @Field(() => Network, { description: 'The network.' })
  network!: Network;

  @Field(() => Float, { description: 'Score from this network alone, 1 to 100.' })
  score!: number;

  @Field(() => Float, { description: 'Share of the combined raw value, 0 to 1; shares add up to 1.' })
  share!: number;
}

@ObjectType('ScoreEvidence', { description: 'How much evidence the score rests on; recent events count fully, older ones fade.', simpleResolvers: true })
export class ScoreEvidenceType {
  @Field(() => Float, { description: 'Distinct people who reacted, across all networks.' })
  distinctReactors!: number;

  @Field(() => Float, { description: 'Reactions received.' })
  reactions!: number;

  @Field(() => Float, { description: 'Posts published (comments excluded).' })
  contentCount!: number;

  @Field(() => Float, { description: 'Replies and comments, received and given back.' })
  conversations!: number;
}

@ObjectType('Score', { description: 'An influence score from 1 to 100: how far what this person posts travels. Explained, with its confidence band.', simpleResolvers: true })
export class ScoreType {
  @Field(() => Float, { description: 'The score, 1 to 100, one decimal. Most people are low; very few pass 80.' })
  value!: number;

  @Field(() => ScoreBandType, { description: 'Confidence band: two scores whose bands overlap are not really different.' })
  band!: ScoreBandType;

  @Field(() => [ScoreComponentType], { description: 'Reach, amplification, network impact and conversation, with their points.' })
  components!: ScoreComponentType[];

  @Field(() => [NetworkScoreType], { description: 'Sub-score per network and how they combine.' })
  perNetwork!: NetworkScoreType[];

  @Field(() => ScoreEvidenceType, { description: 'The evidence behind the score.' })
  evidence!: ScoreEvidenceType;
}

@ObjectType('ScorePoint', { description: "A person's score at the end of one UTC day.", simpleResolvers: true })
export class ScorePointType {
  @Field({ description: 'The UTC day, YYYY-MM-DD.' })
  day!: string;

  @Field(() => Float, { description: 'The score that day.' })
  score!: number;

  @Field(() => ScoreBandType, { description: 'Its confidence band.' })
  band!: ScoreBandType;
}

@ObjectType('ScoreChange', { description: 'How a score changed between two days, and which components moved it.', simpleResolvers: true })
export class ScoreChangeType {
  @Field(() => Float, { description: 'Points gained (positive) or lost.' })
  delta!: number;

  @Field(() => [String], { description: 'One line per component that moved, largest first, e.g. "−3.0: shares per post fell from 4.1 to 1.2".' })
  lines!: string[];
}

@ObjectType('ContentContribution', { description: 'A piece of content and the points it brought.', simpleResolvers: true })
export class ContentContributionType {
  @Field(() => Float, { description: 'Score points this content accounts for.' })
  contribution!: number;

  contentId!: number;
}

@ObjectType('EngagerContribution', { description: 'Someone who engaged and the points their engagement brought.', simpleResolvers: true })
export class EngagerContributionType {
  @Field(() => Float, { description: 'Score points this person accounts for.' })
  contribution!: number;

  personId!: number;
}

@ObjectType('TopicExpertise', { description: 'Expertise in one topic of the Klout ontology.', simpleResolvers: true })
export class TopicExpertiseType {
  @Field(() => Float, { description: 'Expertise from 0 to 100, from the engagement on their content about it and +K received; fades gradually.' })
  expertise!: number;

  @Field({ description: 'Whether they count as an expert now. Entered above one threshold, left only below a lower one, so it does not flicker.' })
  active!: boolean;

  topicId!: string;
}

@ObjectType('ScoreComparison', { description: 'Whether two people really differ, given their confidence bands.', simpleResolvers: true })
export class ScoreComparisonType {
  @Field({ description: 'True only when the bands do not overlap.' })
  different!: boolean;

  @Field(() => String, { nullable: true, description: '"a" or "b" when one is really higher; null when they do not differ.' })
  higher!: string | null;

  @Field({ description: 'Why, in words.' })
  reason!: string;
}

@ObjectType('RescorePayload', { description: 'What a full rescore did.', simpleResolvers: true })
export class RescorePayloadType {
  @Field(() => Float, { description: 'People scored.' })
  people!: number;

  @Field(() => Float, { description: 'Interactions read.' })
  interactions!: number;

  @Field(() => Float, { description: 'Days of history written (1 without backfill).' })
  days!: number;

  @Field(() => Float, { description: 'Seconds it took.' })
  seconds!: number;
}
