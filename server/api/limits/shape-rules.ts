import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/** Refusals name the limit, so a client and the metrics can tell which one. */
function refuse(context: ValidationContext, limit: string, message: string): void {
  context.reportError(new GraphQLError(message, { extensions: { limit } }));
}

/**
 * Deepest selection nesting of each operation, fragments followed (each fragment measured once, so
 * a fragment cycle, which validation refuses anyway, cannot loop). Scalars count; introspection
 * fields count as one level (tools' introspection queries are deep, and bounded by the schema).
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set || depth > maxDepth) return depth;
      let deepest = depth;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          // Introspection (__schema, __type) is as deep as tools make it (GraphiQL's query is 15 levels) and bounded by the schema.
          if (s.name.value.startsWith('__')) deepest = Math.max(deepest, depth + 1);
          else deepest = Math.max(deepest, s.selectionSet ? depthOf(s.selectionSet, depth + 1, seen) : depth + 1);
        }
        else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(s.selectionSet, depth, seen));
        else {
          const name = s.name.value;
          if (seen.has(name)) continue;
          deepest = Math.max(deepest, depthOf(fragments.get(name)?.selectionSet, depth, new Set(seen).add(name)));
        }
        if (deepest > maxDepth) break;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, 0, new Set());
        if (depth > maxDepth) refuse(context, 'depth', `The operation is nested deeper than ${maxDepth} levels.`);
        return false;
      },
    };
  };
}

/** Counts one kind of node over the whole document and refuses past `max`. */
function countingRule(limit: string, max: number, what: string, count: (visitor: { add(): void }) => ASTVisitor): ValidationRule {
  return (context) => {
    let n = 0;
    let reported = false;
    const visitor = count({
      add() {
        n++;
        if (n > max && !reported) {
          reported = true;
          refuse(context, limit, `The document has more than ${max} ${what}.`);
        }
      },
    });
    return visitor;
  };
}

/** Most aliases in one document: an alias bomb repeats one costly field under many names. */
export function maxAliasesRule(max: number): ValidationRule {
  return countingRule('aliases', max, 'aliases', (c) => ({ Field: (node) => void (node.alias && c.add()) }));
}

/** Most directives in one document (@include, @skip, @deprecated…), wherever they stand. */
export function maxDirectivesRule(max: number): ValidationRule {
  return countingRule('directives', max, 'directives', (c) => ({ Directive: () => void c.add() }));
}
