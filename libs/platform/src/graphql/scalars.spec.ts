import { LocalDateScalar } from './scalars';

describe('Date scalar', () => {
  it.each(['2026-11-27', '2028-02-29'])('accepts %s', (value) => {
    expect(LocalDateScalar.parseValue(value)).toBe(value);
  });

  it.each(['2026-02-30', '27-11-2026', '2026-11-27T00:00:00Z', '2027-02-29', 20261127])('refuses %s', (value) => {
    expect(() => LocalDateScalar.parseValue(value)).toThrow(TypeError);
  });

  it('serialises a Date by its UTC day', () => {
    expect(LocalDateScalar.serialize(new Date('2026-08-17T00:00:00Z'))).toBe('2026-08-17');
  });
});
