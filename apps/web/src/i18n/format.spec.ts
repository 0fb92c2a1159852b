import { formatDate, formatDateTime, formatPercent, formatWorkingHours } from './format';

describe('console formatting', () => {
  it.each([
    ['2026-11-30T07:05:00.000Z', 'id', 'Asia/Jakarta', '30 November 2026, 14.05 WIB'],
    ['2026-11-30T07:05:00.000Z', 'id', 'Asia/Makassar', '30 November 2026, 15.05 WITA'],
    ['2026-11-30T07:05:00.000Z', 'id', 'Asia/Jayapura', '30 November 2026, 16.05 WIT'],
    ['2026-08-16T17:30:00.000Z', 'id', 'Asia/Jakarta', '17 Agustus 2026, 00.30 WIB'],
    ['2026-11-30T07:05:00.000Z', 'en', 'Asia/Jakarta', '30 November 2026, 14:05 WIB'],
  ] as const)('formats %s in %s for %s', (iso, lang, zone, expected) => {
    expect(formatDateTime(iso, lang, zone)).toBe(expected);
  });

  it.each([
    ['2026-01-01', 'id', '1 Januari 2026'],
    ['2026-12-31', 'id', '31 Desember 2026'],
    ['2026-12-31', 'en', '31 December 2026'],
  ] as const)('formats the calendar date %s in %s', (date, lang, expected) => {
    expect(formatDate(date, lang)).toBe(expected);
  });

  it.each([
    [3.5, 'id', '3,5 jam kerja'],
    [12, 'en', '12 working hours'],
    [null, 'id', '—'],
  ] as const)('formats %s working hours in %s', (hours, lang, expected) => {
    expect(formatWorkingHours(hours, lang)).toBe(expected);
  });

  it('formats rates as percentages, Indonesian with a decimal comma', () => {
    expect(formatPercent(0.875, 'id')).toBe('87,5%');
    expect(formatPercent(null, 'id')).toBe('—');
  });
});
