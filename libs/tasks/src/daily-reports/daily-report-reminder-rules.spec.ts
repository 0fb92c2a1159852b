import { reminderDateAt, shiftedReminderMinute, waitedTooLong } from './daily-report-reminder-rules';

const jakarta = { timeZone: 'Asia/Jakarta', weekdays: [1, 2, 3, 4, 5], holidays: new Set(['2026-08-17']) };
const jayapura = { ...jakarta, timeZone: 'Asia/Jayapura' };

describe('daily report reminders', () => {
  it.each([
    ['Tuesday 15:30 WIB', jakarta, '2026-08-18T08:30:00Z', '2026-08-18'],
    ['Tuesday 15:29 WIB', jakarta, '2026-08-18T08:29:00Z', null],
    ['Tuesday 23:59 WIB', jakarta, '2026-08-18T16:59:00Z', '2026-08-18'],
    ['Independence Day 15:30 WIB', jakarta, '2026-08-17T08:30:00Z', null],
    ['Saturday 16:00 WIB', jakarta, '2026-08-22T09:00:00Z', null],
    // 15:30 WIT is 13:30 WIB: Jayapura is reminded two hours earlier.
    ['Tuesday 15:30 WIT', jayapura, '2026-08-18T06:30:00Z', '2026-08-18'],
    ['Tuesday 15:30 WIB in Jakarta, 17:30 WIT', jakarta, '2026-08-18T06:30:00Z', null],
  ])('%s', (_, cal, at, date) => expect(reminderDateAt(new Date(at), cal)).toBe(date));

  it('comes half an hour before the end of shifted hours', () => {
    // Working 06:30-15:00: reminded from 14:30 WIB (07:30 UTC), not before.
    expect(shiftedReminderMinute(15 * 60)).toBe(14 * 60 + 30);
    expect(reminderDateAt(new Date('2026-08-18T07:30:00Z'), jakarta, shiftedReminderMinute(15 * 60))).toBe('2026-08-18');
    expect(reminderDateAt(new Date('2026-08-18T07:29:00Z'), jakarta, shiftedReminderMinute(15 * 60))).toBeNull();
  });

  it.each([
    // Submitted Thursday 13 August: Friday 14 and Tuesday 18 (Monday 17 is a holiday) are the two working days.
    ['2026-08-13', '2026-08-18', false],
    ['2026-08-13', '2026-08-19', true],
    ['2026-08-18', '2026-08-21', true],
    ['2026-08-18', '2026-08-20', false],
  ])('submitted %s, waited too long on %s: %p', (submitted, today, expected) =>
    expect(waitedTooLong(submitted, today, jakarta)).toBe(expected),
  );
});
