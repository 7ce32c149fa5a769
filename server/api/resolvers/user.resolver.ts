import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Person, User } from '../../entities';
import type { LoginResult } from '../../services/auth/auth.service';
import type { GraphQLContext } from '../context';
import { toGlobalId } from '../relay/global-id';
import { PersonType } from '../types/person.type';
import { LoginPayload, UserType } from '../types/user.type';

@Resolver(() => UserType)
export class UserResolver {
  @Mutation(() => LoginPayload, {
    description:
      'Logs in: a token to send as `Authorization: Bearer <token>`. A wrong email and a wrong password both answer UNAUTHENTICATED, ' +
      'with no hint which. Attempts are limited per account and per address (RATE_LIMITED with extensions.retryAfterSeconds past the limit). Send it without an Authorization header: a request with an invalid or expired token fails whole with UNAUTHENTICATED.',
  })
  async login(
    @Arg('email', { description: 'The email the user was created with; any case.' }) email: string,
    @Arg('password', { description: 'Their password.' }) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LoginResult> {
    await ctx.services.loginLimiter.check(email, ctx.clientAddress);
    return ctx.services.auth.login(ctx, email, password);
  }

  @Query(() => UserType, { nullable: true, description: 'The logged-in user; null when the request carries no token.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<User | null> {
    return ctx.viewer ? ((await ctx.loaders.user.load(ctx.viewer.userId)) ?? null) : null;
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() user: User): string {
    return toGlobalId('User', user.id);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'The person they are: always set for an INFLUENCER, usually null for other roles.' })
  async person(@Root() user: User, @Ctx() ctx: GraphQLContext): Promise<Person | null> {
    return user.personId == null ? null : ((await ctx.loaders.person.load(user.personId)) ?? null);
  }
}
