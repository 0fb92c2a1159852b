import { addDays, isoWeekday, weekStart } from '../shared/local-days';

export const WEEKDAY_NAMES = ['', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

export interface Period {
  startsOn: string;
  endsOn: string;
  /** ISO weekdays; empty for a TIME arrangement means every day. */
  weekdays: readonly number[];
}

/** The dates of a period that fall on its weekdays, within [from, to]. */
function datesIn(period: Period, from: string, to: string): string[] {
  const dates: string[] = [];
  const start = period.startsOn > from ? period.startsOn : from;
  const end = period.endsOn < to ? period.endsOn : to;
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (!period.weekdays.length || period.weekdays.includes(isoWeekday(day))) dates.push(day);
  }
  return dates;
}

/** The first date both periods cover on one of their weekdays, or null. */
export function firstSharedDate(a: Period, b: Period): string | null {
  const from = a.startsOn > b.startsOn ? a.startsOn : b.startsOn;
  const to = a.endsOn < b.endsOn ? a.endsOn : b.endsOn;
  if (from > to) return null;
  const theirs = new Set(datesIn(b, from, to));
  return datesIn(a, from, to).find((d) => theirs.has(d)) ?? null;
}

export interface WeekOverLimit {
  week: string;
  weekdays: number[];
}

/**
 * The first ISO week in which the requested LOCATION period and the approved ones together take more than
 * `max` weekdays away from the office, with those weekdays; null when every week is within the limit.
 */
export function weekOverLimit(requested: Period, approved: readonly Period[], max: number): WeekOverLimit | null {
  for (let week = weekStart(requested.startsOn); week <= requested.endsOn; week = addDays(week, 7)) {
    const end = addDays(week, 6);
    const days = new Set<number>();
    for (const period of [requested, ...approved]) for (const d of datesIn(period, week, end)) days.add(isoWeekday(d));
    if (days.size > max) return { week, weekdays: [...days].sort() };
  }
  return null;
}
