import { localDate, type WorkingCalendar, zoneOffsetMs } from '@gesit/calendar';

const MS_PER_DAY = 86_400_000;

/** ISO weekday (1 = Monday .. 7 = Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** Whether a local date is a working day of the calendar: one of its weekdays and no holiday. */
export function isWorkingDate(date: string, cal: Pick<WorkingCalendar, 'weekdays' | 'holidays'>): boolean {
  return cal.weekdays.includes(isoWeekday(date)) && !cal.holidays.has(date);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The `count`-th working day after `date` (count 0: the date itself when it is one, else the next). */
export function workingDayAfter(date: string, count: number, cal: Pick<WorkingCalendar, 'weekdays' | 'holidays'>): string {
  let day = date;
  let left = count;
  if (left === 0) {
    for (let i = 0; !isWorkingDate(day, cal) && i < 3660; i++) day = addDays(day, 1);
    return day;
  }
  for (let i = 0; left > 0 && i < 3660; i++) {
    day = addDays(day, 1);
    if (isWorkingDate(day, cal)) left--;
  }
  return day;
}

/** Monday of the ISO week of `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The instant of a local date and HH:mm in a zone. */
export function instantOf(date: string, clock: string, timeZone: string): Date {
  const floating = Date.parse(`${date}T${clock}:00Z`);
  return new Date(floating - zoneOffsetMs(new Date(floating), timeZone));
}

export { localDate };
