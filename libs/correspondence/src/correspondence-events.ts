import { defineQueue } from '@gesit/platform';

/** New work: each assignment with its assignee and SLA points (ISO times). */
export interface DispositionCreated {
  letterId: string;
  dispositionId: string;
  assignments: { id: string; assigneeId: string; dueAt: string; dueSoonAt?: string }[];
}

export interface DispositionWithdrawn {
  dispositionId: string;
  assignmentIds: string[];
}

export interface AssignmentCompleted {
  assignmentId: string;
  letterId: string;
}

/** The events of the correspondence flows, handed to later contexts through the outbox: event name → payload. */
export interface CorrespondenceEvents {
  'disposition.created': DispositionCreated;
  'disposition.withdrawn': DispositionWithdrawn;
  'assignment.completed': AssignmentCompleted;
}

/** One queue carries them; notifications (reminders, new-work notices) consumes it. */
export const CORRESPONDENCE_EVENTS = defineQueue<CorrespondenceEvents>('correspondence-events');
