import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectedFieldNames } from './selection';

function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [(d as FragmentDefinitionNode).name.value, d]),
  ) as Record<string, FragmentDefinitionNode>;
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectedFieldNames', () => {
  it('follows a path by field name and lists the fields below it', () => {
    const info = infoOf('{ inbox(first: 20) { edges { node { dueAt mine: slaState disposition { letter { number subject } } } } } }');
    expect(selectedFieldNames(info, ['edges', 'node'])).toEqual(new Set(['dueAt', 'slaState', 'disposition']));
    expect(selectedFieldNames(info, ['edges', 'node', 'disposition', 'letter'])).toEqual(new Set(['number', 'subject']));
  });

  it('expands fragment spreads and inline fragments, and merges repeated fields', () => {
    const info = infoOf(`
      query { inbox { edges { node { ...Row disposition { letter { subject } } } } } }
      fragment Row on DispositionAssignment { id disposition { ... on Disposition { letter { number senderName } } } }`);
    expect(selectedFieldNames(info, ['edges', 'node', 'disposition', 'letter'])).toEqual(new Set(['subject', 'number', 'senderName']));
    expect(selectedFieldNames(info, ['edges', 'node'])).toEqual(new Set(['id', 'disposition']));
  });

  it('is empty below a field that was not asked for', () => {
    expect(selectedFieldNames(infoOf('{ inbox { pageInfo { hasNextPage } } }'), ['edges', 'node'])).toEqual(new Set());
  });
});
