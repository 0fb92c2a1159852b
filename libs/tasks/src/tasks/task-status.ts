import { registerEnumType } from '@nestjs/graphql';
import type { Message } from '@gesit/platform';

export enum TaskStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  IN_REVIEW = 'IN_REVIEW',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export enum TaskPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
}

registerEnumType(TaskStatus, { name: 'TaskStatus' });
registerEnumType(TaskPriority, { name: 'TaskPriority' });

export const STATUS_TEXT: Record<TaskStatus, Message> = {
  [TaskStatus.TODO]: { id: 'Belum dikerjakan (TODO)', en: 'not started (TODO)' },
  [TaskStatus.IN_PROGRESS]: { id: 'Sedang dikerjakan (IN_PROGRESS)', en: 'in progress (IN_PROGRESS)' },
  [TaskStatus.BLOCKED]: { id: 'Terhambat (BLOCKED)', en: 'blocked (BLOCKED)' },
  [TaskStatus.IN_REVIEW]: { id: 'Menunggu pemeriksaan (IN_REVIEW)', en: 'waiting for review (IN_REVIEW)' },
  [TaskStatus.DONE]: { id: 'Selesai (DONE)', en: 'done (DONE)' },
  [TaskStatus.CANCELLED]: { id: 'Dibatalkan (CANCELLED)', en: 'cancelled (CANCELLED)' },
};

export const OPEN_STATUSES: readonly TaskStatus[] = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.IN_REVIEW];

/** Who is moving the task: its creator decides review and cancellation, its assignees do the work. */
export interface MoverRole {
  creator: boolean;
  assignee: boolean;
}

/**
 * The moves the status machine allows from `from` for this mover: TODO → IN_PROGRESS → IN_REVIEW → DONE,
 * BLOCKED from and back to work, the creator closes a review (DONE, or back to IN_PROGRESS) and cancels;
 * a task someone set themselves needs no review, so its creator-assignee may finish it directly.
 */
export function allowedMoves(from: TaskStatus, who: MoverRole): TaskStatus[] {
  const moves = new Set<TaskStatus>();
  if (who.assignee) {
    if (from === TaskStatus.TODO) [TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED].forEach((s) => moves.add(s));
    if (from === TaskStatus.IN_PROGRESS) [TaskStatus.IN_REVIEW, TaskStatus.BLOCKED].forEach((s) => moves.add(s));
    if (from === TaskStatus.BLOCKED) [TaskStatus.TODO, TaskStatus.IN_PROGRESS].forEach((s) => moves.add(s));
    if (from === TaskStatus.IN_PROGRESS && who.creator) moves.add(TaskStatus.DONE);
  }
  if (who.creator) {
    if (from === TaskStatus.IN_REVIEW) [TaskStatus.DONE, TaskStatus.IN_PROGRESS].forEach((s) => moves.add(s));
    if (OPEN_STATUSES.includes(from)) moves.add(TaskStatus.CANCELLED);
  }
  return [...moves];
}

/** Progress 0..100 from a checklist: the share of ticked items, rounded down so 100 means every item. */
export function checklistProgress(items: readonly { done: boolean }[]): number | null {
  if (!items.length) return null;
  return Math.floor((items.filter((i) => i.done).length * 100) / items.length);
}
