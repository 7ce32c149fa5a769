import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { NotFoundError, ValidationError } from '../../services/errors';
import type { GraphQLContext } from '../context';
import { fromGlobalId, type NodeTypeName } from '../relay/global-id';
import { Content, NetworkAccount } from '../../entities';
import { may } from '../../services/auth/access';
import { NodeType } from '../types/node.type';

/**
 * Accounts, content and interactions are influencer data: readers (ACCESS.readInfluencerData) see
 * them all, an influencer their own; for anyone else they do not exist. People and topics are public;
 * users, brands, campaigns and claims are filtered by their loaders.
 */
function mayReadNode(ctx: GraphQLContext, type: NodeTypeName, node: unknown): boolean {
  if (type !== 'NetworkAccount' && type !== 'Content' && type !== 'Interaction') return true;
  if (may(ctx, 'readInfluencerData')) return true;
  const personId = ctx.viewer?.personId;
  if (personId == null) return false;
  if (node instanceof NetworkAccount) return node.personId === personId;
  if (node instanceof Content) return node.authorPersonId === personId;
  return false;
}

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
    : type === 'Brand' ? await loaders.brand.load(Number(id))
    : type === 'Campaign' ? await loaders.campaign.load(Number(id))
    : type === 'Claim' ? await loaders.claim.load(Number(id))
    : await loaders.topic.load(id);
  if (!node || !mayReadNode(ctx, type, node)) throw new NotFoundError(type, field);
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
