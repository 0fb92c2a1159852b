import { defineQueue } from '@gesit/platform';

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

/** The events hybrid work hands to later contexts through the outbox: event name → payload. */
export interface TasksEvents {
  'task.assigned': TaskAssigned;
  'task.completed': TaskCompleted;
  'daily-report.submitted': DailyReportSubmitted;
  'daily-report.reviewed': DailyReportReviewed;
  'work-arrangement.requested': ArrangementRequested;
  'work-arrangement.decided': ArrangementDecided;
}

/** One queue carries them; notifications may consume it. */
export const TASKS_EVENTS = defineQueue<TasksEvents>('tasks-events');
