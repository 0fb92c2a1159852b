import { DEFAULT_AGENDA_FORMAT, DEFAULT_OUTGOING_FORMAT, formatNumber, formatProblems, romanMonth } from './number-format';

const parts = { seq: 42, unitCode: 'DISKOMINFO', year: 2026, month: 11, classification: '000.1.2', security: 'B' };

describe('formatNumber', () => {
  it.each([
    [DEFAULT_OUTGOING_FORMAT, parts, 'B-0042/DISKOMINFO/000.1.2/XI/2026'],
    [DEFAULT_AGENDA_FORMAT, parts, '0042/DISKOMINFO/2026'],
    ['{classification}/{seq}/{unitCode}/{year}', parts, '000.1.2/42/DISKOMINFO/2026'],
    ['{seq:3}-{month}/{year}', { ...parts, month: 3 }, '042-03/2026'],
    ['{security}-{seq:4}', { ...parts, seq: 12345, security: 'R' }, 'R-12345'],
    ['{seq}/{monthRoman}', { ...parts, month: 4 }, '42/IV'],
  ])('%s', (format, p, expected) => {
    expect(formatNumber(format, p)).toBe(expected);
  });

  it('needs a classification when the format asks for one', () => {
    expect(() => formatNumber(DEFAULT_OUTGOING_FORMAT, { ...parts, classification: undefined })).toThrow('classification');
  });
});

describe('romanMonth', () => {
  it.each([
    [1, 'I'],
    [9, 'IX'],
    [12, 'XII'],
  ])('%i -> %s', (month, roman) => expect(romanMonth(month)).toBe(roman));
  it('refuses 13', () => expect(() => romanMonth(13)).toThrow(RangeError));
});

describe('formatProblems', () => {
  it('accepts the defaults', () => {
    expect(formatProblems(DEFAULT_AGENDA_FORMAT)).toEqual([]);
    expect(formatProblems(DEFAULT_OUTGOING_FORMAT)).toEqual([]);
  });
  it('needs {seq}', () => expect(formatProblems('{unitCode}/{year}')[0].en).toContain('needs {seq}'));
  it('names unknown placeholders', () => expect(formatProblems('{seq}/{kode}')[0].id).toContain('{kode}'));
});
