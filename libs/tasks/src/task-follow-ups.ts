import { followUpPoints } from '@gesit/calendar';
import { defineQueue, epochMsSql, type OutboxJob } from '@gesit/platform';
import { OPEN_STATUSES } from './tasks/task-status';

/** The follow-up jobs of hybrid work: job name → payload (times in epoch ms). */
export interface TaskFollowUpJobs {
  /** At the due-soon point: the assignees are reminded. */
  'task.remind': { taskId: string; at: number };
  /** At the due time: the assignees are told, and the superiors of the assignees are told it is overdue. */
  'task.due': { taskId: string; at: number };
  /** One level higher, every `escalateEveryWorkingHours` (the NORMAL policy's) after the due time. */
  'task.escalate': { taskId: string; level: number; dueAt: number };
  /** Periodic: follow-ups whose time came but which did not happen (a job lost with Redis) are asked for again. */
  'task.sweep': Record<string, never>;
  /** Periodic: the 15:30 report reminders and the reviewers' reminder. */
  'daily-report.reminders': Record<string, never>;
}

export const TASK_FOLLOW_UPS = defineQueue<TaskFollowUpJobs>('task-follow-ups');

// Deterministic ids: scheduling the same point twice (the sweep, an event redelivered) adds one job.
export const taskJobId = (taskId: string, purpose: 'remind' | 'due', at: Date): string => `task-${taskId}-${purpose}-${at.getTime()}`;
export const taskEscalationJobId = (taskId: string, level: number, dueAt: Date): string =>
  `task-${taskId}-escalate-${level}-${dueAt.getTime()}`;

/**
 * Follow-up jobs of a task at the points calendar's scheduling rule gives (the assignments' rule). Deterministic
 * ids: scheduling the same point twice adds one job; a job for a due time that changed finds the task moved on.
 */
export function taskFollowUpJobs(task: { id: string; dueAt: Date | null; dueSoonAt: Date | null }): OutboxJob[] {
  if (!task.dueAt) return [];
  return followUpPoints(task.dueAt, task.dueSoonAt).map(({ purpose, at }) =>
    TASK_FOLLOW_UPS.job(`task.${purpose}`, { taskId: task.id, at: at.getTime() }, { jobId: taskJobId(task.id, purpose, at), runAt: at }),
  );
}

const OPEN = `t.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * The follow-ups of open tasks whose time has come but which did not happen: rows (kind 'remind' | 'due' |
 * 'escalate', id, at in epoch ms, level), as correspondence's ASSIGNMENT_FOLLOW_UPS_DUE_SQL for assignments.
 */
export const TASK_FOLLOW_UPS_DUE_SQL = `
  SELECT 'remind' AS kind, t.id, ${epochMsSql('t.due_soon_at')} AS at, NULL::int AS level FROM task t
   WHERE ${OPEN} AND t.reminded_at IS NULL AND t.due_soon_at <= now() AND t.due_at > now() AND t.due_soon_at < t.due_at
  UNION ALL
  SELECT 'due', t.id, ${epochMsSql('t.due_at')}, NULL FROM task t
   WHERE ${OPEN} AND t.escalation_level = 0 AND t.due_at <= now()
  UNION ALL
  SELECT 'escalate', t.id, ${epochMsSql('t.due_at')}, t.escalation_level + 1 FROM task t
   WHERE ${OPEN} AND t.next_escalation_at <= now()`;

/**
 * Asks again, through the outbox and in one statement, for the follow-ups TASK_FOLLOW_UPS_DUE_SQL finds; the
 * job ids are the ones first scheduled, so work still queued is not doubled, and the jobs notify once.
 */
export const TASK_FOLLOW_UP_SWEEP_SQL = `
INSERT INTO outbox (id, queue, name, payload, job_id)
SELECT gen_random_uuid(), '${TASK_FOLLOW_UPS.queue}', w.name, w.payload, w.job_id FROM (
  SELECT 'task.' || f.kind AS name,
         CASE WHEN f.kind = 'escalate' THEN jsonb_build_object('taskId', f.id, 'level', f.level, 'dueAt', f.at)
              ELSE jsonb_build_object('taskId', f.id, 'at', f.at) END AS payload,
         'task-' || f.id || '-' || f.kind || CASE WHEN f.kind = 'escalate' THEN '-' || f.level ELSE '' END || '-' || f.at AS job_id
    FROM (${TASK_FOLLOW_UPS_DUE_SQL}) f
) w
WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = w.job_id AND o.sent_at IS NULL)
RETURNING id`;
