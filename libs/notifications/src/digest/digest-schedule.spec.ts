import { digestDateAt, isWorkingDate, localMinuteOfDay, previousWorkingDate, type DigestCalendar } from './digest-schedule';

const cal = (timeZone: string, holidays: string[] = [], weekdays = [1, 2, 3, 4, 5]): DigestCalendar => ({
  timeZone,
  weekdays,
  holidays: new Set(holidays),
});
const jakarta = cal('Asia/Jakarta', ['2026-08-17']);
const makassar = cal('Asia/Makassar', ['2026-08-17']);
const jayapura = cal('Asia/Jayapura', ['2026-08-17']);

describe('digestDateAt', () => {
  it.each([
    // 2026-08-18 is a Tuesday.
    ['Jakarta at 07:00 WIB', '2026-08-18T00:00:00Z', jakarta, '2026-08-18'],
    ['Jakarta at 06:59 WIB', '2026-08-17T23:59:00Z', jakarta, null],
    ['Jakarta late in the morning, after a worker outage', '2026-08-18T04:59:00Z', jakarta, '2026-08-18'],
    ['Jakarta at noon: too late for that day', '2026-08-18T05:00:00Z', jakarta, null],
    ['Jakarta in the evening: never', '2026-08-18T15:38:00Z', jakarta, null],
    ['Jakarta just after midnight', '2026-08-18T17:00:00Z', jakarta, null],
    ['Makassar at 07:00 WITA', '2026-08-17T23:00:00Z', makassar, '2026-08-18'],
    ['Makassar at 06:59 WITA', '2026-08-17T22:59:00Z', makassar, null],
    ['Jayapura at 07:00 WIT, 22:00 UTC the day before', '2026-08-17T22:00:00Z', jayapura, '2026-08-18'],
    ['Jayapura at 06:59 WIT', '2026-08-17T21:59:00Z', jayapura, null],
    ['Jakarta is still at 05:00 when Jayapura is due', '2026-08-17T22:00:00Z', jakarta, null],
    ['a national holiday (17 August)', '2026-08-17T03:00:00Z', jakarta, null],
    ['a Saturday', '2026-08-22T03:00:00Z', jakarta, null],
    ['a Sunday', '2026-08-23T03:00:00Z', jakarta, null],
    ['a Saturday in a six-day week', '2026-08-22T03:00:00Z', cal('Asia/Jakarta', [], [1, 2, 3, 4, 5, 6]), '2026-08-22'],
    ['a regional holiday of the unit', '2026-08-19T03:00:00Z', cal('Asia/Jakarta', ['2026-08-19']), null],
    ['Monday morning in Jayapura is Sunday evening in UTC', '2026-08-23T22:30:00Z', jayapura, '2026-08-24'],
  ])('%s', (_case, now, calendar, expected) => {
    expect(digestDateAt(new Date(now), calendar)).toBe(expected);
  });
});

describe('working dates', () => {
  it.each([
    ['2026-08-18', true],
    ['2026-08-17', false],
    ['2026-08-22', false],
    ['2026-08-23', false],
    ['2026-08-24', true],
  ])('%s is a working day: %s', (date, expected) => {
    expect(isWorkingDate(date, jakarta)).toBe(expected);
  });

  it.each([
    ['2026-08-18', '2026-08-14'], // Tuesday after a holiday Monday: the Friday before
    ['2026-08-19', '2026-08-18'],
    ['2026-08-24', '2026-08-21'], // Monday: the Friday before
  ])('the working day before %s is %s', (date, expected) => {
    expect(previousWorkingDate(date, jakarta)).toBe(expected);
  });

  it('has no working day before when the calendar has no weekdays', () => {
    expect(previousWorkingDate('2026-08-18', cal('Asia/Jakarta', [], []))).toBeNull();
  });

  it('reads the local clock', () => {
    expect(localMinuteOfDay(new Date('2026-08-17T22:00:00Z'), 'Asia/Jayapura')).toBe(7 * 60);
    expect(localMinuteOfDay(new Date('2026-08-18T16:59:00Z'), 'Asia/Jakarta')).toBe(23 * 60 + 59);
  });
});
