import { numberLike, SCORE, searchStatement } from './search.service';

const letterReadable = () => 'false';
const statement = (query: string, extra: Partial<Parameters<typeof searchStatement>[0]> = {}) =>
  searchStatement({ letterReadable, viewers: ['00000000-0000-4000-8000-000000000001'], query, limit: 21, ...extra });
const tiersOf = (sql: string) => [...sql.matchAll(/SELECT r\.id, ([\d.]+)::float8 AS score/g)].map((m) => Number(m[1]));

describe('the search statement', () => {
  it('looks a letter number up as typed before titles and bodies, and words only in titles and bodies', () => {
    expect(numberLike('000.8.3.3/15/OR')).toBe(true);
    expect(numberLike('pemusnahan arsip')).toBe(false);
    expect(tiersOf(statement('15/OR').sql)).toEqual([SCORE.NUMBER, SCORE.NUMBER, SCORE.HEAD, SCORE.TEXT]);
    expect(tiersOf(statement('pemusnahan arsip').sql)).toEqual([SCORE.HEAD, SCORE.TEXT]);
  });

  it('matches a number as a substring only when no readable record has it as a whole number or its leading parts', () => {
    const { sql, params } = statement('000.8.3.3/15/OR');
    expect(params).toEqual(expect.arrayContaining(['000.8.3.3/15/or', '000.8.3.3/15/or/%', '%000.8.3.3/15/or%']));
    const [whole, substring] = sql.slice(sql.indexOf('SELECT * FROM')).split(' UNION ALL ');
    expect(whole).toContain('lower(r.letter_number) = $');
    expect(whole).not.toContain('search_keys LIKE');
    expect(substring).toMatch(/search_keys LIKE \$\d+ AND NOT \(SELECT found FROM number_whole\)/);
    expect(sql).toMatch(/number_whole AS MATERIALIZED \(SELECT EXISTS \(SELECT 1 FROM archive_record r .*lower\(r\.letter_number\) = /s);
    expect(statement('arsip').sql).not.toContain('number_whole');
    expect(statement('50%_off/2').params).toContain('50\\%\\_off/2/%');
  });

  it('goes on after a cursor within its tier, newest first, and leaves the tiers above it out', () => {
    const after = [SCORE.HEAD, '2026-11-30T10:00:00.123456Z', '00000000-0000-4000-8000-0000000000ff'] as const;
    const { sql, params } = statement('15/OR', { after });
    expect(tiersOf(sql)).toEqual([SCORE.HEAD, SCORE.TEXT]);
    expect(sql.match(/\(r\.archived_at, r\.id\) </g)).toHaveLength(1);
    expect(params).toEqual(expect.arrayContaining([after[1], after[2], 21]));
  });

  it('matches title trigrams only when asked for typos', () => {
    const { sql, params } = statement('pemusnahn', { typos: true });
    expect(tiersOf(sql)).toEqual([SCORE.TYPO]);
    expect(sql).toContain('<% r.search_keys');
    expect(params).toContain('pemusnahn');
    expect(statement('pemusnahn').sql).not.toContain('<%');
  });

  it('counts every tier once, without the page', () => {
    const { count } = statement('arsip', { after: [SCORE.TEXT, '2026-11-30T10:00:00.000000Z', '00000000-0000-4000-8000-0000000000ff'] });
    expect(count.sql).toContain('search_head @@');
    expect(count.sql).toContain('search_stemmed @@');
    expect(count.sql).not.toContain('r.archived_at, r.id');
  });
});
