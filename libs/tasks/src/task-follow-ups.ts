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
 * The same rule as for assignments: a reminder at the due-soon point (when it comes before the due time)
 * and a due notice at the due time, as outbox jobs that run then. Deterministic ids: scheduling the same
 * point twice adds one job; a job for a due time that changed finds the task moved on and does nothing.
 */
export function taskFollowUpJobs(task: { id: string; dueAt: Date | null; dueSoonAt: Date | null }): OutboxJob[] {
  if (!task.dueAt) return [];
  const jobs: OutboxJob[] = [];
  if (task.dueSoonAt && task.dueSoonAt < task.dueAt)
    jobs.push(
      TASK_FOLLOW_UPS.job(
        'task.remind',
        { taskId: task.id, at: task.dueSoonAt.getTime() },
        { jobId: jobId(task.id, 'remind', task.dueSoonAt), runAt: task.dueSoonAt },
      ),
    );
  jobs.push(
    TASK_FOLLOW_UPS.job(
      'task.due',
      { taskId: task.id, at: task.dueAt.getTime() },
      { jobId: jobId(task.id, 'due', task.dueAt), runAt: task.dueAt },
    ),
  );
  return jobs;
}
