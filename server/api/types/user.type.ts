import { Field, ObjectType } from 'type-graphql';
import { Role } from './enums';
import { NodeType } from './node.type';

@ObjectType('User', {
  implements: NodeType,
  description: 'Someone who logs in to Sway. Visible to themselves and to ADMINs only.',
  simpleResolvers: true,
})
export class UserType extends NodeType {
  @Field({ description: 'Their login, lower-cased.' })
  email!: string;

  @Field(() => Role, { description: 'What they are, and so what they may do.' })
  role!: Role;

  // person: PersonType, resolved in UserResolver. The password hash has no field, on purpose.
}

@ObjectType('LoginPayload', { description: 'A session: send the token as `Authorization: Bearer <token>` with every request.', simpleResolvers: true })
export class LoginPayload {
  @Field({ description: 'Signed token (JWT). Keep it secret; it is valid until expiresAt.' })
  token!: string;

  @Field({ description: 'When the token stops being accepted; log in again then.' })
  expiresAt!: Date;

  @Field(() => UserType, { description: 'Who logged in.' })
  user!: UserType;
}
