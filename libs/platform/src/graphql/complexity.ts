import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { Kind, visit, type ArgumentNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { badInput } from '../errors/errors';

/** A list field asked for with `first: N` costs N times what each item costs. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args?.first === 'number' ? args.first : undefined;
  return first === undefined ? undefined : 1 + childComplexity * Math.max(1, first);
};

const MAX_VARIANTS_PER_DOCUMENT = 64;

/**
 * The variables an operation's complexity can depend on: those given as a field's `first` (pagedEstimator) and
 * as the condition of @include or @skip. Every other variable (a mutation's input, an id) leaves it unchanged.
 */
function complexityVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const add = (args: readonly ArgumentNode[] | undefined, name: string) => {
    for (const arg of args ?? []) if (arg.name.value === name && arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
  };
  visit(document, {
    Field: (node) => add(node.arguments, 'first'),
    Directive: (node) => {
      if (node.name.value === 'include' || node.name.value === 'skip') add(node.arguments, 'if');
    },
  });
  return [...names].sort();
}

/**
 * The complexity of an operation, remembered per parsed document (Mercurius reuses the parsed document
 * of a query text it has seen) and per operation name and the values of the variables it depends on:
 * clients send the same few queries over and over, mostly with other ids and inputs, and walking the
 * document again on every request cost as much as resolving a small page.
 */
export class ComplexityCalculator {
  private readonly known = new WeakMap<DocumentNode, { inputs: string[]; variants: Map<string, number> }>();

  constructor(private readonly schema: GraphQLSchema) {}

  complexity(document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
    let known = this.known.get(document);
    if (!known) this.known.set(document, (known = { inputs: complexityVariables(document), variants: new Map() }));
    const { inputs, variants } = known;
    // A variable not given (its default applies) is not one given as null.
    const values = inputs.map((name) => (variables && name in variables ? JSON.stringify(variables[name]) : '-'));
    const key = `${operationName ?? ''}\u0000${values.join('\u0000')}`;
    const remembered = variants.get(key);
    if (remembered !== undefined) return remembered;
    const complexity = getComplexity({
      schema: this.schema,
      query: document,
      variables: variables ?? {},
      operationName,
      estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
    if (variants.size >= MAX_VARIANTS_PER_DOCUMENT) variants.delete(variants.keys().next().value as string);
    variants.set(key, complexity);
    return complexity;
  }
}

const calculators = new WeakMap<GraphQLSchema, ComplexityCalculator>();

/** Refuses an operation whose complexity is over `maximum`, with the figure and the limit in the message. */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maximum: number,
): number {
  let calculator = calculators.get(schema);
  if (!calculator) calculators.set(schema, (calculator = new ComplexityCalculator(schema)));
  const complexity = calculator.complexity(document, variables, operationName);
  if (complexity > maximum) {
    throw badInput({
      id: `Kueri ini terlalu berat (kompleksitas ${complexity}, batasnya ${maximum}); minta lebih sedikit field atau halaman yang lebih kecil.`,
      en: `This query is too expensive (complexity ${complexity}, the limit is ${maximum}); ask for fewer fields or smaller pages.`,
    });
  }
  return complexity;
}
