/** A moment where work is followed up: the reminder at the due-soon point, or the notice at the due time. */
export interface FollowUpPoint {
  purpose: 'remind' | 'due';
  at: Date;
}

/**
 * The scheduling rule for every kind of work with an SLA (assignments, approval steps, tasks): a reminder at
 * the due-soon point when it comes before the due time, and a due notice at the due time.
 */
export function followUpPoints(dueAt: Date, dueSoonAt: Date | null): FollowUpPoint[] {
  return [
    ...(dueSoonAt && dueSoonAt < dueAt ? [{ purpose: 'remind' as const, at: dueSoonAt }] : []),
    { purpose: 'due' as const, at: dueAt },
  ];
}
