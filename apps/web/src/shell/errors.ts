import type { CombinedError } from 'urql';

/** The message the API wrote for a person (already in their language), without urql's "[GraphQL]" prefix. */
export function errorMessage(error: CombinedError | Error | undefined | null): string {
  if (!error) return '';
  const graphQLErrors = (error as CombinedError).graphQLErrors;
  if (graphQLErrors?.length) return graphQLErrors.map((e) => e.message).join(' ');
  return error.message.replace(/^\[(GraphQL|Network)\]\s*/, '');
}
