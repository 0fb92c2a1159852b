import { AppError } from '@gesit/platform';
import { foldText, parsePeopleSearch } from './people-search';

describe('parsePeopleSearch', () => {
  it.each([
    [null, { kind: 'all' }],
    ['', { kind: 'all' }],
    ['   ', { kind: 'all' }],
    ['Dr. S.Kom.', { kind: 'all' }],
    ['Hendra Wijaya', { kind: 'words', words: ['hendra', 'wijaya'] }],
    ['WIJAYA,  hendra', { kind: 'words', words: ['wijaya', 'hendra'] }],
    ['Dr. Hendra Wijaya, M.Si.', { kind: 'words', words: ['hendra', 'wijaya'] }],
    ['Hj. Siti Aminah, S.E., M.M.', { kind: 'words', words: ['siti', 'aminah'] }],
    ['Sukmàwati', { kind: 'words', words: ['sukmawati'] }],
    ['budi budi', { kind: 'words', words: ['budi'] }],
    ['fajar.nugroho@diskominfo.example', { kind: 'words', words: ['fajar.nugroho@diskominfo.example'] }],
    ['1991 0725', { kind: 'nip', prefix: '19910725' }],
    ['199107252018011001', { kind: 'nip', prefix: '199107252018011001' }],
    ['12', { kind: 'words', words: ['12'] }],
  ])('%p → %p', (text, expected) => {
    expect(parsePeopleSearch(text)).toEqual(expected);
  });

  it('refuses NUL bytes and overlong searches as bad input', () => {
    for (const text of ['a\u0000b', 'x'.repeat(101)]) {
      expect(() => parsePeopleSearch(text)).toThrow(AppError);
      try {
        parsePeopleSearch(text);
      } catch (e) {
        expect((e as AppError).code).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('folds case and diacritics as unaccent and lower do', () => {
    expect(foldText('Ni Luh Putu Ayu Sukmàwati')).toBe('ni luh putu ayu sukmawati');
    expect(foldText('ÉLÈVE')).toBe('eleve');
  });
});
