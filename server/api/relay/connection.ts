import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Page } from '../../services/pagination/page';

@ObjectType({ description: 'Where a page sits in its list (Relay cursor connections).', simpleResolvers: true })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items come before this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item; pass as `before` to page backwards.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass as `after` to page forwards.' })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'Items after `after`, from 1 to 100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to start after.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Items before `before`, from 1 to 100.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to end before.' })
  before?: string | null;
}

/** The value a connection field returns; totalCount runs its COUNT only when selected. */
export class ConnectionValue<T> {
  constructor(private readonly page: Page<T>) {}

  get edges(): { cursor: string; node: T }[] {
    return this.page.nodes.map((node, i) => ({ cursor: this.page.cursors[i], node }));
  }

  get nodes(): T[] {
    return this.page.nodes;
  }

  get pageInfo(): PageInfo {
    const { cursors } = this.page;
    return {
      hasNextPage: this.page.hasNextPage,
      hasPreviousPage: this.page.hasPreviousPage,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    };
  }

  get totalCount(): Promise<number> {
    return this.page.totalCount();
  }
}

/**
 * Builds the Edge type and an abstract Connection base for a node type; subclass it as
 * `@ObjectType('PersonConnection', …) class PersonConnection extends connectionOf(…)`.
 * Lists of every size are connections, so clients page everything the same way.
 */
export function connectionOf<T extends object>(nodeType: ClassType<T>, name: string, what: string) {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.`, simpleResolvers: true })
  class Edge {
    @Field({ description: 'Opaque position of this item; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${what}.` })
    node!: T;
  }

  // A base: each subclass registers itself as <Name>Connection with its own description.
  // This class is never referenced by a field, so it is not emitted into the schema.
  @ObjectType({ simpleResolvers: true })
  abstract class Connection {
    @Field(() => [Edge], { description: 'The items with their cursors.' })
    edges!: Edge[];

    @Field(() => [nodeType], { description: 'The items, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more pages exist, and the cursors to reach them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }
  return Connection;
}
