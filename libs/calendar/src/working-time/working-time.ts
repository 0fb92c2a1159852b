export interface WorkingCalendar {
  timeZone: string;
  weekdays: readonly number[];
  startMinute: number;
  endMinute: number;
  holidays: ReadonlySet<string>;
  /** One person's own hours for some days (an approved TIME arrangement); the first that covers a day wins. */
  overrides?: readonly HoursOverride[];
}

/** Working hours that replace the calendar's on the working days of a period (local dates, both ends included). */
export interface HoursOverride {
  from: string;
  to: string;
  /** ISO weekdays it applies on; empty: every working day of the period. */
  weekdays: readonly number[];
  startMinute: number;
  endMinute: number;
}

/** The calendar with a person's own hours on top; the same object when there are none. */
export function withOverrides<T extends WorkingCalendar>(cal: T, overrides: readonly HoursOverride[]): T {
  return overrides.length ? { ...cal, overrides: [...(cal.overrides ?? []), ...overrides] } : cal;
}

/** The override that sets the hours of a local date, or null when the calendar's own hours apply. */
export function overrideOn(date: string, cal: WorkingCalendar): HoursOverride | null {
  if (!isIsoDate(date)) throw new RangeError(`date ${JSON.stringify(date)} is not a real date in the form YYYY-MM-DD`);
  return prepare(cal).override(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY) ?? null;
}

/** The working hours (minutes of the day) of a local date, or null when it is not a working day. */
export function hoursOn(date: string, cal: WorkingCalendar): { startMinute: number; endMinute: number } | null {
  if (!isIsoDate(date)) throw new RangeError(`date ${JSON.stringify(date)} is not a real date in the form YYYY-MM-DD`);
  const days = prepare(cal);
  const day = Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
  if (!days.isWorkingDay(day)) return null;
  const own = days.override(day);
  return own ? { startMinute: own.startMinute, endMinute: own.endMinute } : { startMinute: cal.startMinute, endMinute: cal.endMinute };
}

// Frozen so that no caller can change everybody's default by mutating it.
export const DEFAULT_WORKING_HOURS: { weekdays: number[]; start: string; end: string } = Object.freeze({
  weekdays: Object.freeze([1, 2, 3, 4, 5]) as number[],
  start: '07:30',
  end: '16:00',
});

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
// Slightly more than three calendar years, whatever the leap days.
const MAX_IDLE_DAYS = 3 * 366;
const NO_WORKING_DAY = 'the working calendar has no working day in the next 3 years';

export function parseClock(hhmm: string): number {
  const match = typeof hhmm === 'string' ? /^(\d\d):(\d\d)$/.exec(hhmm) : null;
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) {
    throw new RangeError(`invalid clock time ${JSON.stringify(hhmm)}: expected HH:MM from 00:00 to 23:59, or 24:00`);
  }
  return hours * 60 + minutes;
}

export function formatClock(minute: number): string {
  if (!Number.isInteger(minute) || minute < 0 || minute > MINUTES_PER_DAY) {
    throw new RangeError(`invalid minute of the day ${minute}: expected a whole number from 0 to 1440`);
  }
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

export function localDate(at: Date, timeZone: string): string {
  return dayToIso(localDayOf(instantMs(at, 'at'), timeZone));
}

/** The zone's offset from UTC at `at`, in milliseconds: from the zone's formatter, built once, and cached per day. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  return offsetAt(instantMs(at, 'at'), timeZone);
}

export function isWorkingInstant(at: Date, cal: WorkingCalendar): boolean {
  const t = instantMs(at, 'at');
  const days = prepare(cal);
  const day = localDayOf(t, cal.timeZone);
  if (!days.isWorkingDay(day)) return false;
  return days.start(day) <= t && t < days.end(day);
}

export function addWorkingMinutes(start: Date, minutes: number, cal: WorkingCalendar): Date {
  const t = instantMs(start, 'start');
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`working minutes to add must be a finite number >= 0; got ${minutes}`);
  }
  const days = prepare(cal);
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  let idle = 0;
  for (let day = localDayOf(t, cal.timeZone); ; day++) {
    if (!days.isWorkingDay(day)) {
      if (++idle > MAX_IDLE_DAYS) throw new RangeError(NO_WORKING_DAY);
      continue;
    }
    idle = 0;
    const from = Math.max(t, days.start(day));
    const end = days.end(day);
    if (from >= end) continue;
    // `<=` so that a sum landing exactly on the end of a day returns that end, not the next morning.
    if (remaining <= end - from) return new Date(from + remaining);
    remaining -= end - from;
  }
}

export function workingMinutesBetween(from: Date, to: Date, cal: WorkingCalendar): number {
  const a = instantMs(from, 'from');
  const b = instantMs(to, 'to');
  const days = prepare(cal);
  if (b <= a) return 0;
  let total = 0;
  const last = localDayOf(b, cal.timeZone);
  for (let day = localDayOf(a, cal.timeZone); day <= last; day++) {
    if (!days.isWorkingDay(day)) continue;
    const overlap = Math.min(b, days.end(day)) - Math.max(a, days.start(day));
    if (overlap > 0) total += overlap;
  }
  return total / MS_PER_MINUTE;
}

export function nextWorkingDayStart(at: Date, cal: WorkingCalendar): Date {
  const t = instantMs(at, 'at');
  const days = prepare(cal);
  let idle = 0;
  for (let day = localDayOf(t, cal.timeZone); ; day++) {
    if (!days.isWorkingDay(day)) {
      if (++idle > MAX_IDLE_DAYS) throw new RangeError(NO_WORKING_DAY);
      continue;
    }
    idle = 0;
    const start = days.start(day);
    if (start >= t) return new Date(start);
  }
}

// Local days are numbered like Unix days: day 0 is 1970-01-01 in the calendar's zone.
interface PreparedCalendar {
  isWorkingDay(day: number): boolean;
  start(day: number): number;
  end(day: number): number;
  override(day: number): HoursOverride | undefined;
}

// Calendars are read-only values (CalendarService caches them across requests): checking one and
// building its day functions once per object, not on every call, saves validating every holiday each time.
const prepared = new WeakMap<WorkingCalendar, PreparedCalendar>();

function prepare(cal: WorkingCalendar): PreparedCalendar {
  if (cal === null || typeof cal !== 'object') throw new RangeError('a working calendar is required');
  let days = prepared.get(cal);
  if (!days) {
    days = check(cal);
    prepared.set(cal, days);
  }
  return days;
}

function check(cal: WorkingCalendar): PreparedCalendar {
  formatterFor(cal.timeZone);
  const weekdays = new Set<number>();
  for (const w of cal.weekdays ?? []) {
    if (!Number.isInteger(w) || w < 1 || w > 7) {
      throw new RangeError(`working calendar weekday ${w} is invalid: use ISO numbers 1 (Monday) to 7 (Sunday)`);
    }
    weekdays.add(w);
  }
  const { startMinute, endMinute } = cal;
  if (!Number.isInteger(startMinute) || startMinute < 0 || startMinute >= MINUTES_PER_DAY) {
    throw new RangeError(`working calendar startMinute ${startMinute} is invalid: use whole minutes from 0 to 1439`);
  }
  if (!Number.isInteger(endMinute) || endMinute <= startMinute || endMinute > MINUTES_PER_DAY) {
    throw new RangeError(
      `working calendar endMinute ${endMinute} is invalid: it must be a whole number of minutes after startMinute ${startMinute} and at most 1440 (24:00)`,
    );
  }
  for (const holiday of cal.holidays ?? []) {
    if (!isIsoDate(holiday)) {
      throw new RangeError(`working calendar holiday ${JSON.stringify(holiday)} is not a real date in the form YYYY-MM-DD`);
    }
  }
  const overrides = cal.overrides ?? [];
  for (const o of overrides) {
    if (!isIsoDate(o.from) || !isIsoDate(o.to) || o.to < o.from) {
      throw new RangeError(`working hours override ${JSON.stringify(o)} needs dates from <= to in the form YYYY-MM-DD`);
    }
    if (!Number.isInteger(o.startMinute) || !Number.isInteger(o.endMinute) || o.startMinute < 0 || o.endMinute <= o.startMinute) {
      throw new RangeError(`working hours override ${JSON.stringify(o)} must end after it starts, in whole minutes of the day`);
    }
    if (o.endMinute > MINUTES_PER_DAY) throw new RangeError(`working hours override ${JSON.stringify(o)} ends after 24:00`);
  }
  const holidays = cal.holidays ?? new Set<string>();
  const zone = cal.timeZone;
  const override = overrides.length
    ? (day: number) => {
        const date = dayToIso(day);
        const weekday = isoWeekday(day);
        return overrides.find((o) => o.from <= date && date <= o.to && (!o.weekdays.length || o.weekdays.includes(weekday)));
      }
    : () => undefined;
  return {
    isWorkingDay: (day) => weekdays.has(isoWeekday(day)) && (holidays.size === 0 || !holidays.has(dayToIso(day))),
    start: (day) => localToUtc(day, override(day)?.startMinute ?? startMinute, zone),
    end: (day) => localToUtc(day, override(day)?.endMinute ?? endMinute, zone),
    override,
  };
}

function instantMs(value: Date, name: string): number {
  const t = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}

function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(value)) return false;
  const ms = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return dayToIso(ms / MS_PER_DAY) === value;
}

function isoWeekday(day: number): number {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

// Day number -> YYYY-MM-DD: every holiday and override check asks for it, often for the same few days.
const isoDays = new Map<number, string>();

function dayToIso(day: number): string {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoDays.size >= MAX_CACHED_DAYS_PER_ZONE) isoDays.clear();
    isoDays.set(day, iso);
  }
  return iso;
}

function localDayOf(t: number, timeZone: string): number {
  return Math.floor((t + offsetAt(t, timeZone)) / MS_PER_DAY);
}

function localToUtc(day: number, minute: number, timeZone: string): number {
  const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
  const guess = offsetAt(wall, timeZone);
  const corrected = offsetAt(wall - guess, timeZone);
  return wall - corrected;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Zone -> UTC day -> the zone's offset for the whole of that day, or null when it changes within the day.
const dayOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS_PER_ZONE = 20_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}: use an IANA name such as Asia/Jakarta`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function offsetAt(t: number, timeZone: string): number {
  let zoneDays = dayOffsets.get(timeZone);
  if (!zoneDays) dayOffsets.set(timeZone, (zoneDays = new Map()));
  const utcDay = Math.floor(t / MS_PER_DAY);
  let cached = zoneDays.get(utcDay);
  if (cached === undefined) {
    const first = exactOffset(utcDay * MS_PER_DAY, timeZone);
    const last = exactOffset((utcDay + 1) * MS_PER_DAY - 1000, timeZone);
    cached = first === last ? first : null;
    if (zoneDays.size >= MAX_CACHED_DAYS_PER_ZONE) zoneDays.clear();
    zoneDays.set(utcDay, cached);
  }
  return cached ?? exactOffset(t, timeZone);
}

function exactOffset(t: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(t))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  return wall - Math.floor(t / 1000) * 1000;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
