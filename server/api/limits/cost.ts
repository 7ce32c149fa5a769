import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isCompositeType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { LIMITS } from '#shared/limits';

/**
 * The cost of an operation before it runs, counted like GitHub's node limit: every object a
 * field can return is a point, and a connection multiplies what is under it by its page size
 * (`first`/`last`, default 20 as in our resolvers, at most 100). A plain list of objects counts
 * as 10 (they are short by design) unless it has a `limit`/`first` argument. Scalars are free. Mutations cost
 * 10 points more, for the write.
 */
export interface OperationCost {
  /** Points the operation costs. */
  cost: number;
  /** Objects the operation may return at most. */
  nodes: number;
}

const DEFAULT_PAGE = 20;
const MUTATION_COST = 10;
/** Plain lists of objects are short by design (components, networks, top 5s, a range of days): 10 each. */
const PLAIN_LIST = 10;

export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}): OperationCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { cost: 0, nodes: 0 };

  const argument = (node: FieldNode, name: string): unknown => {
    const arg = node.arguments?.find((a) => a.name.value === name);
    return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
  };
  const pageSize = (node: FieldNode, field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType): number | undefined => {
    // A connection's nodes and edges are the page its size already counted.
    if (parent.name.endsWith('Connection')) return undefined;
    const named = getNamedType(field.type);
    const isConnection = named.name.endsWith('Connection');
    const isList = isListType(getNullableType(field.type));
    if (!isConnection && !isList) return undefined;
    for (const name of ['first', 'last', 'limit']) {
      const v = argument(node, name);
      if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, Math.min(LIMITS.maxPageSize, Math.floor(v)));
    }
    return isConnection ? DEFAULT_PAGE : PLAIN_LIST;
  };

  // Fragments are expanded where they are spread; `seen` stops a cycle (validation refuses them anyway).
  const selectionCost = (set: SelectionSetNode | undefined, type: GraphQLCompositeType, multiplier: number, seen: ReadonlySet<string>): number => {
    if (!set) return 0;
    let total = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue;
        const fields = isObjectType(type) || 'getFields' in type ? (type as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields() : {};
        const field = fields[s.name.value];
        if (!field) continue;
        const named = getNamedType(field.type);
        if (!isCompositeType(named)) continue;
        const page = pageSize(s, field, type);
        // The connection or object itself is one point per parent; what is under a page counts page times.
        total += multiplier + selectionCost(s.selectionSet, named, multiplier * (page ?? 1), seen);
        if (total > Number.MAX_SAFE_INTEGER / 2) return total;
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? (schema.getType(s.typeCondition.name.value) as GraphQLCompositeType | undefined) : type;
        total += selectionCost(s.selectionSet, on && isCompositeType(on) ? on : type, multiplier, seen);
      } else {
        const name = s.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value);
        total += selectionCost(fragment.selectionSet, on && isCompositeType(on) ? on : type, multiplier, new Set(seen).add(name));
      }
    }
    return total;
  };
  const nodes = selectionCost(operation.selectionSet, root, 1, new Set());
  return { nodes, cost: Math.max(1, nodes) + (operation.operation === 'mutation' ? MUTATION_COST : 0) };
}
