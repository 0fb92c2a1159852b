import {
  DEFAULT_WORKING_HOURS,
  WorkingCalendar,
  addWorkingMinutes,
  formatClock,
  hoursOn,
  isWorkingInstant,
  localDate,
  nextWorkingDayStart,
  overrideOn,
  parseClock,
  withOverrides,
  workingMinutesBetween,
  zoneOffsetMs,
} from './index';

const DAY = 86_400_000;
const MIN = 60_000;

function calendar(timeZone: string, holidays: readonly string[] = [], change: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    timeZone,
    weekdays: DEFAULT_WORKING_HOURS.weekdays,
    startMinute: parseClock(DEFAULT_WORKING_HOURS.start),
    endMinute: parseClock(DEFAULT_WORKING_HOURS.end),
    holidays: new Set(holidays),
    ...change,
  };
}

/** Every date from `first` to `last` inclusive, as 'YYYY-MM-DD'. */
function dateRange(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += DAY) dates.push(new Date(t).toISOString().slice(0, 10));
  return dates;
}

const iso = (d: Date) => d.toISOString();

const WIB = calendar('Asia/Jakarta');
const WITA = calendar('Asia/Makassar');
const WIT = calendar('Asia/Jayapura');
const WIB_HOLIDAY_WEDNESDAY = calendar('Asia/Jakarta', ['2026-08-12']);
const WIB_PROKLAMASI = calendar('Asia/Jakarta', ['2026-08-17']);
const WIT_PROKLAMASI = calendar('Asia/Jayapura', ['2026-08-17']);
const WIB_CHRISTMAS = calendar('Asia/Jakarta', ['2026-12-24', '2026-12-25']);
const WIB_CHRISTMAS_NEW_YEAR = calendar('Asia/Jakarta', ['2026-12-24', '2026-12-25', '2027-01-01']);
const WIB_TWO_WEEK_HOLIDAY = calendar('Asia/Jakarta', dateRange('2026-03-16', '2026-03-27'));
const WIB_MON_TO_SAT = calendar('Asia/Jakarta', [], { weekdays: [1, 2, 3, 4, 5, 6] });
const WIB_ROUND_THE_CLOCK = calendar('Asia/Jakarta', [], { weekdays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 });
// Not an Indonesian zone: proves offsets are derived, not assumed constant (DST starts 2026-03-29).
const AMSTERDAM = calendar('Europe/Amsterdam');
const AMSTERDAM_ROUND_THE_CLOCK = calendar('Europe/Amsterdam', [], {
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  startMinute: 0,
  endMinute: 1440,
});

// [case, calendar, start, working minutes, expected due instant]
const addCases: [string, WorkingCalendar, string, number, string][] = [
  ['inside hours, same day', WIB, '2026-08-12T09:00+07:00', 60, '2026-08-12T03:00:00.000Z'],
  ['inside hours, spilling into the next morning', WIB, '2026-08-12T15:00+07:00', 120, '2026-08-13T01:30:00.000Z'],
  ['inside hours, adding 0 returns the start', WIB, '2026-08-12T10:17:23.456+07:00', 0, '2026-08-12T03:17:23.456Z'],
  ['before hours counts from 07:30', WIB, '2026-08-12T06:00+07:00', 30, '2026-08-12T01:00:00.000Z'],
  ['before hours, adding 0 gives 07:30', WIB, '2026-08-12T06:00+07:00', 0, '2026-08-12T00:30:00.000Z'],
  ['after hours counts from the next morning', WIB, '2026-08-12T18:00+07:00', 30, '2026-08-13T01:00:00.000Z'],
  ['after hours, adding 0 gives the next 07:30', WIB, '2026-08-12T18:00+07:00', 0, '2026-08-13T00:30:00.000Z'],
  ['exactly 16:00 is after hours', WIB, '2026-08-12T16:00+07:00', 0, '2026-08-13T00:30:00.000Z'],
  ['local early morning whose UTC date is the day before', WIB, '2026-08-13T00:30+07:00', 60, '2026-08-13T01:30:00.000Z'],
  ['Saturday', WIB, '2026-08-15T10:00+07:00', 60, '2026-08-17T01:30:00.000Z'],
  ['Sunday night, landing at Monday 16:00', WIB, '2026-08-16T23:59+07:00', 510, '2026-08-17T09:00:00.000Z'],
  ['a holiday', WIB_HOLIDAY_WEDNESDAY, '2026-08-12T09:00+07:00', 60, '2026-08-13T01:30:00.000Z'],
  ['Saturday before a Monday holiday', WIB_PROKLAMASI, '2026-08-15T10:00+07:00', 60, '2026-08-18T01:30:00.000Z'],
  ['landing exactly on 16:00', WIB, '2026-08-12T15:00+07:00', 60, '2026-08-12T09:00:00.000Z'],
  ['a whole day from 07:30 ends at 16:00', WIB, '2026-08-12T07:30+07:00', 510, '2026-08-12T09:00:00.000Z'],
  ['a whole day from before hours ends at 16:00', WIB, '2026-08-12T06:00+07:00', 510, '2026-08-12T09:00:00.000Z'],
  ['two whole days end at the second 16:00', WIB, '2026-08-12T07:30+07:00', 1020, '2026-08-13T09:00:00.000Z'],
  ['one millisecond past 16:00 goes to the next morning', WIB, '2026-08-12T15:00+07:00', 3_600_001 / MIN, '2026-08-13T00:30:00.001Z'],
  ['crossing a weekend', WIB, '2026-08-14T15:00+07:00', 120, '2026-08-17T01:30:00.000Z'],
  ['Friday evening, adding 0 gives Monday 07:30', WIB, '2026-08-14T17:00+07:00', 0, '2026-08-17T00:30:00.000Z'],
  ['crossing year end', WIB_CHRISTMAS, '2026-12-31T15:00+07:00', 120, '2027-01-01T01:30:00.000Z'],
  ['crossing year end into a New Year holiday', WIB_CHRISTMAS_NEW_YEAR, '2026-12-31T15:00+07:00', 120, '2027-01-04T01:30:00.000Z'],
  ['over Christmas, landing at 16:00 on 31 December', WIB_CHRISTMAS, '2026-12-23T15:00+07:00', 2100, '2026-12-31T09:00:00.000Z'],
  ['over Christmas into 2027', WIB_CHRISTMAS, '2026-12-23T15:00+07:00', 2160, '2027-01-01T01:30:00.000Z'],
  ['over Christmas and New Year into 2027', WIB_CHRISTMAS_NEW_YEAR, '2026-12-23T15:00+07:00', 2160, '2027-01-04T01:30:00.000Z'],
  ['the same instant in WIB (15:30, inside hours)', WIB, '2026-08-12T08:30:00Z', 60, '2026-08-13T01:00:00.000Z'],
  ['the same instant in WITA (16:30, after hours)', WITA, '2026-08-12T08:30:00Z', 60, '2026-08-13T00:30:00.000Z'],
  ['the same instant in WIT (17:30, after hours)', WIT, '2026-08-12T08:30:00Z', 60, '2026-08-12T23:30:00.000Z'],
  ['8 h from Friday 15:00 WIT over Proklamasi', WIT_PROKLAMASI, '2026-08-14T15:00+09:00', 480, '2026-08-18T05:30:00.000Z'],
  ['8 h from Friday 15:00 WIT without the holiday', WIT, '2026-08-14T15:00+09:00', 480, '2026-08-17T05:30:00.000Z'],
  ['40 h from Friday 07:30 over a two-week holiday', WIB_TWO_WEEK_HOLIDAY, '2026-03-13T07:30+07:00', 2400, '2026-04-02T06:30:00.000Z'],
  ['40 h from Friday 14:00 over a two-week holiday', WIB_TWO_WEEK_HOLIDAY, '2026-03-13T14:00+07:00', 2400, '2026-04-03T04:30:00.000Z'],
  ['starting inside a two-week holiday', WIB_TWO_WEEK_HOLIDAY, '2026-03-18T10:00+07:00', 60, '2026-03-30T01:30:00.000Z'],
  ['3,000 hours (352 days and 480 minutes)', WIB, '2026-01-05T07:30+07:00', 180_000, '2027-05-12T08:30:00.000Z'],
  ['half a minute', WIB, '2026-08-12T09:00+07:00', 0.5, '2026-08-12T02:00:30.000Z'],
  ['a minute and a quarter', WIB, '2026-08-12T09:00+07:00', 1.25, '2026-08-12T02:01:15.000Z'],
  ['a Saturday working day', WIB_MON_TO_SAT, '2026-08-14T15:00+07:00', 120, '2026-08-15T01:30:00.000Z'],
  ['round the clock, across midnight', WIB_ROUND_THE_CLOCK, '2026-08-12T23:00+07:00', 120, '2026-08-12T18:00:00.000Z'],
  ['round the clock, landing on 24:00', WIB_ROUND_THE_CLOCK, '2026-08-12T23:00+07:00', 60, '2026-08-12T17:00:00.000Z'],
  ['over the night DST starts', AMSTERDAM_ROUND_THE_CLOCK, '2026-03-29T01:30+01:00', 60, '2026-03-29T01:30:00.000Z'],
  ['a weekend on which DST starts', AMSTERDAM, '2026-03-27T15:00+01:00', 120, '2026-03-30T06:30:00.000Z'],
];

describe('addWorkingMinutes', () => {
  it.each(addCases)('%s', (_case, cal, start, minutes, expected) => {
    expect(iso(addWorkingMinutes(new Date(start), minutes, cal))).toBe(expected);
  });

  it('does not change the start Date', () => {
    const start = new Date('2026-08-12T09:00+07:00');
    addWorkingMinutes(start, 600, WIB);
    expect(iso(start)).toBe('2026-08-12T02:00:00.000Z');
  });
});

describe("a person's own hours (overrides)", () => {
  // Working 07:00-15:00 WIB in the first week of December 2026 (an approved TIME arrangement).
  const shifted = withOverrides(calendar('Asia/Jakarta'), [
    { from: '2026-11-30', to: '2026-12-04', weekdays: [], startMinute: 7 * 60, endMinute: 15 * 60 },
  ]);
  const tuesday = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+07:00`);

  it.each([
    ['four hours from noon on shifted hours run into the next morning', shifted, tuesday('12:00'), 240, '2026-12-02T08:00:00+07:00'],
    ['the same on the unit hours end the same day', calendar('Asia/Jakarta'), tuesday('12:00'), 240, '2026-12-01T16:00:00+07:00'],
    ['an early start counts from 07:00', shifted, tuesday('06:00'), 30, '2026-12-01T07:30:00+07:00'],
    // Friday 4 December ends at 15:00; Monday 7 December is past the period, back to 07:30-16:00.
    ['past the period the unit hours apply again', shifted, new Date('2026-12-04T14:00:00+07:00'), 120, '2026-12-07T08:30:00+07:00'],
  ])('%s', (_case, cal, start, minutes, expected) => {
    expect(addWorkingMinutes(start, minutes, cal).getTime()).toBe(new Date(expected).getTime());
  });

  it('counts the shifted hours of a day, and only on its weekdays', () => {
    expect(workingMinutesBetween(new Date('2026-12-01T00:00:00+07:00'), new Date('2026-12-02T00:00:00+07:00'), shifted)).toBe(480);
    const mondays = withOverrides(calendar('Asia/Jakarta'), [
      { from: '2026-11-01', to: '2026-12-31', weekdays: [1], startMinute: 6 * 60 + 30, endMinute: 14 * 60 },
    ]);
    expect(hoursOn('2026-11-30', mondays)).toEqual({ startMinute: 390, endMinute: 840 });
    expect(hoursOn('2026-12-01', mondays)).toEqual({ startMinute: 450, endMinute: 960 });
    expect(hoursOn('2026-12-05', mondays)).toBeNull();
    expect(overrideOn('2026-12-01', mondays)).toBeNull();
    expect(overrideOn('2026-11-30', mondays)?.weekdays).toEqual([1]);
  });

  it('leaves a calendar without overrides as it is, and refuses an override that ends before it starts', () => {
    const plain = calendar('Asia/Jakarta');
    expect(withOverrides(plain, [])).toBe(plain);
    const broken = withOverrides(plain, [{ from: '2026-12-01', to: '2026-12-01', weekdays: [], startMinute: 600, endMinute: 500 }]);
    expect(() => addWorkingMinutes(tuesday('08:00'), 1, broken)).toThrow(RangeError);
  });
});

describe('workingMinutesBetween', () => {
  it.each(addCases)('counts back the minutes added: %s', (_case, cal, start, minutes, expected) => {
    expect(workingMinutesBetween(new Date(start), new Date(expected), cal)).toBe(minutes);
  });

  // [case, calendar, from, to, expected working minutes]
  it.each<[string, WorkingCalendar, string, string, number]>([
    ['an empty interval', WIB, '2026-08-12T09:00+07:00', '2026-08-12T09:00+07:00', 0],
    ['a reversed interval', WIB, '2026-08-12T10:00+07:00', '2026-08-12T09:00+07:00', 0],
    ['inside hours', WIB, '2026-08-12T09:00+07:00', '2026-08-12T10:30+07:00', 90],
    ['a working day seen from before to after hours', WIB, '2026-08-12T06:00+07:00', '2026-08-12T18:00+07:00', 510],
    ['after hours to before hours', WIB, '2026-08-12T17:00+07:00', '2026-08-13T07:00+07:00', 0],
    ['a weekend', WIB, '2026-08-15T00:00+07:00', '2026-08-17T00:00+07:00', 0],
    ['a whole week', WIB, '2026-08-10T00:00+07:00', '2026-08-17T00:00+07:00', 2550],
    ['a holiday', WIB_HOLIDAY_WEDNESDAY, '2026-08-12T00:00+07:00', '2026-08-13T00:00+07:00', 0],
    ['Christmas to after New Year', WIB_CHRISTMAS, '2026-12-23T00:00+07:00', '2027-01-05T00:00+07:00', 3570],
    ['Christmas to after a New Year holiday', WIB_CHRISTMAS_NEW_YEAR, '2026-12-23T00:00+07:00', '2027-01-05T00:00+07:00', 3060],
    ['inside a two-week holiday', WIB_TWO_WEEK_HOLIDAY, '2026-03-14T00:00+07:00', '2026-03-29T00:00+07:00', 0],
    ['around a two-week holiday', WIB_TWO_WEEK_HOLIDAY, '2026-03-13T00:00+07:00', '2026-03-31T00:00+07:00', 1020],
    ['the same instants in WIB', WIB, '2026-08-12T08:30:00Z', '2026-08-13T02:00:00Z', 120],
    ['the same instants in WITA', WITA, '2026-08-12T08:30:00Z', '2026-08-13T02:00:00Z', 150],
    ['the same instants in WIT', WIT, '2026-08-12T08:30:00Z', '2026-08-13T02:00:00Z', 210],
    ['Friday 15:00 WIT to Tuesday 14:30 WIT over Proklamasi', WIT_PROKLAMASI, '2026-08-14T15:00+09:00', '2026-08-18T14:30+09:00', 480],
    ['30 ms', WIB, '2026-08-12T09:00+07:00', '2026-08-12T09:00:00.030+07:00', 0.0005],
    ['a 23-hour DST day', AMSTERDAM_ROUND_THE_CLOCK, '2026-03-28T00:00+01:00', '2026-03-30T00:00+02:00', 2820],
  ])('%s', (_case, cal, from, to, expected) => {
    expect(workingMinutesBetween(new Date(from), new Date(to), cal)).toBe(expected);
  });
});

describe('isWorkingInstant', () => {
  it.each<[string, WorkingCalendar, string, boolean]>([
    ['a millisecond before 07:30', WIB, '2026-08-12T07:29:59.999+07:00', false],
    ['07:30', WIB, '2026-08-12T07:30+07:00', true],
    ['a millisecond before 16:00', WIB, '2026-08-12T15:59:59.999+07:00', true],
    ['16:00', WIB, '2026-08-12T16:00+07:00', false],
    ['Saturday', WIB, '2026-08-15T10:00+07:00', false],
    ['a holiday', WIB_HOLIDAY_WEDNESDAY, '2026-08-12T10:00+07:00', false],
    ['07:00 WIB', WIB, '2026-08-12T00:00:00Z', false],
    ['08:00 WITA', WITA, '2026-08-12T00:00:00Z', true],
    ['09:00 WIT', WIT, '2026-08-12T00:00:00Z', true],
    ['Monday 08:30 WIT while it is still Sunday in UTC', WIT, '2026-08-16T23:30:00Z', true],
    ['Monday 06:30 WIB at the same instant', WIB, '2026-08-16T23:30:00Z', false],
  ])('%s', (_case, cal, at, expected) => {
    expect(isWorkingInstant(new Date(at), cal)).toBe(expected);
  });
});

describe('localDate', () => {
  it.each([
    ['2026-08-12T16:30:00Z', 'Asia/Jakarta', '2026-08-12'],
    ['2026-08-12T16:30:00Z', 'Asia/Makassar', '2026-08-13'],
    ['2026-08-12T16:30:00Z', 'Asia/Jayapura', '2026-08-13'],
    ['2026-08-12T16:30:00Z', 'UTC', '2026-08-12'],
    ['2026-12-31T16:59:59.999Z', 'Asia/Jakarta', '2026-12-31'],
    ['2026-12-31T17:00:00Z', 'Asia/Jakarta', '2027-01-01'],
    ['2026-12-31T15:00:00Z', 'Asia/Jayapura', '2027-01-01'],
  ])('%s in %s is %s', (at, timeZone, expected) => {
    expect(localDate(new Date(at), timeZone)).toBe(expected);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localDate(new Date(), 'WIB')).toThrow(new RangeError('unknown time zone "WIB": use an IANA name such as Asia/Jakarta'));
  });
});

describe('zoneOffsetMs', () => {
  it.each([
    ['2026-08-12T16:30:00Z', 'Asia/Jakarta', 7 * 60],
    ['2026-08-12T16:30:00Z', 'Asia/Makassar', 8 * 60],
    ['2026-08-12T16:30:00Z', 'Asia/Jayapura', 9 * 60],
    // A zone with daylight saving: the offset of the instant, not of the day it falls in.
    ['2026-03-29T00:59:59Z', 'Europe/Amsterdam', 60],
    ['2026-03-29T01:00:00Z', 'Europe/Amsterdam', 120],
  ])('%s in %s is UTC%s minutes', (at, timeZone, minutes) => {
    expect(zoneOffsetMs(new Date(at), timeZone)).toBe(minutes * MIN);
  });

  it('refuses an unknown time zone', () => {
    expect(() => zoneOffsetMs(new Date(), 'WIB')).toThrow(RangeError);
  });
});

describe('nextWorkingDayStart', () => {
  it.each<[string, WorkingCalendar, string, string]>([
    ['before hours', WIB, '2026-08-12T06:00+07:00', '2026-08-12T00:30:00.000Z'],
    ['local midnight', WIB, '2026-08-13T00:00+07:00', '2026-08-13T00:30:00.000Z'],
    ['exactly at the start', WIB, '2026-08-12T07:30+07:00', '2026-08-12T00:30:00.000Z'],
    ['just after the start', WIB, '2026-08-12T07:31+07:00', '2026-08-13T00:30:00.000Z'],
    ['Friday evening', WIB, '2026-08-14T17:00+07:00', '2026-08-17T00:30:00.000Z'],
    ['Saturday', WIB, '2026-08-15T10:00+07:00', '2026-08-17T00:30:00.000Z'],
    ['Friday afternoon WIT before Proklamasi', WIT_PROKLAMASI, '2026-08-14T15:00+09:00', '2026-08-17T22:30:00.000Z'],
    ['New Year holiday', WIB_CHRISTMAS_NEW_YEAR, '2026-12-31T09:00+07:00', '2027-01-04T00:30:00.000Z'],
  ])('%s', (_case, cal, at, expected) => {
    expect(iso(nextWorkingDayStart(new Date(at), cal))).toBe(expected);
  });
});

describe('parseClock and formatClock', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['16:00', 960],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s is minute %d', (clock, minute) => {
    expect(parseClock(clock)).toBe(minute);
    expect(formatClock(minute)).toBe(clock);
  });

  it.each(['', '7:30', '07:3', '0730', '07.30', ' 07:30', '07:30 ', '07:30:00', '24:01', '25:00', '07:60', '-1:00', 'ab:cd', '１２:００'])(
    'parseClock refuses %p',
    (clock) => {
      expect(() => parseClock(clock)).toThrow(RangeError);
      expect(() => parseClock(clock)).toThrow(`invalid clock time ${JSON.stringify(clock)}: expected HH:MM from 00:00 to 23:59, or 24:00`);
    },
  );

  it.each([-1, 1441, 7.5, NaN, Infinity])('formatClock refuses %p', (minute) => {
    expect(() => formatClock(minute)).toThrow(RangeError);
    expect(() => formatClock(minute)).toThrow('expected a whole number from 0 to 1440');
  });

  it('round-trips every minute of the day', () => {
    for (let minute = 0; minute <= 1440; minute++) expect(parseClock(formatClock(minute))).toBe(minute);
  });

  it('defaults to Monday to Friday, 07:30 to 16:00, and the default cannot be changed by accident', () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({ weekdays: [1, 2, 3, 4, 5], start: '07:30', end: '16:00' });
    expect(() => DEFAULT_WORKING_HOURS.weekdays.push(6)).toThrow(TypeError);
  });
});

describe('validation', () => {
  const start = new Date('2026-08-12T09:00+07:00');

  it.each<[string, Partial<WorkingCalendar>, string]>([
    ['weekday 0', { weekdays: [0, 1] }, 'working calendar weekday 0 is invalid: use ISO numbers 1 (Monday) to 7 (Sunday)'],
    ['weekday 8', { weekdays: [1, 8] }, 'working calendar weekday 8 is invalid'],
    ['a fractional weekday', { weekdays: [1.5] }, 'working calendar weekday 1.5 is invalid'],
    ['a negative start', { startMinute: -1 }, 'working calendar startMinute -1 is invalid: use whole minutes from 0 to 1439'],
    ['a start at 24:00', { startMinute: 1440, endMinute: 1440 }, 'working calendar startMinute 1440 is invalid'],
    ['a fractional start', { startMinute: 450.5 }, 'working calendar startMinute 450.5 is invalid'],
    [
      'an end equal to the start',
      { endMinute: 450 },
      'working calendar endMinute 450 is invalid: it must be a whole number of minutes after startMinute 450 and at most 1440 (24:00)',
    ],
    ['an end before the start', { startMinute: 960, endMinute: 450 }, 'working calendar endMinute 450 is invalid'],
    ['an end after 24:00', { endMinute: 1441 }, 'working calendar endMinute 1441 is invalid'],
    [
      'a holiday without leading zeros',
      { holidays: new Set(['2026-8-17']) },
      'working calendar holiday "2026-8-17" is not a real date in the form YYYY-MM-DD',
    ],
    ['a holiday that does not exist', { holidays: new Set(['2026-02-30']) }, 'working calendar holiday "2026-02-30" is not a real date'],
    ['a day-first holiday', { holidays: new Set(['17-08-2026']) }, 'working calendar holiday "17-08-2026" is not a real date'],
    ['a misspelt time zone', { timeZone: 'Asia/Jakart' }, 'unknown time zone "Asia/Jakart": use an IANA name such as Asia/Jakarta'],
    ['a zone abbreviation', { timeZone: 'WIT' }, 'unknown time zone "WIT"'],
  ])('refuses %s in every function', (_case, change, message) => {
    const cal = { ...WIB, ...change };
    for (const call of [
      () => addWorkingMinutes(start, 60, cal),
      () => workingMinutesBetween(start, start, cal),
      () => isWorkingInstant(start, cal),
      () => nextWorkingDayStart(start, cal),
    ]) {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(message);
    }
  });

  it.each([-1, -0.001, NaN, Infinity])('refuses to add %p minutes', (minutes) => {
    expect(() => addWorkingMinutes(start, minutes, WIB)).toThrow(
      new RangeError(`working minutes to add must be a finite number >= 0; got ${minutes}`),
    );
  });

  it('refuses an invalid Date', () => {
    const invalid = new Date('not a date');
    expect(() => addWorkingMinutes(invalid, 1, WIB)).toThrow(new RangeError('start must be a valid Date'));
    expect(() => workingMinutesBetween(start, invalid, WIB)).toThrow(new RangeError('to must be a valid Date'));
    expect(() => isWorkingInstant(invalid, WIB)).toThrow(new RangeError('at must be a valid Date'));
    expect(() => localDate(invalid, 'Asia/Jakarta')).toThrow(new RangeError('at must be a valid Date'));
  });

  const noWorkingDay = new RangeError('the working calendar has no working day in the next 3 years');

  it.each<[string, WorkingCalendar]>([
    ['no working weekdays', calendar('Asia/Jakarta', [], { weekdays: [] })],
    ['four years of holidays', calendar('Asia/Jakarta', dateRange('2026-01-01', '2029-12-31'))],
  ])('stops searching a calendar with %s', (_case, cal) => {
    expect(() => addWorkingMinutes(start, 60, cal)).toThrow(noWorkingDay);
    expect(() => addWorkingMinutes(start, 0, cal)).toThrow(noWorkingDay);
    expect(() => nextWorkingDayStart(start, cal)).toThrow(noWorkingDay);
    expect(workingMinutesBetween(start, new Date('2027-01-01T00:00Z'), cal)).toBe(0);
    expect(isWorkingInstant(start, cal)).toBe(false);
  });

  it('still finds a working day after two years of holidays', () => {
    const cal = calendar('Asia/Jakarta', dateRange('2026-01-01', '2027-12-31'));
    expect(iso(addWorkingMinutes(new Date('2026-01-01T09:00+07:00'), 60, cal))).toBe('2028-01-03T01:30:00.000Z');
  });
});

describe('properties (seeded random)', () => {
  function mulberry32(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  const FROM = Date.parse('2026-01-01T00:00:00Z');
  const TO = Date.parse('2028-01-01T00:00:00Z');
  const calendars = [
    WIB_PROKLAMASI,
    WITA,
    calendar('Asia/Jayapura', [...dateRange('2026-03-16', '2026-03-27'), '2026-12-24', '2026-12-25', '2027-01-01']),
    calendar('Asia/Makassar', [], { weekdays: [1, 3, 6], startMinute: 420, endMinute: 1440 }),
    AMSTERDAM,
  ];

  function randomCase(random: () => number, maxMinutes: number) {
    const cal = calendars[Math.floor(random() * calendars.length)];
    const start = new Date(FROM + Math.floor(random() * (TO - FROM)));
    const minutes = Math.floor(random() * maxMinutes * MIN) / MIN; // millisecond precision
    return { cal, start, minutes };
  }

  it('workingMinutesBetween(s, addWorkingMinutes(s, m)) === m for any start', () => {
    const random = mulberry32(20260817);
    for (let i = 0; i < 1000; i++) {
      const { cal, start, minutes } = randomCase(random, 20_000);
      const due = addWorkingMinutes(start, minutes, cal);
      expect({ i, minutes: workingMinutesBetween(start, due, cal) }).toEqual({ i, minutes });
    }
  });

  it('workingMinutesBetween(s, addWorkingMinutes(s, m)) === m for starts inside working time', () => {
    const random = mulberry32(17081945);
    for (let i = 0; i < 1000; i++) {
      const { cal, start: anywhere, minutes } = randomCase(random, 20_000);
      const dayStart = nextWorkingDayStart(anywhere, cal).getTime();
      const start = new Date(dayStart + Math.floor(random() * (cal.endMinute - cal.startMinute) * MIN));
      expect(isWorkingInstant(start, cal)).toBe(true);
      const due = addWorkingMinutes(start, minutes, cal);
      expect({ i, minutes: workingMinutesBetween(start, due, cal) }).toEqual({ i, minutes });
    }
  });

  it('the due instant ends a working millisecond, and adding in two steps gives the same due instant', () => {
    const random = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const { cal, start, minutes } = randomCase(random, 5_000);
      const due = addWorkingMinutes(start, minutes, cal);
      if (minutes === 0) expect(isWorkingInstant(due, cal)).toBe(true);
      else expect(isWorkingInstant(new Date(due.getTime() - 1), cal)).toBe(true);
      const first = Math.floor(random() * minutes * MIN) / MIN;
      const second = (Math.round(minutes * MIN) - Math.round(first * MIN)) / MIN;
      if (second > 0) expect(iso(addWorkingMinutes(addWorkingMinutes(start, first, cal), second, cal))).toBe(iso(due));
    }
  });

  // A deliberately naive reference: whole minutes, fixed offsets, one minute at a time.
  const OFFSET_HOURS: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };
  const fixedOffsetCalendars = calendars.filter((cal) => cal.timeZone in OFFSET_HOURS);

  const holidayDays = new Map(fixedOffsetCalendars.map((cal) => [cal, new Set([...cal.holidays].map((date) => Date.parse(date) / DAY))]));

  function isWorkingMinute(t: number, cal: WorkingCalendar): boolean {
    const local = t + OFFSET_HOURS[cal.timeZone] * 3_600_000;
    const day = Math.floor(local / DAY);
    const weekday = ((day + 3) % 7) + 1;
    const minute = (local - day * DAY) / MIN;
    return minute >= cal.startMinute && minute < cal.endMinute && cal.weekdays.includes(weekday) && !holidayDays.get(cal)!.has(day);
  }

  function referenceAdd(start: number, minutes: number, cal: WorkingCalendar): number {
    let t = start;
    while (!isWorkingMinute(t, cal)) t += MIN;
    for (let left = minutes; left > 0; t += MIN) if (isWorkingMinute(t, cal)) left--;
    return t;
  }

  it('agrees with a minute-by-minute reference', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const cal = fixedOffsetCalendars[Math.floor(random() * fixedOffsetCalendars.length)];
      const start = FROM + Math.floor(random() * ((TO - FROM) / MIN)) * MIN;
      const minutes = Math.floor(random() * 2_000);
      const span = Math.floor(random() * 10 * 1440) * MIN;
      let expectedBetween = 0;
      for (let t = start; t < start + span; t += MIN) if (isWorkingMinute(t, cal)) expectedBetween++;
      expect({ i, due: addWorkingMinutes(new Date(start), minutes, cal).getTime() }).toEqual({ i, due: referenceAdd(start, minutes, cal) });
      expect({ i, between: workingMinutesBetween(new Date(start), new Date(start + span), cal) }).toEqual({ i, between: expectedBetween });
    }
  });
});
