import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { authorize } from '../../services/auth/access';
import { NotFoundError } from '../../services/errors';
import type { GraphQLContext } from '../context';
import { HeldRescoreType, PublishRescorePayloadType } from '../types/rescore-guard.type';

@Resolver()
export class RescoreGuardResolver {
  @Query(() => HeldRescoreType, {
    nullable: true,
    description: 'The full rescore the guard held (its result looked broken: NaN or missing scores, or a median or floor share that moved too far), with why; null when none is held. ADMIN only.',
  })
  async heldRescore(@Ctx() ctx: GraphQLContext): Promise<HeldRescoreType | null> {
    authorize(ctx, 'rescore');
    const held = await ctx.services.scoring.heldRescore();
    if (!held) return null;
    return { heldAt: new Date(held.heldAt).toISOString(), asOf: new Date(held.asOf).toISOString(), reasons: held.reasons, candidate: held.candidate, baseline: held.baseline ?? null };
  }

  @Mutation(() => PublishRescorePayloadType, {
    description:
      'Publishes the held rescore anyway: runs the full rescore again with the guard off (the engine is deterministic, so on unchanged data it publishes what was held). NOT_FOUND when nothing is held. ADMIN only.',
  })
  async publishHeldRescore(@Ctx() ctx: GraphQLContext): Promise<PublishRescorePayloadType> {
    authorize(ctx, 'rescore');
    if (!(await ctx.services.scoring.heldRescore())) throw new NotFoundError('Held rescore');
    const started = performance.now();
    const summary = await ctx.services.scoring.rescoreAll(ctx, { force: true });
    return { people: summary.people, seconds: (performance.now() - started) / 1000 };
  }
}
