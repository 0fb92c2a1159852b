import type { WorkingCalendar } from '@gesit/calendar';
import { heldUntil } from './quiet-hours';

// Mon–Fri 07:30–16:00 WIB, with 25 Dec 2026 (a Friday) a holiday.
const WIB: WorkingCalendar = {
  timeZone: 'Asia/Jakarta',
  weekdays: [1, 2, 3, 4, 5],
  startMinute: 450,
  endMinute: 960,
  holidays: new Set(['2026-12-25']),
};
const WIT: WorkingCalendar = { ...WIB, timeZone: 'Asia/Jayapura' };

describe('quiet hours', () => {
  it.each([
    ['Tuesday 20:00 waits for Wednesday 07:30', WIB, '2026-12-01T20:00+07:00', '2026-12-02T07:30+07:00'],
    ['Wednesday 05:00 waits for 07:30 the same day', WIB, '2026-12-02T05:00+07:00', '2026-12-02T07:30+07:00'],
    ['Friday evening waits for Monday', WIB, '2026-12-04T18:00+07:00', '2026-12-07T07:30+07:00'],
    ['Thursday evening before a holiday waits for Monday', WIB, '2026-12-24T17:00+07:00', '2026-12-28T07:30+07:00'],
    ['16:00 sharp is after hours', WIB, '2026-12-01T16:00+07:00', '2026-12-02T07:30+07:00'],
    ['in the recipient’s own zone: 20:00 WIT', WIT, '2026-12-01T20:00+09:00', '2026-12-02T07:30+09:00'],
    ['Tuesday 10:00 goes at once', WIB, '2026-12-01T10:00+07:00', null],
    ['07:30 sharp goes at once', WIB, '2026-12-01T07:30+07:00', null],
  ])('%s', (_case, cal, created, until) => {
    const at = new Date(created);
    expect(heldUntil(at, at, cal)?.toISOString() ?? null).toBe(until ? new Date(until).toISOString() : null);
  });

  it('sends at once when the morning has come by the time the delivery runs', () => {
    expect(heldUntil(new Date('2026-12-01T20:00+07:00'), new Date('2026-12-02T08:00+07:00'), WIB)).toBeNull();
  });
});
