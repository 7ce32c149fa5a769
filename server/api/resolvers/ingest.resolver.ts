import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { LIMITS } from '#shared/limits';
import type { IngestBatch, IngestResult } from '../../services/ingest.records';
import type { GraphQLContext } from '../context';
import { IngestInput } from '../inputs/ingest.input';
import { IngestPayload } from '../types/ingest-payload.type';

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestPayload, {
    description: `Adds or updates people, accounts, content and interactions: at most ${LIMITS.maxIngestBatch} items in all. Idempotent on (network, externalId): sending a batch again changes nothing. Any invalid item rejects the whole batch with BAD_USER_INPUT naming the field.`,
  })
  ingest(@Arg('input', () => IngestInput, { description: 'The batch.' }) input: IngestInput, @Ctx() ctx: GraphQLContext): Promise<IngestResult> {
    return ctx.services.ingest.ingest(ctx, input as IngestBatch, { maxItems: LIMITS.maxIngestBatch, fieldPrefix: 'input.' });
  }
}
