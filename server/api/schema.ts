import path from 'node:path';
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { REPO_ROOT } from '../config';
import { applyAccessPolicy } from './access-policy';
import { ContentResolver } from './resolvers/content.resolver';
import { DashboardResolver } from './resolvers/dashboard.resolver';
import { IngestResolver } from './resolvers/ingest.resolver';
import { KCountResolver, KResolver, PersonKResolver } from './resolvers/k.resolver';
import { InteractionResolver } from './resolvers/interaction.resolver';
import { NetworkAccountResolver } from './resolvers/network-account.resolver';
import { NodeResolver } from './resolvers/node.resolver';
import { PersonResolver } from './resolvers/person.resolver';
import { PrivacyResolver } from './resolvers/privacy.resolver';
import { RescoreGuardResolver } from './resolvers/rescore-guard.resolver';
import { TopicResolver } from './resolvers/topic.resolver';
import { UserResolver } from './resolvers/user.resolver';
import { AudienceResolver, BrandResolver, CampaignResolver, CampaignTargetResolver, ClaimResolver, InfluencerLineResolver, UserPerksResolver } from './resolvers/campaign.resolver';
import { AuthenticityFlagResolver, FlagEvidenceResolver, FlagReviewResolver, PersonAuthenticityResolver } from './resolvers/authenticity.resolver';
import { ContentContributionResolver, EngagerContributionResolver, ScoreResolver, TopicExpertiseResolver } from './resolvers/score.resolver';

/** The committed SDL: reviewers see every API change in the diff; a test fails on drift. */
export const SCHEMA_FILE = path.join(REPO_ROOT, 'server', 'api', 'schema.graphql');

export const RESOLVERS = [
  NodeResolver,
  PersonResolver,
  NetworkAccountResolver,
  ContentResolver,
  InteractionResolver,
  TopicResolver,
  IngestResolver,
  ScoreResolver,
  ContentContributionResolver,
  EngagerContributionResolver,
  TopicExpertiseResolver,
  UserResolver,
  KResolver,
  KCountResolver,
  PersonKResolver,
  BrandResolver,
  CampaignResolver,
  CampaignTargetResolver,
  AudienceResolver,
  InfluencerLineResolver,
  ClaimResolver,
  UserPerksResolver,
  PrivacyResolver,
  DashboardResolver,
  RescoreGuardResolver,
  PersonAuthenticityResolver,
  AuthenticityFlagResolver,
  FlagEvidenceResolver,
  FlagReviewResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** type-graphql keeps global metadata, so the schema is built once per process. */
export function buildGraphQLSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [...RESOLVERS],
    validate: { forbidUnknownValues: false },
  }).then((schema) => {
    // type-graphql has no option for root type descriptions; the schema is the frontend's documentation.
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    if (query) query.description = 'Read Sway: people, their accounts on every network, content, interactions, topics, authenticity flags, brands and perk campaigns.';
    if (mutation) mutation.description = 'Write to Sway: log in, ingest batches of people, accounts, content and interactions, give +K, rescore, review authenticity flags, run perk campaigns, claim perks, record conversions, opt out of scoring, export and erase personal data.';
    applyAccessPolicy(schema);
    return schema;
  });
  return built;
}
