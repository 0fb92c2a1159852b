import { followUpPoints } from '@gesit/calendar';
import { defineQueue, type OutboxJob } from '@gesit/platform';

/** The follow-up jobs of assignments and approval steps: job name → payload (times in epoch ms). */
export interface ReminderJobs {
  /** At the due-soon point: the assignee is reminded. */
  'assignment.remind': { assignmentId: string; at: number };
  /** At the due time: the assignee is told, and the first escalation goes up. */
  'assignment.due': { assignmentId: string; at: number };
  /** One level higher, every `escalateEveryWorkingHours` after the due time. */
  'assignment.escalate': { assignmentId: string; level: number; dueAt: number };
  'step.remind': { stepId: string; at: number };
  'step.due': { stepId: string; at: number };
  /** Periodic: follow-ups whose time came but which did not happen are asked for again. */
  'sla.sweep': Record<string, never>;
  /** Periodic: the leaders' daily digest. */
  'sla.daily-digest': Record<string, never>;
}

/** The queue keeps its first name, so that jobs already waiting in Redis are still processed. */
export const REMINDERS = defineQueue<ReminderJobs>('sla');

// Deterministic ids: scheduling the same point twice (an event redelivered, the sweep) adds one job.
export const reminderJobId = (assignmentId: string, purpose: 'remind' | 'due', at: Date): string =>
  `assignment-${assignmentId}-${purpose}-${at.getTime()}`;
export const stepJobId = (stepId: string, purpose: 'remind' | 'due', at: Date): string => `step-${stepId}-${purpose}-${at.getTime()}`;
export const escalationJobId = (assignmentId: string, level: number, dueAt: Date): string =>
  `assignment-${assignmentId}-escalate-${level}-${dueAt.getTime()}`;

/** Follow-up jobs of an assignment or approval step at the points calendar's scheduling rule gives. */
export function followUpJobs(work: { kind: 'assignment' | 'step'; id: string; dueAt: Date; dueSoonAt: Date | null }): OutboxJob[] {
  return followUpPoints(work.dueAt, work.dueSoonAt).map(({ purpose, at }) =>
    work.kind === 'assignment'
      ? REMINDERS.job(
          `assignment.${purpose}`,
          { assignmentId: work.id, at: at.getTime() },
          { jobId: reminderJobId(work.id, purpose, at), runAt: at },
        )
      : REMINDERS.job(`step.${purpose}`, { stepId: work.id, at: at.getTime() }, { jobId: stepJobId(work.id, purpose, at), runAt: at }),
  );
}
