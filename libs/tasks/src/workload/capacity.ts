import { hoursOn, type WorkingCalendar } from '@gesit/calendar';
import { isoWeekday, isWorkingDate, workingDayAfter } from '../shared/local-days';

export const PLANNING_DAYS = 5;

export interface TimeArrangement {
  kind: 'LOCATION' | 'TIME';
  workMode: string | null;
  weekdays: number[];
  startTime: string | null;
  endTime: string | null;
  startsOn: string;
  endsOn: string;
}

/** The working days of the planning horizon: today when it is one, then the following ones, `days` in all. */
export function planningDays(today: string, cal: Pick<WorkingCalendar, 'weekdays' | 'holidays'>, days = PLANNING_DAYS): string[] {
  const list: string[] = [];
  let day = workingDayAfter(today, 0, cal);
  while (list.length < days) {
    list.push(day);
    day = workingDayAfter(day, 1, cal);
  }
  return list;
}

const covers = (a: TimeArrangement, date: string): boolean =>
  a.startsOn <= date && date <= a.endsOn && (!a.weekdays.length || a.weekdays.includes(isoWeekday(date)));

/** The person's working minutes on those days, in their own calendar (the unit's hours, or their approved shifted hours). */
export function capacityMinutes(days: readonly string[], cal: WorkingCalendar): number {
  let total = 0;
  for (const date of days) {
    const hours = hoursOn(date, cal);
    if (hours) total += hours.endMinute - hours.startMinute;
  }
  return total;
}

/** Work mode today from an approved LOCATION arrangement, when the person has not reported. */
export function arrangedMode(today: string, arrangements: readonly TimeArrangement[]): string | null {
  return arrangements.find((a) => a.kind === 'LOCATION' && covers(a, today))?.workMode ?? null;
}

/** Working days of this week before today. */
export function reportDaysThisWeek(monday: string, today: string, cal: Pick<WorkingCalendar, 'weekdays' | 'holidays'>): string[] {
  const days: string[] = [];
  for (let i = 0; i < 7; i++) {
    const day = new Date(Date.parse(`${monday}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    if (day >= today) break;
    if (isWorkingDate(day, cal)) days.push(day);
  }
  return days;
}
