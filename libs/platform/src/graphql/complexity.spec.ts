import { thrownText } from '../testing';
import { buildSchema, parse } from 'graphql';
import { checkComplexity, ComplexityCalculator } from './complexity';

const schema = buildSchema(`
  type Item { id: ID! name: String }
  type Query { items(first: Int): [Item!]! one: Item }
`);

describe('query complexity', () => {
  it('multiplies a paged field by its page size, from literals and from variables', () => {
    const calculator = new ComplexityCalculator(schema);
    expect(calculator.complexity(parse('{ items(first: 10) { id name } }'), undefined, undefined)).toBe(21);
    const document = parse('query Q($n: Int) { items(first: $n) { id name } }');
    expect(calculator.complexity(document, { n: 5 }, 'Q')).toBe(11);
    // The same parsed document with other variables is not answered from the first result.
    expect(calculator.complexity(document, { n: 50 }, 'Q')).toBe(101);
    expect(calculator.complexity(document, { n: 5 }, 'Q')).toBe(11);
  });

  it('depends only on the variables given as `first` or as the condition of @include and @skip', () => {
    const calculator = new ComplexityCalculator(schema);
    const document = parse(
      'query Q($n: Int = 3, $id: ID, $all: Boolean!) { items(first: $n) { id name @include(if: $all) } one { id @skip(if: $all) } }',
    );
    expect(calculator.complexity(document, { id: 'a', all: true }, 'Q')).toBe(8);
    expect(calculator.complexity(document, { id: 'b', all: true }, 'Q')).toBe(8);
    expect(calculator.complexity(document, { id: 'b', all: false }, 'Q')).toBe(6);
    expect(calculator.complexity(document, { n: 10, id: 'b', all: false }, 'Q')).toBe(13);
    // Given as null, `first` is not the default's 3.
    expect(calculator.complexity(document, { n: null, id: 'b', all: false }, 'Q')).toBe(4);
  });

  it('refuses an operation over the limit, naming the figure and the limit', () => {
    const document = parse('query Q($n: Int) { items(first: $n) { id name } }');
    expect(checkComplexity(schema, document, { n: 10 }, 'Q', 100)).toBe(21);
    expect(thrownText(() => checkComplexity(schema, document, { n: 100 }, 'Q', 100))).toMatch(/complexity 201, the limit is 100/);
  });
});
