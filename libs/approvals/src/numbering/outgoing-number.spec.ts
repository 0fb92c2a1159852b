import { SecurityLevel } from '@gesit/correspondence';
import { numbersBySignerUnit, outgoingFormatProblems, outgoingNumber, securityMark } from './outgoing-number';

describe('outgoing letter numbers', () => {
  const parts = {
    seq: 42,
    unitCode: 'DISKOMINFO-APTIKA',
    signerUnitCode: 'DISKOMINFO',
    year: 2026,
    month: 11,
    classificationCode: '000.1.2',
  };

  it.each([
    [SecurityLevel.PUBLIC, 'B'],
    [SecurityLevel.RESTRICTED, 'B'],
    [SecurityLevel.CONFIDENTIAL, 'R'],
    [SecurityLevel.SECRET, 'R'],
  ])('marks %s letters %s', (level, mark) => {
    expect(securityMark(level)).toBe(mark);
  });

  it.each([
    [null, SecurityLevel.PUBLIC, 'B-0042/DISKOMINFO/000.1.2/XI/2026'],
    [null, SecurityLevel.SECRET, 'R-0042/DISKOMINFO/000.1.2/XI/2026'],
    ['{classification}/{seq}/{unitCode}/{year}', SecurityLevel.PUBLIC, '000.1.2/42/DISKOMINFO-APTIKA/2026'],
    ['{seq}/{signerUnitCode}/{unitCode}', SecurityLevel.PUBLIC, '42/DISKOMINFO/DISKOMINFO-APTIKA'],
  ])('renders %s for a %s letter', (format, securityLevel, expected) => {
    expect(outgoingNumber(format, { ...parts, securityLevel })).toBe(expected);
  });

  it('names what is wrong with a format', () => {
    expect(outgoingFormatProblems('{security}-{seq:4}/{unitCode}/{year}')).toEqual([]);
    expect(outgoingFormatProblems('{unitCode}/{year}')).toEqual([expect.objectContaining({ en: expect.stringMatching(/needs \{seq\}/) })]);
    expect(outgoingFormatProblems('{seq}/{kode}')[0].en).toMatch(/Unknown placeholders: \{kode\}/);
    expect(outgoingFormatProblems('{seq}/{kode}')[0].id).toMatch(/Penanda tidak dikenal: \{kode\}/);
    expect(outgoingFormatProblems('  ')).toEqual([{ id: 'Format masih kosong.', en: 'The format is empty.' }]);
    expect(outgoingFormatProblems('{seq}/{signerUnitCode}')).toEqual([]);
    expect(outgoingFormatProblems('{seq}/{kode}')[0].en).toContain('{signerUnitCode}');
  });

  it('counts in the signing official’s unit by default and when the format prints its code', () => {
    expect(numbersBySignerUnit(null)).toBe(true);
    expect(numbersBySignerUnit('{seq}/{signerUnitCode}/{year}')).toBe(true);
    expect(numbersBySignerUnit('{seq}/{unitCode}/{year}')).toBe(false);
  });
});
