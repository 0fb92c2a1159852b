import { isWorkingInstant, nextWorkingDayStart, type WorkingCalendar } from '@gesit/calendar';

/**
 * Notices that are not held: a locked account may be someone else at work on it now; the daily digest is
 * timed on purpose (07:00, before the working day).
 */
export const NEVER_HELD: ReadonlySet<string> = new Set(['ACCOUNT_LOCKED', 'digest.daily']);

/**
 * Until when a notification's e-mail and WhatsApp wait: one created outside the recipient's working hours
 * goes at the start of their next working day; null when it goes now (created in working hours, or that
 * start has passed already, e.g. a delivery retried late).
 */
export function heldUntil(createdAt: Date, now: Date, cal: WorkingCalendar): Date | null {
  if (isWorkingInstant(createdAt, cal)) return null;
  const start = nextWorkingDayStart(createdAt, cal);
  return start.getTime() > now.getTime() ? start : null;
}
