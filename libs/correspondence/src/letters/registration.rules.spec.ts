import { AppError } from '@gesit/platform';
import { distinctIds, localTime, monthIn, optionalText, requiredText, yearIn } from './registration.rules';

describe('registration rules', () => {
  it('trims required text and names the field when missing', () => {
    expect(requiredText('  Undangan  ', 'subject')).toBe('Undangan');
    expect(() => requiredText('   ', 'subject')).toThrow('subject is required.');
    expect(() => requiredText('x'.repeat(11), 'number', 10)).toThrow('number is longer than 10 characters.');
  });

  it('keeps optional text null when blank', () => {
    expect(optionalText('  ', 'note')).toBeNull();
    expect(optionalText(' ok ', 'note')).toBe('ok');
  });

  it('refuses empty and repeated id lists', () => {
    expect(distinctIds(['a', 'b'], 'addresseeIds')).toEqual(['a', 'b']);
    expect(() => distinctIds([], 'addresseeIds')).toThrow(AppError);
    expect(() => distinctIds(['a', 'a'], 'addresseeIds')).toThrow('addresseeIds lists the same id twice.');
  });

  it('takes the year and month of the office, not of UTC', () => {
    const newYearInJayapura = new Date('2026-12-31T16:30:00Z');
    expect(yearIn(newYearInJayapura, 'Asia/Jayapura')).toBe(2027);
    expect(yearIn(newYearInJayapura, 'Asia/Jakarta')).toBe(2026);
    expect(monthIn(newYearInJayapura, 'Asia/Jayapura')).toBe(1);
  });

  it('shows times in the zone with its Indonesian abbreviation', () => {
    expect(localTime(new Date('2026-08-18T05:30:00Z'), 'Asia/Jayapura')).toMatch(/18 Agu 2026.*14[.:]30 WIT$/);
    expect(localTime(new Date('2026-08-18T05:30:00Z'), 'Asia/Makassar')).toMatch(/13[.:]30 WITA$/);
  });
});
