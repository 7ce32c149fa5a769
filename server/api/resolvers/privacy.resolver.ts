import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Person } from '../../entities';
import type { ErasureReceipt, PersonalDataExport, PrivacyStatus } from '../../services/privacy/privacy.service';
import type { GraphQLContext } from '../context';
import { rowIdOf } from '../relay/global-id';
import { PersonType } from '../types/person.type';
import { ErasureReceiptType, PrivacyStatusType } from '../types/privacy.type';

const PERSON_ARG = {
  nullable: true,
  description: "Global id of the Person. Leave it out to act for yourself (a user linked to a person); someone else's needs ADMIN and requestReference.",
} as const;
const REFERENCE_ARG = {
  nullable: true,
  description: 'Reference of the verified request an ADMIN acts on (a ticket id: 1 to 64 letters, digits and . _ : / # -, never a name or an email). Required when acting for someone else.',
} as const;
const ERRORS =
  'Errors: UNAUTHENTICATED without a login; FORBIDDEN for a user with no person acting for themself, or a non-ADMIN naming someone else; ' +
  'NOT_FOUND (field personId) for an unknown person; BAD_USER_INPUT (field requestReference) when it is missing or malformed.';

const personId = (id: string | null) => (id == null ? null : rowIdOf('Person', id, 'personId'));

@Resolver(() => PrivacyStatusType)
export class PrivacyResolver {
  @Query(() => PrivacyStatusType, { description: `Privacy settings of yourself, or (ADMIN) of anyone, opted-out people included. ${ERRORS}` })
  privacyStatus(@Arg('personId', () => ID, PERSON_ARG) id: string | null, @Ctx() ctx: GraphQLContext): Promise<PrivacyStatus> {
    return ctx.services.privacy.status(ctx, personId(id));
  }

  @Mutation(() => PrivacyStatusType, {
    description:
      'Opts out of scoring: from now on no score, topic or authenticity figure of the person is computed, cached, shown or used for targeting, ' +
      'public queries answer as if they had no profile, and their interactions stop counting toward other people from the next rescore on. ' +
      `Idempotent. ${ERRORS}`,
  })
  optOutOfScoring(
    @Arg('personId', () => ID, PERSON_ARG) id: string | null,
    @Arg('requestReference', () => String, REFERENCE_ARG) requestReference: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PrivacyStatus> {
    return ctx.services.privacy.optOut(ctx, personId(id), requestReference);
  }

  @Mutation(() => PrivacyStatusType, { description: `Opts back in to scoring: scored again from the next read and the next full rescore. Idempotent. ${ERRORS}` })
  optInToScoring(
    @Arg('personId', () => ID, PERSON_ARG) id: string | null,
    @Arg('requestReference', () => String, REFERENCE_ARG) requestReference: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PrivacyStatus> {
    return ctx.services.privacy.optIn(ctx, personId(id), requestReference);
  }

  @Query(() => GraphQLJSONObject, {
    description:
      'Everything Sway holds about the logged-in person, as one JSON document: `{ format, generatedAt, personId, tables: { <table>: { what, rows } } }` — ' +
      'profile, accounts, content and its topics, interactions by and on them, current score and score history, topics, +K given and received, login, opt-out ' +
      '(and, as the platform grows, every table of the personal-data map). Every column is there but secrets (the password hash); instants are ISO 8601. ' +
      'UNAUTHENTICATED without a login; FORBIDDEN for a user not linked to a person.',
  })
  exportMyData(@Ctx() ctx: GraphQLContext): Promise<PersonalDataExport> {
    return ctx.services.privacy.exportData(ctx, null, null);
  }

  @Query(() => GraphQLJSONObject, { description: `exportMyData for someone else, on their verified request (ADMIN). ${ERRORS}` })
  exportPersonData(
    @Arg('personId', () => ID, { description: 'Global id of the Person.' }) id: string,
    @Arg('requestReference', () => String, { description: REFERENCE_ARG.description }) requestReference: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PersonalDataExport> {
    return ctx.services.privacy.exportData(ctx, personId(id), requestReference);
  }

  @Mutation(() => ErasureReceiptType, {
    description:
      "Erases the logged-in person's personal data everywhere — every table, score history, caches — their login included (the token stops working). " +
      'One transaction: all or nothing. Logged in an audit trail that names no one. UNAUTHENTICATED without a login; FORBIDDEN for a user not linked to a person.',
  })
  eraseMe(@Ctx() ctx: GraphQLContext): Promise<ErasureReceipt> {
    return ctx.services.privacy.erase(ctx, null, null);
  }

  @Mutation(() => ErasureReceiptType, { description: `eraseMe for someone else, on their verified request (ADMIN). ${ERRORS}` })
  erasePerson(
    @Arg('personId', () => ID, { description: 'Global id of the Person.' }) id: string,
    @Arg('requestReference', () => String, { description: REFERENCE_ARG.description }) requestReference: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ErasureReceipt> {
    return ctx.services.privacy.erase(ctx, personId(id), requestReference);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'The person; null if the viewer may not see their profile (opted out, seen by someone else).' })
  async person(@Root() status: PrivacyStatus, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return (await ctx.loaders.person.load(status.personId)) ?? null;
  }
}
