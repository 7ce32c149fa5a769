import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Who asked for a privacy action. */
export enum PrivacyRequester {
  SELF = 'SELF',
  ADMIN = 'ADMIN',
}

registerEnumType(PrivacyRequester, {
  name: 'PrivacyRequester',
  description: 'Who asked for a privacy action.',
  valuesConfig: {
    SELF: { description: 'The person themself, logged in.' },
    ADMIN: { description: "An ADMIN, acting on the person's verified request (see requestReference)." },
  },
});

@ObjectType('PrivacyStatus', { description: "A person's privacy settings: whether they are opted out of scoring, since when and on whose request.", simpleResolvers: true })
export class PrivacyStatusType {
  // person: Person, resolved in PrivacyResolver.

  @Field({ description: 'True while they are opted out: nothing of theirs is scored, cached, shown or targeted, and public queries answer as if they had no profile.' })
  optedOut!: boolean;

  @Field(() => Date, { nullable: true, description: 'When they opted out; null when they are not opted out.' })
  optedOutAt!: Date | null;

  @Field(() => PrivacyRequester, { nullable: true, description: 'Who asked for the opt-out; null when they are not opted out.' })
  requestedBy!: PrivacyRequester | null;

  @Field(() => String, { nullable: true, description: 'The verified request an ADMIN acted on; null otherwise.' })
  requestReference!: string | null;
}

@ObjectType('ErasedTable', { description: 'How many rows one table lost in an erasure (deleted, or anonymised where an aggregate must stay).', simpleResolvers: true })
export class ErasedTableType {
  @Field({ description: 'Table name.' })
  table!: string;

  @Field(() => Int, { description: 'Rows erased.' })
  rows!: number;
}

@ObjectType('ErasureReceipt', { description: 'What an erasure did: its entry in the audit trail, which names no one.', simpleResolvers: true })
export class ErasureReceiptType {
  @Field({ description: 'Opaque id of the erasure in the audit trail (random; unrelated to the person).' })
  erasureId!: string;

  @Field({ description: 'When it was committed.' })
  erasedAt!: Date;

  @Field(() => PrivacyRequester, { description: 'Who asked for it.' })
  requestedBy!: PrivacyRequester;

  @Field(() => String, { nullable: true, description: 'The verified request an ADMIN acted on; null when the person asked themself.' })
  requestReference!: string | null;

  @Field(() => [ErasedTableType], { description: 'Rows erased per table, every table of the personal-data map included.' })
  tables!: ErasedTableType[];

  @Field(() => Int, { description: 'Rows erased in all.' })
  totalRows!: number;
}
