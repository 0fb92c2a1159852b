import { defineQueue } from '@gesit/platform';
import type { ApprovalStepKind } from './chain/approval.enums';

/** An approval step became someone's turn (ISO times; null when the step has no SLA). */
export interface ApprovalStepOpened {
  stepId: string;
  letterId: string;
  approverId: string;
  kind: ApprovalStepKind;
  dueAt: string | null;
  dueSoonAt: string | null;
}

export interface LetterSigned {
  letterId: string;
  number: string;
  signedFileId: string;
}

/** The events of approval chains, handed to later contexts through the outbox: event name → payload. */
export interface ApprovalEvents {
  'approval.step.opened': ApprovalStepOpened;
  'letter.signed': LetterSigned;
}

/** One queue carries them; notifications (reminders, new-work notices) consumes it. */
export const APPROVAL_EVENTS = defineQueue<ApprovalEvents>('approval-events');
