/**
 * The events the tasks library hands to later work through the outbox, on one queue: the event name is
 * the job name, and `TasksEvents` gives each its payload.
 */
export const TASKS_EVENTS_QUEUE = 'tasks-events';

export const TASK_ASSIGNED_EVENT = 'task.assigned';
export const TASK_COMPLETED_EVENT = 'task.completed';
export const DAILY_REPORT_SUBMITTED_EVENT = 'daily-report.submitted';
export const DAILY_REPORT_REVIEWED_EVENT = 'daily-report.reviewed';
export const ARRANGEMENT_REQUESTED_EVENT = 'work-arrangement.requested';
export const ARRANGEMENT_DECIDED_EVENT = 'work-arrangement.decided';

export interface TaskAssigned {
  taskId: string;
  assigneeIds: string[];
}

export interface TaskCompleted {
  taskId: string;
  /** The next occurrence of a recurring task, when one was created. */
  nextTaskId: string | null;
}

export interface DailyReportSubmitted {
  reportId: string;
  reviewerId: string | null;
}

export interface DailyReportReviewed {
  reportId: string;
  approved: boolean;
}

export interface ArrangementRequested {
  arrangementId: string;
  deciderId: string | null;
}

export interface ArrangementDecided {
  arrangementId: string;
  status: string;
}

export interface TasksEvents {
  [TASK_ASSIGNED_EVENT]: TaskAssigned;
  [TASK_COMPLETED_EVENT]: TaskCompleted;
  [DAILY_REPORT_SUBMITTED_EVENT]: DailyReportSubmitted;
  [DAILY_REPORT_REVIEWED_EVENT]: DailyReportReviewed;
  [ARRANGEMENT_REQUESTED_EVENT]: ArrangementRequested;
  [ARRANGEMENT_DECIDED_EVENT]: ArrangementDecided;
}
