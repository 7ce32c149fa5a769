import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { NotFoundError, ValidationError } from '../../services/errors';
import type { GraphQLContext } from '../context';
import { fromGlobalId } from '../relay/global-id';
import { NodeType } from '../types/node.type';

/** Fetches anything by global id. */
export async function loadNode(ctx: GraphQLContext, globalId: string, field: string): Promise<unknown> {
  const { type, id } = fromGlobalId(globalId, field);
  const loaders = ctx.loaders;
  const node =
    type === 'Person' ? await loaders.person.load(Number(id))
    : type === 'NetworkAccount' ? await loaders.account.load(Number(id))
    : type === 'Content' ? await loaders.content.load(Number(id))
    : type === 'Interaction' ? await loaders.interaction.load(Number(id))
    : type === 'User' ? await loaders.user.load(Number(id)) // only the viewer's own, or any for an ADMIN
    : await loaders.topic.load(id);
  if (!node) throw new NotFoundError(type, field);
  return node;
}

@Resolver()
export class NodeResolver {
  @Query(() => NodeType, { description: 'Anything by its global id. Unknown ids answer NOT_FOUND, and so do users other than the viewer (an ADMIN sees every user).' })
  node(@Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<unknown> {
    return loadNode(ctx, id, 'id');
  }

  @Query(() => [NodeType], { description: 'Several nodes by global id, in the order asked (at most 100).' })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[], @Ctx() ctx: GraphQLContext): Promise<unknown[]> {
    if (ids.length > 100) throw new ValidationError([{ field: 'ids', message: 'at most 100 ids' }]);
    return Promise.all(ids.map((id, i) => loadNode(ctx, id, `ids[${i}]`)));
  }
}
