import { Statement } from './statement';

describe('Statement', () => {
  it('numbers parameters in the order they are added, across CTEs, with their casts', () => {
    const statement = new Statement();
    statement.with('locked', `SELECT status FROM t WHERE id = ${statement.param('a', '::uuid')} FOR UPDATE`);
    statement.with('go', `SELECT true AS ok FROM locked WHERE status <> ${statement.param('DONE')}`);
    expect(statement.sql(`(SELECT status FROM locked), ${statement.param(['x', 'y'], '::text[]')}`)).toBe(
      'WITH locked AS (SELECT status FROM t WHERE id = $1::uuid FOR UPDATE),\n' +
        'go AS (SELECT true AS ok FROM locked WHERE status <> $2)\n' +
        'SELECT (SELECT status FROM locked), $3::text[]',
    );
    expect(statement.values).toEqual(['a', 'DONE', ['x', 'y']]);
  });

  it('is a plain SELECT without CTEs', () => {
    const statement = new Statement();
    expect(statement.sql(`${statement.param(1)} AS one`)).toBe('SELECT $1 AS one');
  });
});
