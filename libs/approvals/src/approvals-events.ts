/**
 * The events the approvals library hands to later contexts through the outbox: the event name is the job
 * name, and `ApprovalsEvents` gives each its payload. SLA reminders and notifications consume them.
 */
export const APPROVAL_STEP_OPENED_EVENT = 'approval.step.opened';

/** A step became someone's turn: reminders are scheduled from its due times. */
// Type aliases, not interfaces: the journal takes payloads as records.
export type ApprovalStepOpened = {
  stepId: string;
  letterId: string;
  approverId: string;
  kind: 'REVIEW' | 'SIGN';
  /** ISO times, null when the approver's calendar gives none. */
  dueAt: string | null;
  dueSoonAt: string | null;
};

/** The signer approved: the letter has its number and signed file. */
export const LETTER_SIGNED_EVENT = 'letter.signed';

export type LetterSigned = {
  letterId: string;
  number: string;
  signedFileId: string;
};

export interface ApprovalsEvents {
  [APPROVAL_STEP_OPENED_EVENT]: ApprovalStepOpened;
  [LETTER_SIGNED_EVENT]: LetterSigned;
}
