import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Person, Topic } from '../../entities';
import type { GivenK, KCount } from '../../services/k.service';
import type { GraphQLContext } from '../context';
import { fromGlobalId, rowIdOf } from '../relay/global-id';
import { ValidationError } from '../../services/errors';
import { GiveKPayload, KCountType } from '../types/k.type';
import { PersonType } from '../types/person.type';
import { TopicType } from '../types/topic.type';
import { required } from './required';

@Resolver(() => GiveKPayload)
export class KResolver {
  @Mutation(() => GiveKPayload, {
    description:
      "+K: the viewer's person vouches for another person's expertise in a topic; it counts towards the receiver's expertise, recomputed on the next read. " +
      'Errors: UNAUTHENTICATED without a login; FORBIDDEN for a user who is not linked to a person; BAD_USER_INPUT with extensions.field and, ' +
      'for a rule, extensions.rule and extensions.retryAt: field personId for yourself (rule SELF), an unknown person, or a sixth +K within 24 hours ' +
      '(rule DAILY_LIMIT: at most 5 in any 24 hours); field topicId for an unknown topic, or a second +K to the same person in the same topic within 30 days ' +
      '(rule PAIR_TOPIC_COOLDOWN).',
  })
  async giveK(
    @Arg('personId', () => ID, { description: 'Global id of the Person who receives it.' }) personId: string,
    @Arg('topicId', () => ID, { description: 'Global id of the Topic it is given in (Topic.id).' }) topicId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<GivenK> {
    const topic = fromGlobalId(topicId, 'topicId');
    if (topic.type !== 'Topic') throw new ValidationError([{ field: 'topicId', message: `is the id of a ${topic.type}, not of a Topic` }]);
    return ctx.services.k.give(ctx, rowIdOf('Person', personId, 'personId'), topic.id);
  }

  @FieldResolver(() => PersonType, { description: 'Who received it.' })
  async receiver(@Root() given: GivenK, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return required(await ctx.loaders.person.load(given.receiverPersonId), 'Person', given.receiverPersonId);
  }

  @FieldResolver(() => PersonType, { description: "Who gave it: the viewer's person." })
  async giver(@Root() given: GivenK, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return required(await ctx.loaders.person.load(given.giverPersonId), 'Person', given.giverPersonId);
  }

  @FieldResolver(() => TopicType, { description: 'The topic it was given in.' })
  async topic(@Root() given: GivenK, @Ctx() ctx: GraphQLContext): Promise<Topic> {
    return required(await ctx.loaders.topic.load(given.topicId), 'Topic', given.topicId);
  }
}

@Resolver(() => KCountType)
export class KCountResolver {
  @FieldResolver(() => TopicType, { description: 'The topic.' })
  async topic(@Root() count: KCount, @Ctx() ctx: GraphQLContext): Promise<Topic> {
    return required(await ctx.loaders.topic.load(count.topicId), 'Topic', count.topicId);
  }
}

@Resolver(() => PersonType)
export class PersonKResolver {
  @FieldResolver(() => [KCountType], { description: '+K they received, counted per topic, most first.' })
  async kReceived(
    @Root() person: Person,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many topics, 1 to 100.' }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<KCount[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw new ValidationError([{ field: 'first', message: 'must be from 1 to 100' }]);
    return (await ctx.loaders.kReceived.load(person.id)).slice(0, first);
  }
}
