import { AppError } from '../errors/errors';
import { thrownText } from '../testing';
import { DateTimeScalar, LocalDateScalar } from './scalars';

describe('Date scalar', () => {
  it.each(['2026-11-27', '2028-02-29'])('accepts %s', (value) => {
    expect(LocalDateScalar.parseValue(value)).toBe(value);
  });

  it.each(['2026-02-30', '27-11-2026', '2026-11-27T00:00:00Z', '2027-02-29', 20261127])('refuses %s', (value) => {
    expect(() => LocalDateScalar.parseValue(value)).toThrow(AppError);
  });

  it('serialises a Date by its UTC day', () => {
    expect(LocalDateScalar.serialize(new Date('2026-08-17T00:00:00Z'))).toBe('2026-08-17');
  });
});

describe('DateTime scalar', () => {
  it.each([
    ['2026-11-27T08:30:00.000Z', '2026-11-27T08:30:00.000Z'],
    ['2026-11-27T15:30:00+07:00', '2026-11-27T08:30:00.000Z'],
    ['2026-11-27T17:30+09:00', '2026-11-27T08:30:00.000Z'],
  ])('accepts %s', (value, iso) => {
    expect(DateTimeScalar.parseValue(value).toISOString()).toBe(iso);
  });

  it.each(['besok pagi', '2026-11-27', '2026-11-27T08:30:00', 1795820000000, '2026-13-01T00:00:00Z'])('refuses %s', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow(AppError);
  });

  it('serialises to ISO in UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-11-27T15:30:00+07:00'))).toBe('2026-11-27T08:30:00.000Z');
  });
});

describe('scalar refusals', () => {
  it('say what is wrong in both languages', () => {
    expect(thrownText(() => LocalDateScalar.parseValue('2026-02-30'), 'id')).toBe('2026-02-30 bukan hari yang ada di kalender.');
    expect(thrownText(() => DateTimeScalar.parseValue('besok pagi'))).toMatch(/is not an ISO-8601 instant with a zone/);
  });
});
