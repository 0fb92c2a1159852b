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
  /** As printed; absent from events queued before it was carried. */
  signerName?: string;
}

/** A step sent the draft back to its drafter (RETURNED) or ended the chain (REJECTED), with the approver's comment. */
export interface ApprovalDecided {
  stepId: string;
  letterId: string;
  decidedById: string;
  actingForId: string | null;
  comment: string | null;
}

/** The events of approval chains, handed to later contexts through the outbox: event name → payload. */
export interface ApprovalEvents {
  'approval.step.opened': ApprovalStepOpened;
  'letter.signed': LetterSigned;
  'approval.returned': ApprovalDecided;
  'approval.rejected': ApprovalDecided;
}

/** One queue carries them; notifications (reminders, new-work notices) consumes it. */
export const APPROVAL_EVENTS = defineQueue<ApprovalEvents>('approval-events');
