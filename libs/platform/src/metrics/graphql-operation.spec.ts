import type { FastifyRequest } from 'fastify';
import { graphqlOperationName } from './graphql-operation';

const post = (body: unknown) => ({ method: 'POST', body }) as FastifyRequest;
const get = (query: unknown) => ({ method: 'GET', query }) as FastifyRequest;

describe('graphqlOperationName', () => {
  it.each([
    ['the declared operationName', post({ query: 'query A { x } query B { x }', operationName: 'B' }), 'B'],
    ['the leading operation’s name', post({ query: 'query Inbox($first: Int) { inbox(first: $first) { totalCount } }' }), 'Inbox'],
    ['a mutation’s name after comments', post({ query: '# sign in\nmutation Login { login }' }), 'Login'],
    ['a GET request’s parameters', get({ query: 'query FromGet { x }' }), 'FromGet'],
    ['anonymous for the query shorthand', post({ query: '{ __typename }' }), 'anonymous'],
    ['anonymous for a nameless operation', post({ query: 'query { x }' }), 'anonymous'],
    ['anonymous without a query', post(undefined), 'anonymous'],
    ['invalid for a name that is not a GraphQL name', post({ query: '{ x }', operationName: 'a b"c' }), 'invalid'],
    ['invalid for an overlong name', post({ query: '{ x }', operationName: 'x'.repeat(65) }), 'invalid'],
    ['batch for a batched request', post([{ query: '{ x }' }]), 'batch'],
  ])('gives %s', (_case, request, expected) => {
    expect(graphqlOperationName(request)).toBe(expected);
  });
});
