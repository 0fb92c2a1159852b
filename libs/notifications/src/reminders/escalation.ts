import { addWorkingMinutes, type WorkingCalendar } from '@gesit/calendar';

/** Who hears of overdue work at an escalation level, and when the next level is due. */
export interface EscalationStep {
  /** The leader told at this level; null past the top of the chain of command. */
  recipient: string | null;
  /** When the next level goes up; null when nobody is left above the recipient. */
  next: Date | null;
}

/**
 * Level `level` (1 at the due time) of work due at `dueAt`, whose assignee has `leadersAbove` (nearest
 * first): the level-th leader is told, and level n+1 follows `everyWorkingHours × n` working hours after the
 * due time in the assignee's calendar, so that each leader above gets as long as the one below had.
 */
export function escalationStep(
  leadersAbove: readonly string[],
  level: number,
  dueAt: Date,
  everyWorkingHours: number,
  calendar: WorkingCalendar,
): EscalationStep {
  const recipient = leadersAbove[level - 1] ?? null;
  if (!recipient || !leadersAbove[level]) return { recipient, next: null };
  return { recipient, next: addWorkingMinutes(dueAt, everyWorkingHours * 60 * level, calendar) };
}
