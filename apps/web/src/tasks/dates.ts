import { startOfDayIn } from '../i18n/format';

const HOUR_MS = 3_600_000;

/** A due date picked as a day means the end of that day's office hours (16.00) in the unit's zone. */
export function endOfWorkDayIn(date: string, timeZone = 'Asia/Jakarta'): string {
  return new Date(new Date(startOfDayIn(date.slice(0, 10), timeZone)).getTime() + 16 * HOUR_MS).toISOString();
}
