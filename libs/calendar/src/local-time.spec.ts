import { localTime, monthIn, yearIn } from './local-time';

describe('local time', () => {
  it('takes the year and month of the office, not of UTC', () => {
    const newYearInJayapura = new Date('2026-12-31T16:30:00Z');
    expect(yearIn(newYearInJayapura, 'Asia/Jayapura')).toBe(2027);
    expect(yearIn(newYearInJayapura, 'Asia/Jakarta')).toBe(2026);
    expect(monthIn(newYearInJayapura, 'Asia/Jayapura')).toBe(1);
  });

  it.each([
    ['Asia/Jayapura', /^18 Agu 2026,? 14[.:]30 WIT$/],
    ['Asia/Makassar', /^18 Agu 2026,? 13[.:]30 WITA$/],
    ['Asia/Jakarta', /^18 Agu 2026,? 12[.:]30 WIB$/],
  ])('shows an instant in %s with its Indonesian zone name', (zone, expected) => {
    expect(localTime(new Date('2026-08-18T05:30:00Z'), zone)).toMatch(expected);
  });
});
