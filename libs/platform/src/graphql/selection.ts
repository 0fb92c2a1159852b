import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

function childFields(nodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return fields;
}

/**
 * The names of the fields asked for below the resolved field along `path` (field names, not aliases;
 * fragments expanded; @skip/@include ignored, so the answer may be a superset), e.g.
 * `['edges', 'node', 'disposition']` from a connection. Lets a resolver read only the columns a query needs.
 */
export function selectedFieldNames(info: SelectionInfo, path: readonly string[]): Set<string> {
  let nodes: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) nodes = childFields(nodes, info.fragments).filter((field) => field.name.value === name);
  return new Set(childFields(nodes, info.fragments).map((field) => field.name.value));
}
