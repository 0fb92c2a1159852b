import { AppError } from '@gesit/platform';
import { nextOccurrence, parseRecurrence } from './recurrence';

const cal = { weekdays: [1, 2, 3, 4, 5], holidays: new Set(['2026-12-07', '2026-12-25']), timeZone: 'Asia/Jakarta' };

describe('recurrence', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=MO'],
    ['RRULE:FREQ=DAILY;INTERVAL=2', 'FREQ=DAILY;INTERVAL=2'],
  ])('accepts %s', (text, normal) => {
    expect(parseRecurrence(text)).toBe(normal);
  });

  it.each(['hello', 'BYDAY=MO', 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY'])('refuses %j with BAD_USER_INPUT', (text) => {
    expect(() => parseRecurrence(text)).toThrow(AppError);
  });

  it.each([
    // Monday 09:00 WIB weekly: the next Monday, 7 December, is a holiday, so the Monday after.
    ['FREQ=WEEKLY;BYDAY=MO', '2026-11-30T02:00:00Z', '2026-12-14T02:00:00Z'],
    // Daily from Friday: the weekend is skipped.
    ['FREQ=DAILY', '2026-12-04T09:00:00Z', '2026-12-08T09:00:00Z'],
    // 23:30 WIB on a Tuesday (16:30 UTC): the local date decides, not the UTC one.
    ['FREQ=DAILY', '2026-12-01T16:30:00Z', '2026-12-02T16:30:00Z'],
    ['FREQ=DAILY;COUNT=1', '2026-12-01T02:00:00Z', null],
  ])('%s after %s is %s', (rule, previous, expected) => {
    const next = nextOccurrence(rule, new Date(previous), cal);
    expect(next ? next.toISOString() : null).toBe(expected ? new Date(expected).toISOString() : null);
  });
});
