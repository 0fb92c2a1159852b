import type { FastifyRequest } from 'fastify';

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;
// The name of a document's first operation when it opens with one: `query Inbox(…) {…}`.
const LEADING_OPERATION = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

interface GraphqlParams {
  operationName?: unknown;
  query?: unknown;
}

/**
 * The operation name a GraphQL request declares (`operationName`, else the name of the document's
 * leading operation), read without parsing the document: this runs on every request. Returns
 * `anonymous` for a nameless operation and `invalid` for something that is not a GraphQL name.
 */
export function graphqlOperationName(request: FastifyRequest): string {
  const params = (request.method === 'GET' ? request.query : request.body) as GraphqlParams | GraphqlParams[] | undefined;
  if (Array.isArray(params)) return 'batch';
  const declared = params?.operationName;
  if (typeof declared === 'string' && declared) return NAME.test(declared) ? declared : 'invalid';
  const query = params?.query;
  if (typeof query !== 'string') return 'anonymous';
  const leading = LEADING_OPERATION.exec(query.slice(0, 200))?.[1];
  if (!leading) return 'anonymous';
  return NAME.test(leading) ? leading : 'invalid';
}
