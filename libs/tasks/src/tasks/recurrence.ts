import { RRule } from 'rrule';
import { badInput } from '@gesit/platform';
import { type WorkingCalendar, zoneOffsetMs } from '@gesit/calendar';
import { isWorkingDate } from '../shared/local-days';

// A rule whose occurrences all fall on days off would otherwise be searched forever.
const MAX_SKIPPED_OCCURRENCES = 500;

/** Checks an iCalendar RRULE (without DTSTART: a task's own due time anchors it) and returns it normalised. */
export function parseRecurrence(text: string): string {
  const trimmed = text.trim().replace(/^RRULE:/i, '');
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(trimmed);
  } catch {
    throw badInput(
      {
        id: `Aturan pengulangan "${text}" tidak dikenali; tulis sebagai RRULE iCalendar, misalnya FREQ=WEEKLY;BYDAY=MO.`,
        en: `The recurrence rule "${text}" is not recognised; write it as an iCalendar RRULE, for example FREQ=WEEKLY;BYDAY=MO.`,
      },
      {
        field: 'recurrence',
      },
    );
  }
  if (options.freq === undefined || options.freq === null || options.dtstart) {
    throw badInput(
      {
        id: `Aturan pengulangan "${text}" harus memuat FREQ (misalnya FREQ=WEEKLY;BYDAY=MO) dan tanpa DTSTART.`,
        en: `The recurrence rule "${text}" must contain FREQ (for example FREQ=WEEKLY;BYDAY=MO) and no DTSTART.`,
      },
      {
        field: 'recurrence',
      },
    );
  }
  return RRule.optionsToString(options).replace(/^RRULE:/, '');
}

/**
 * The due time of the occurrence after `previousDue`: the rule's next occurrence (in the zone's wall-clock
 * time, anchored at the previous due time) that falls on a working day of the calendar; null when the
 * rule has ended.
 */
export function nextOccurrence(
  rule: string,
  previousDue: Date,
  cal: Pick<WorkingCalendar, 'weekdays' | 'holidays' | 'timeZone'>,
): Date | null {
  const offset = zoneOffsetMs(previousDue, cal.timeZone);
  // rrule computes in UTC; shifting by the zone's offset makes its "UTC" the local wall clock.
  const floating = new Date(previousDue.getTime() + offset);
  const recurrence = new RRule({ ...RRule.parseString(rule), dtstart: floating });
  let cursor = floating;
  for (let i = 0; i < MAX_SKIPPED_OCCURRENCES; i++) {
    const next = recurrence.after(cursor, false);
    if (!next) return null;
    if (isWorkingDate(next.toISOString().slice(0, 10), cal)) return new Date(next.getTime() - offset);
    cursor = next;
  }
  return null;
}
