import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Content } from '../entities';
import { ACCESS, may, type Action } from '../services/auth/access';
import { ForbiddenError, UnauthenticatedError } from '../services/errors';
import type { GraphQLContext } from './context';

/**
 * Who may resolve a field. `action` names a row of ACCESS (services/auth/access.ts), or PUBLIC
 * (anyone, anonymous included) or LOGGED_IN. `orOwn` also lets an influencer through for their own
 * data (root is their person); `orOwnResult` lets them through when what the field returns is theirs.
 */
export interface FieldRule {
  action: Action | 'PUBLIC' | 'LOGGED_IN';
  orOwn?: (personId: number, root: any) => boolean;
  orOwnResult?: (personId: number, result: unknown) => boolean;
}

const rule = (action: FieldRule['action'], extra: Omit<FieldRule, 'action'> = {}): FieldRule => ({ action, ...extra });
const PUBLIC = rule('PUBLIC');
const LOGGED_IN = rule('LOGGED_IN');
/** A piece of content: readers, and its author. */
const OWN_CONTENT_OR_READERS = rule('readInfluencerData', { orOwnResult: (personId, c) => c instanceof Content && c.authorPersonId === personId });
/** Influencer data about one person: readers, and the person themselves. */
const READERS_OR_SELF = rule('readInfluencerData', { orOwn: (personId, person: { id: number }) => person.id === personId });

/**
 * The authorisation design at the GraphQL edge. Every query and mutation has a row (the schema
 * build fails otherwise, and test/api/access-matrix.test.ts walks the schema), and so does every
 * edge from public data to private data. What a role may see inside a type it reached is the
 * services' business: brand scoping (NOT_FOUND for another brand's campaign, claim or audience),
 * users (themselves; ADMINs all), perks (the person themselves).
 *
 * Anonymous callers see public profiles and scores: `person`, `node` on a Person or Topic, the
 * ontology, `compareScores`, and on a Person its name, region, language, score (without its top
 * content), topics and +K.
 */
export const FIELD_ACCESS: Record<string, FieldRule> = {
  // Reads.
  'Query.me': PUBLIC,
  'Query.node': PUBLIC,
  'Query.nodes': PUBLIC,
  'Query.person': PUBLIC,
  'Query.compareScores': PUBLIC,
  'Query.topic': PUBLIC,
  'Query.topics': PUBLIC,
  'Query.people': rule('readInfluencerData'),
  'Query.accounts': rule('readInfluencerData'),
  'Query.contents': rule('readInfluencerData'),
  'Query.interactions': rule('readInfluencerData'),
  'Query.brands': rule('readCampaigns'),
  'Query.campaigns': rule('readCampaigns'),
  'Query.campaign': LOGGED_IN,
  'Query.previewAudience': rule('manageCampaigns'),
  // The console's dashboard: figures over everyone's scores.
  'Query.scoreDistribution': rule('readInfluencerData'),
  'Query.topMovers': rule('readInfluencerData'),
  // Writes.
  'Mutation.login': PUBLIC,
  'Mutation.ingest': rule('ingest'),
  'Mutation.rescore': rule('rescore'),
  'Query.heldRescore': rule('rescore'),
  'Query.authenticityFlags': rule('authenticityFlags'),
  'Mutation.reviewFlag': rule('reviewFlag'),
  'Mutation.publishHeldRescore': rule('rescore'),
  'Mutation.giveK': LOGGED_IN,
  'Mutation.createBrand': rule('createBrand'),
  'Mutation.addBrandManager': rule('addBrandManager'),
  'Mutation.createCampaign': rule('manageCampaigns'),
  'Mutation.updateCampaign': rule('manageCampaigns'),
  'Mutation.setCampaignStatus': rule('manageCampaigns'),
  'Mutation.claimPerk': rule('claimPerk'),
  'Mutation.setClaimStatus': LOGGED_IN,
  'Mutation.recordConversions': rule('manageCampaigns'),
  // Privacy: one's own data (the services refuse users not linked to a person, and others' data to non-admins).
  'Query.privacyStatus': LOGGED_IN,
  'Query.exportMyData': LOGGED_IN,
  'Query.exportPersonData': rule('privacyRequest'),
  'Mutation.optOutOfScoring': LOGGED_IN,
  'Mutation.optInToScoring': LOGGED_IN,
  'Mutation.eraseMe': LOGGED_IN,
  'Mutation.erasePerson': rule('privacyRequest'),
  // Edges from public profiles to influencer data.
  'Person.accounts': READERS_OR_SELF,
  'Person.content': READERS_OR_SELF,
  'Person.scoreHistory': READERS_OR_SELF,
  'Person.scoreChange': READERS_OR_SELF,
  'ContentContribution.content': OWN_CONTENT_OR_READERS,
  // An influencer reaches others' accounts from the interactions on their own content: not their content.
  'NetworkAccount.content': rule('readInfluencerData', { orOwn: (personId, account: { personId: number }) => account.personId === personId }),
  'Interaction.targetContent': OWN_CONTENT_OR_READERS,
  'Content.parent': OWN_CONTENT_OR_READERS,
  // Campaign edges: brand scoping is checked again by the services.
  'Campaign.audience': rule('manageCampaigns'),
  'Campaign.audiencePeople': rule('manageCampaigns'),
  'Campaign.claims': rule('manageCampaigns'),
  'Campaign.report': rule('readCampaigns'),
  'Brand.managers': rule('createBrand'),
  'User.availablePerks': LOGGED_IN,
  'User.claims': LOGGED_IN,
  'User.brands': LOGGED_IN,
};

function refusal(ctx: GraphQLContext, field: string, r: FieldRule): Error {
  if (!ctx.viewer) return new UnauthenticatedError(`log in to read ${field}`);
  const roles = r.action === 'PUBLIC' || r.action === 'LOGGED_IN' ? [] : ACCESS[r.action];
  return new ForbiddenError(`${field} needs the role ${roles.join(' or ')}`);
}

function allowedBefore(ctx: GraphQLContext, r: FieldRule): boolean {
  if (r.action === 'PUBLIC') return true;
  if (r.action === 'LOGGED_IN') return !!ctx.viewer || ctx.system;
  return may(ctx, r.action);
}

/**
 * Wraps the resolver of every field in FIELD_ACCESS with its rule. Fields without a rule run as
 * they are (no cost on the hot path). Throws if a query or mutation has no rule.
 */
export function applyAccessPolicy(schema: GraphQLSchema): void {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const name of Object.keys(root?.getFields() ?? {})) {
      if (!FIELD_ACCESS[`${root!.name}.${name}`]) throw new Error(`access policy: ${root!.name}.${name} has no rule in FIELD_ACCESS`);
    }
  }
  for (const [path, r] of Object.entries(FIELD_ACCESS)) {
    const [typeName, fieldName] = path.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`access policy: ${path} is not a field of the schema`);
    if (r.action === 'PUBLIC') continue;
    const resolve: GraphQLFieldResolver<unknown, GraphQLContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, ctx, info) => {
      if (allowedBefore(ctx, r)) return resolve(source, args, ctx, info);
      const personId = ctx.viewer?.personId;
      if (personId != null && r.orOwn?.(personId, source)) return resolve(source, args, ctx, info);
      if (personId != null && r.orOwnResult) {
        const result = await resolve(source, args, ctx, info);
        if (result == null || r.orOwnResult(personId, result)) return result;
      }
      throw refusal(ctx, path, r);
    };
  }
}
