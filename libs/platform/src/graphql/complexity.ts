import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { badInput } from './errors';

/** A list field asked for with `first: N` costs N times what each item costs. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args?.first === 'number' ? args.first : undefined;
  return first === undefined ? undefined : 1 + childComplexity * Math.max(1, first);
};

export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  maximum: number,
): number {
  const complexity = getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  if (complexity > maximum) {
    throw badInput(
      `This query is too expensive (complexity ${complexity}, the limit is ${maximum}); ask for fewer fields or smaller pages.`,
    );
  }
  return complexity;
}
