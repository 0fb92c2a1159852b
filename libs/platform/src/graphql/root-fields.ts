import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * The root fields an operation selects, aliases and fragments included: `{ a: verifyDocument(…) b:
 * verifyDocument(…) }` is two. Fragments are followed once each (a cycle is another rule's error).
 */
export function countRootFields(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): number {
  const seen = new Set<string>();
  const count = (set: SelectionSetNode): number =>
    set.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value.startsWith('__') ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) return sum;
      seen.add(name);
      return sum + count(fragment.selectionSet);
    }, 0);
  return count(selectionSet);
}

/**
 * A validation rule: an operation may select at most `max` root fields. Each root field is work of its
 * own (a lookup, a mutation), so aliases would otherwise multiply one request into many.
 */
export function maxRootFieldsRule(max: number) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = Object.fromEntries(
        context
          .getDocument()
          .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
          .map((d) => [d.name.value, d]),
      );
      const selected = countRootFields(node.selectionSet, fragments);
      if (selected > max) {
        context.reportError(
          new GraphQLError(
            `Satu permintaan memilih ${selected} kolom utama; paling banyak ${max}. Pecah permintaan ini menjadi beberapa permintaan.`,
            { nodes: [node], extensions: { code: 'BAD_USER_INPUT', rootFields: selected, limit: max } },
          ),
        );
      }
    },
  });
}
