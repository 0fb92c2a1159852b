import { followUpPoints } from '@gesit/calendar';
import { defineQueue, type OutboxJob } from '@gesit/platform';

/** The follow-up jobs of hybrid work: job name → payload (times in epoch ms). */
export interface TaskFollowUpJobs {
  /** At the due-soon point: the assignees are reminded. */
  'task.remind': { taskId: string; at: number };
  /** At the due time: the assignees are told, and the superiors of the assignees are told it is overdue. */
  'task.due': { taskId: string; at: number };
  /** Periodic: the 15:30 report reminders and the reviewers' reminder. */
  'daily-report.reminders': Record<string, never>;
}

export const TASK_FOLLOW_UPS = defineQueue<TaskFollowUpJobs>('task-follow-ups');

const jobId = (taskId: string, purpose: 'remind' | 'due', at: Date): string => `task-${taskId}-${purpose}-${at.getTime()}`;

/**
 * Follow-up jobs of a task at the points calendar's scheduling rule gives (the assignments' rule). Deterministic
 * ids: scheduling the same point twice adds one job; a job for a due time that changed finds the task moved on.
 */
export function taskFollowUpJobs(task: { id: string; dueAt: Date | null; dueSoonAt: Date | null }): OutboxJob[] {
  if (!task.dueAt) return [];
  return followUpPoints(task.dueAt, task.dueSoonAt).map(({ purpose, at }) =>
    TASK_FOLLOW_UPS.job(`task.${purpose}`, { taskId: task.id, at: at.getTime() }, { jobId: jobId(task.id, purpose, at), runAt: at }),
  );
}
