import { dateIn, formatDate, formatDateTime, formatPercent, formatWorkingHours, startOfDayIn } from './format';

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

describe('the start of a day in a unit’s zone', () => {
  it.each([
    ['2026-11-30', 'Asia/Jakarta', '2026-11-29T17:00:00.000Z'],
    ['2026-11-30', 'Asia/Makassar', '2026-11-29T16:00:00.000Z'],
    ['2026-11-30', 'Asia/Jayapura', '2026-11-29T15:00:00.000Z'],
  ])('%s starts in %s at %s', (date, zone, instant) => {
    expect(startOfDayIn(date, zone)).toBe(instant);
  });
});

describe('calendar dates in a unit’s zone', () => {
  // 19.50 UTC on 30 November is already 1 December in every Indonesian zone.
  const now = new Date('2026-11-30T19:50:00Z');
  it.each([
    ['Asia/Jakarta', 0, false, '2026-12-01'],
    ['Asia/Jakarta', 1, false, '2026-12-02'],
    ['Asia/Jakarta', 0, true, '2026-12-01'],
    ['Asia/Jayapura', -1, true, '2026-11-01'],
  ])('in %s, %i days on (first of month: %s) is %s', (zone, days, first, expected) => {
    expect(dateIn(zone, days, first, now)).toBe(expected);
  });
});
