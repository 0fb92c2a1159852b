import { AppError } from '@gesit/platform';
import { normaliseUnitCode, requireName, resolveTimeZone } from './unit-rules';

describe('normaliseUnitCode', () => {
  it.each([
    ['DISKOMINFO', 'DISKOMINFO'],
    [' bid-aptika ', 'BID-APTIKA'],
    ['set.01', 'SET.01'],
  ])('%j -> %s', (given, expected) => {
    expect(normaliseUnitCode(given)).toBe(expected);
  });

  it.each(['', '-DIS', 'DINAS KOMINFO', 'X'.repeat(33), 'DIS/1'])('refuses %j', (given) => {
    expect(() => normaliseUnitCode(given)).toThrow(AppError);
  });
});

describe('resolveTimeZone', () => {
  it.each([
    [undefined, null, 'Asia/Jakarta'],
    [null, 'Asia/Makassar', 'Asia/Makassar'],
    ['', 'Asia/Jayapura', 'Asia/Jayapura'],
    ['Asia/Jayapura', 'Asia/Jakarta', 'Asia/Jayapura'],
  ])('given %j under a parent in %j -> %s', (given, parent, expected) => {
    expect(resolveTimeZone(given, parent)).toBe(expected);
  });

  it.each(['Asia/Singapore', 'UTC', 'WIB', 'asia/jakarta'])('refuses %s', (given) => {
    expect(() => resolveTimeZone(given, null)).toThrow(/is not one of Asia\/Jakarta, Asia\/Makassar, Asia\/Jayapura/);
  });
});

describe('requireName', () => {
  it('trims and collapses spaces', () => {
    expect(requireName('  Bidang   Aplikasi Informatika ', 'Name')).toBe('Bidang Aplikasi Informatika');
  });

  it.each([
    ['   ', /Name must not be empty/],
    ['x'.repeat(201), /at most 200 characters/],
  ])('refuses %j', (given, message) => {
    expect(() => requireName(given, 'Name')).toThrow(message);
  });
});
