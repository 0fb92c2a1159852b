export enum SlaState {
  ON_TRACK = 'ON_TRACK',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  MET = 'MET',
  MISSED = 'MISSED',
}

/**
 * The SLA state at `now`, from stored instants only, so it is right whenever it is read (no job needs
 * to have run). `dueSoonAt` is when `remindAtFraction` of the SLA has elapsed.
 */
export function slaState(input: { dueAt: Date; dueSoonAt: Date | null; completedAt: Date | null }, now: Date): SlaState {
  if (input.completedAt) return input.completedAt.getTime() <= input.dueAt.getTime() ? SlaState.MET : SlaState.MISSED;
  if (now.getTime() > input.dueAt.getTime()) return SlaState.OVERDUE;
  if (input.dueSoonAt && now.getTime() >= input.dueSoonAt.getTime()) return SlaState.DUE_SOON;
  return SlaState.ON_TRACK;
}
