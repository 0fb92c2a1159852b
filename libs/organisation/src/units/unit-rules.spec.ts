import { thrownText } from '@gesit/platform/testing';
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
    expect(thrownText(() => resolveTimeZone(given, null))).toMatch(/is not one of Asia\/Jakarta, Asia\/Makassar, Asia\/Jayapura/);
  });
});

const NAME = { id: 'Nama', en: 'Name' };

describe('requireName', () => {
  it('trims and collapses spaces', () => {
    expect(requireName('  Bidang   Aplikasi Informatika ', NAME)).toBe('Bidang Aplikasi Informatika');
  });

  it.each([
    ['   ', /Nama wajib diisi/],
    ['x'.repeat(201), /paling banyak 200 karakter/],
  ])('refuses %j', (given, message) => {
    expect(thrownText(() => requireName(given, NAME), 'id')).toMatch(message);
  });
});
