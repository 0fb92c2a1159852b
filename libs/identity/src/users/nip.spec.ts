import { thrownText } from '@gesit/platform/testing';
import { looksLikeNip, parseNip } from './nip';

const today = new Date('2026-11-27T00:00:00Z');

describe('parseNip', () => {
  it('reads the parts of a valid NIP', () => {
    expect(parseNip('197203151998031004', today)).toEqual({
      nip: '197203151998031004',
      birthDate: '1972-03-15',
      appointedMonth: '1998-03',
      gender: 'MALE',
      sequence: 4,
    });
  });

  it('accepts the printed form with spaces', () => {
    expect(parseNip('19850412 201001 2 015', today).nip).toBe('198504122010012015');
    expect(parseNip('19850412 201001 2 015', today).gender).toBe('FEMALE');
  });

  it('accepts a leap day', () => {
    expect(parseNip('198802292012121001', today).birthDate).toBe('1988-02-29');
  });

  it.each([
    ['too short', '19720315199803100', /exactly 18 digits/],
    ['letters', '19720315199803100A', /exactly 18 digits/],
    ['a month 13 birth date', '197213151998031004', /plausible birth date/],
    ['30 February', '197202301998031004', /plausible birth date/],
    ['29 February of a common year', '197302291998031004', /plausible birth date/],
    ['a birth year before 1940', '193905011960031001', /plausible birth date/],
    ['a birth date of a child', '201501012040011001', /plausible birth date/],
    ['appointment month 00', '197203151998001004', /year and month of appointment/],
    ['appointment before adulthood', '197203151985031004', /year and month of appointment/],
    ['appointment far in the future', '197203152031031004', /year and month of appointment/],
    ['gender digit 3', '197203151998033004', /must be 1 \(male\) or 2 \(female\), not 3/],
    ['gender digit 0', '197203151998030004', /must be 1 \(male\) or 2 \(female\), not 0/],
    ['sequence 000', '197203151998031000', /sequence number from 001/],
  ])('refuses %s', (_case, nip, message) => {
    expect(thrownText(() => parseNip(nip, today))).toMatch(message);
  });
});

describe('looksLikeNip', () => {
  it.each([
    ['197203151998031004', true],
    ['19720315 199803 1 004', true],
    ['budi@diskominfo.go.id', false],
    ['1972abc', false],
  ])('%s -> %s', (identifier, expected) => {
    expect(looksLikeNip(identifier)).toBe(expected);
  });
});
