import { RecordPhase } from '../archive.enums';

export interface RetentionSchedule {
  activeYears: number;
  inactiveYears: number;
}

/** `date` (YYYY-MM-DD) plus whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The retention clock (JRA): active for activeYears from `start`, then inactive for inactiveYears. */
export function retentionDates(start: string, schedule: RetentionSchedule): { activeUntil: string; inactiveUntil: string } {
  const activeUntil = addYears(start, schedule.activeYears);
  return { activeUntil, inactiveUntil: addYears(activeUntil, schedule.inactiveYears) };
}

/** The phase a closed dossier is in on `today`; what the daily job computes in SQL for all of them at once. */
export function phaseOn(today: string, dates: { activeUntil: string; inactiveUntil: string }): RecordPhase {
  if (today < dates.activeUntil) return RecordPhase.ACTIVE;
  if (today < dates.inactiveUntil) return RecordPhase.INACTIVE;
  return RecordPhase.DUE_FOR_DISPOSAL;
}

/** Retention of 10 years or more needs the national archive's approval before destruction (Perka ANRI 25/2012). */
export const NATIONAL_APPROVAL_YEARS = 10;
export const needsNationalApproval = (schedule: RetentionSchedule): boolean =>
  schedule.activeYears + schedule.inactiveYears >= NATIONAL_APPROVAL_YEARS;

/** The instant a calendar day begins in `timeZone` (Indonesia keeps no daylight saving time). */
export function dayStartIn(date: string, timeZone: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const shownAsUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return new Date(guess.getTime() - (shownAsUtc - guess.getTime()));
}
