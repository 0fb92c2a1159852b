import { localDate, type WorkingCalendar } from '@gesit/calendar';

/** The daily digest goes out from 07:00 local time on working days. */
export const DIGEST_LOCAL_MINUTE = 7 * 60;
/**
 * A digest that could not go out in the morning (the worker was down) is not sent later that day, and
 * never in the evening: news of the morning read at night helps nobody; the next working morning's covers it.
 */
export const DIGEST_LAST_LOCAL_MINUTE = 12 * 60;

export type DigestCalendar = Pick<WorkingCalendar, 'timeZone' | 'weekdays' | 'holidays'>;

const MS_PER_DAY = 86_400_000;
const MAX_LOOKBACK_DAYS = 3 * 366;
const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes since local midnight of `at` in `timeZone`. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' });
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/** Whether a YYYY-MM-DD date is a working day of the calendar: one of its weekdays and not a holiday. */
export function isWorkingDate(date: string, cal: DigestCalendar): boolean {
  const utcDay = new Date(`${date}T00:00:00Z`).getUTCDay();
  const isoWeekday = utcDay === 0 ? 7 : utcDay;
  return cal.weekdays.includes(isoWeekday) && !cal.holidays.has(date);
}

/** The working day before `date` (YYYY-MM-DD), or null if there is none in the last three years. */
export function previousWorkingDate(date: string, cal: DigestCalendar): string | null {
  let ms = Date.parse(`${date}T00:00:00Z`);
  for (let i = 0; i < MAX_LOOKBACK_DAYS; i++) {
    ms -= MS_PER_DAY;
    const day = new Date(ms).toISOString().slice(0, 10);
    if (isWorkingDate(day, cal)) return day;
  }
  return null;
}

/**
 * The local date (YYYY-MM-DD) whose digest is due at `now` for a unit with this calendar: the local
 * time in the unit's zone is from 07:00 to before 12:00 and the local date is a working day. Null otherwise.
 */
export function digestDateAt(now: Date, cal: DigestCalendar): string | null {
  const date = localDate(now, cal.timeZone);
  const minute = localMinuteOfDay(now, cal.timeZone);
  if (minute < DIGEST_LOCAL_MINUTE || minute >= DIGEST_LAST_LOCAL_MINUTE) return null;
  return isWorkingDate(date, cal) ? date : null;
}
