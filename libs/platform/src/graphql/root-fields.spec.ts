import { buildSchema, parse, validate } from 'graphql';
import { maxRootFieldsRule } from './root-fields';

const schema = buildSchema('type Query { verifyDocument(code: String!): Boolean, me: String }');
const errors = (query: string, max = 3) => validate(schema, parse(query), [maxRootFieldsRule(max)]);

describe('maxRootFieldsRule', () => {
  it('accepts an operation within the limit', () => {
    expect(errors('{ a: verifyDocument(code: "1") b: verifyDocument(code: "2") me }')).toEqual([]);
  });

  it('counts every alias of one field', () => {
    const aliases = Array.from({ length: 4 }, (_, i) => `a${i}: verifyDocument(code: "${i}")`).join(' ');
    const [error] = errors(`{ ${aliases} }`);
    expect(error.message).toMatch(/memilih 4 kolom utama; paling banyak 3/);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rootFields: 4, limit: 3 });
  });

  it('counts fields inside fragments and inline fragments, and not __typename', () => {
    const query = `query { ...F ... on Query { c: verifyDocument(code: "3") } __typename }
      fragment F on Query { a: verifyDocument(code: "1") b: verifyDocument(code: "2") me }`;
    expect(errors(query)).toHaveLength(1);
    expect(errors(query, 4)).toEqual([]);
  });

  it('counts a fragment spread twice only once (its fields are merged)', () => {
    expect(errors('query { ...F ...F } fragment F on Query { a: verifyDocument(code: "1") b: verifyDocument(code: "2") }', 2)).toEqual([]);
  });
});
