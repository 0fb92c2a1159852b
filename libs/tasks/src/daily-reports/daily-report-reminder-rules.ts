import { localDate, type WorkingCalendar } from '@gesit/calendar';
import { isWorkingDate, workingDayAfter } from '../shared/local-days';

/** The reminder to file the day's report goes out from 15:30 local time on working days. */
export const REPORT_REMINDER_LOCAL_MINUTE = 15 * 60 + 30;
/** Reviewers are reminded of reports that have waited more than this many working days. */
export const REVIEW_WAIT_WORKING_DAYS = 2;

const clocks = new Map<string, Intl.DateTimeFormat>();

function localMinuteOfDay(at: Date, timeZone: string): number {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' });
    clocks.set(timeZone, clock);
  }
  const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/**
 * The local date whose reminders are due at `now` in a unit with this calendar: from 15:30 (or `fromMinute`,
 * for someone on shifted hours) on a working day; null otherwise.
 */
export function reminderDateAt(
  now: Date,
  cal: Pick<WorkingCalendar, 'timeZone' | 'weekdays' | 'holidays'>,
  fromMinute = REPORT_REMINDER_LOCAL_MINUTE,
): string | null {
  if (localMinuteOfDay(now, cal.timeZone) < fromMinute) return null;
  const date = localDate(now, cal.timeZone);
  return isWorkingDate(date, cal) ? date : null;
}

/** Whether a report submitted on `submittedOn` has waited more than two working days by `today`. */
export function waitedTooLong(submittedOn: string, today: string, cal: Pick<WorkingCalendar, 'weekdays' | 'holidays'>): boolean {
  return workingDayAfter(submittedOn, REVIEW_WAIT_WORKING_DAYS, cal) < today;
}

/** For someone on shifted hours (an approved TIME arrangement), the reminder comes half an hour before their day ends, as 15:30 does before 16:00. */
export function shiftedReminderMinute(endMinute: number): number {
  return Math.max(0, endMinute - 30);
}
