import { numberLike, SCORE, searchCount, searchRows, type SearchStatementInput } from './search.service';

const input = (query: string, extra: Partial<SearchStatementInput> = {}): SearchStatementInput => ({
  letterReadable: () => 'false',
  viewers: ['00000000-0000-4000-8000-000000000001'],
  below: [],
  query,
  limit: 21,
  ...extra,
});
const row = (score: number, n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  score,
  at: `2026-11-30T10:00:00.${n}Z`,
});

/** Runs searchRows against canned answers: `found(sql)` gives the rows a statement returns. */
async function run(query: string, found: (sql: string) => Record<string, unknown>[], extra: Partial<SearchStatementInput> = {}) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const rows = await searchRows(
    async (sql, params) => {
      statements.push({ sql, params });
      // PostgreSQL refuses a parameter the statement never names (it cannot tell its type).
      params.forEach((_, i) => expect(sql).toMatch(new RegExp(`\\$${i + 1}(?!\\d)`)));
      return found(sql);
    },
    input(query, extra),
  );
  const tier = (sql: string) => Number(sql.match(/SELECT r\.id, ([\d.]+)::float8 AS score/)?.[1] ?? NaN);
  return { rows, statements, tiers: statements.map((s) => tier(s.sql)) };
}

describe('the search statements', () => {
  it('reads the title tier, then the body tier, and stops as soon as a page is full', async () => {
    expect(numberLike('000.8.3.3/15/OR')).toBe(true);
    expect(numberLike('pemusnahan arsip')).toBe(false);
    const few = await run('pemusnahan arsip', (sql) => (sql.includes('NOT (r.search_head') ? [row(1, 3)] : [row(2, 1), row(2, 2)]));
    expect(few.tiers).toEqual([SCORE.HEAD, SCORE.TEXT]);
    expect(few.rows.map((r) => r.score)).toEqual([2, 2, 1]);
    // The body tier is asked only for what the page still lacks.
    expect(few.statements[1].params).toContain(19);
    const full = await run('arsip', () => Array.from({ length: 21 }, (_, i) => row(2, i)));
    expect(full.tiers).toEqual([SCORE.HEAD]);
  });

  it('looks a letter number up whole first, and as a substring only when no readable record has it whole', async () => {
    const whole = await run('000.8.3.3/15/OR', (sql) =>
      sql.includes('lower(r.letter_number) = $') && !sql.includes('IS NOT TRUE') ? [row(3, 1)] : [],
    );
    expect(whole.tiers).toEqual([SCORE.NUMBER, SCORE.HEAD, SCORE.TEXT]);
    expect(whole.statements[0].params).toEqual(expect.arrayContaining(['000.8.3.3/15/or', '000.8.3.3/15/or/%']));
    expect(whole.statements[0].sql).not.toContain('search_keys LIKE');
    // Read by the number index first, never by walking archived_at through the archive.
    expect(whole.statements[0].sql).toMatch(
      /FROM \(SELECT \* FROM archive_record r WHERE r\.destroyed_at IS NULL AND \(lower\(r\.letter_number\) = \$\d+ .*OFFSET 0\) r/s,
    );
    expect(whole.statements[1].sql).not.toContain('search_keys LIKE');
    expect(whole.rows).toEqual([row(3, 1)]);

    const part = await run('15/OR', () => []);
    expect(part.tiers).toEqual([SCORE.NUMBER, SCORE.NUMBER, SCORE.HEAD, SCORE.TEXT]);
    expect(part.statements[1].sql).toContain('r.search_keys LIKE $');
    expect(part.statements[1].params).toContain('%15/or%');
    // A title mentioning the number as a substring is no title hit: it is a number hit already.
    expect(part.statements[2].sql).toMatch(/IS NOT TRUE AND \(r\.search_keys LIKE \$\d+\) IS NOT TRUE/);
    expect((await run('50%_off/2', () => [])).statements[0].params).toContain('50\\%\\_off/2/%');
  });

  it('goes on after a cursor within its tier, leaving the tiers above it out, and asks again whether the number exists whole', async () => {
    const after = [SCORE.HEAD, '2026-11-30T10:00:00.123456Z', '00000000-0000-4000-8000-0000000000ff'] as const;
    const words = await run('arsip', () => [], { after });
    expect(words.tiers).toEqual([SCORE.HEAD, SCORE.TEXT]);
    expect(words.statements[0].sql.match(/\(r\.archived_at, r\.id\) </g)).toHaveLength(1);
    expect(words.statements[1].sql).not.toContain('r.archived_at, r.id) <');
    expect(words.statements[0].params).toEqual(expect.arrayContaining([after[1], after[2]]));

    const numbers = await run('15/OR', (sql) => (sql.includes('SELECT EXISTS') ? [{ found: true }] : []), { after });
    expect(numbers.statements[0].sql).toContain('SELECT EXISTS');
    expect(numbers.tiers.slice(1)).toEqual([SCORE.HEAD, SCORE.TEXT]);
    expect(numbers.statements[1].sql).not.toContain('search_keys LIKE');
  });

  it('matches title trigrams only when asked for typos', async () => {
    const { tiers, statements } = await run('pemusnahn', () => [], { typos: true });
    expect(tiers).toEqual([SCORE.TYPO]);
    expect(statements[0].sql).toContain('<% r.search_keys');
    expect(statements[0].params).toContain('pemusnahn');
    expect((await run('pemusnahn', () => [])).statements.map((s) => s.sql).join()).not.toContain('<%');
  });

  it('counts every tier once, without the page', () => {
    const count = searchCount(
      input('15/OR', { after: [SCORE.TEXT, '2026-11-30T10:00:00.000000Z', '00000000-0000-4000-8000-0000000000ff'] }),
    );
    expect(count.sql).toContain('search_head @@');
    expect(count.sql).toContain('search_stemmed @@');
    expect(count.sql).toMatch(/search_keys LIKE \$\d+ AND NOT \(SELECT found FROM number_whole\)/);
    expect(count.sql).not.toContain('r.archived_at, r.id');
  });
});
