import { badInput, conflict, type Message, type OutboxJob } from '@gesit/platform';
import { LetterStatus } from '@gesit/correspondence';
import { ApprovalDecision, ApprovalStepKind, ApprovalStepStatus } from './approval.enums';
import type { ApprovalStepEntity } from './approval-step.entity';
import { APPROVAL_EVENTS } from '../approval-events';

export const MAX_REVIEWERS = 3;

export interface PlannedStep {
  order: number;
  kind: ApprovalStepKind;
  approverId: string;
}

/** The chain a submission asks for: reviewers in order, then the signer; refuses what the rules of flow 2 forbid. */
export function planChain(drafterId: string, reviewerIds: readonly string[], signerId: string): PlannedStep[] {
  if (reviewerIds.length > MAX_REVIEWERS) {
    throw badInput(
      {
        id: `Paling banyak ${MAX_REVIEWERS} pemeriksa dapat memaraf surat sebelum ditandatangani.`,
        en: `At most ${MAX_REVIEWERS} reviewers may initial a letter before it is signed.`,
      },
      { field: 'reviewerIds' },
    );
  }
  if (new Set(reviewerIds).size !== reviewerIds.length)
    throw badInput(
      { id: 'reviewerIds memuat orang yang sama dua kali.', en: 'reviewerIds lists the same person twice.' },
      { field: 'reviewerIds' },
    );
  if (reviewerIds.includes(signerId))
    throw badInput(
      { id: 'Penanda tangan tidak dapat sekaligus menjadi pemeriksa.', en: 'The signer cannot also be a reviewer.' },
      { field: 'reviewerIds' },
    );
  if (signerId === drafterId || reviewerIds.includes(drafterId)) {
    throw badInput(
      {
        id: 'Pembuat draf tidak dapat menyetujui suratnya sendiri; pilih pemeriksa dan penanda tangan lain.',
        en: 'The drafter cannot approve their own letter; choose other reviewers and signer.',
      },
      {
        field: signerId === drafterId ? 'signerId' : 'reviewerIds',
      },
    );
  }
  return [
    ...reviewerIds.map((approverId, i) => ({ order: i + 1, kind: ApprovalStepKind.REVIEW, approverId })),
    { order: reviewerIds.length + 1, kind: ApprovalStepKind.SIGN, approverId: signerId },
  ];
}

/** The comment of a decision: required for RETURN and REJECT (the drafter must know what to change). */
export function decisionComment(decision: ApprovalDecision, comment: string | null | undefined): string | null {
  const text = (comment ?? '').trim();
  if (text.length > 4000)
    throw badInput(
      { id: 'Catatan (comment) lebih dari 4000 karakter.', en: 'comment is longer than 4000 characters.' },
      { field: 'comment' },
    );
  if (!text && decision !== ApprovalDecision.APPROVE) {
    throw badInput(
      {
        id: `Keputusan ${decision} memerlukan catatan yang menjelaskan alasannya kepada pembuat draf.`,
        en: `A ${decision} needs a comment that tells the drafter why.`,
      },
      { field: 'comment' },
    );
  }
  return text || null;
}

export interface DecisionOutcome {
  step: ApprovalStepStatus;
  /** The letter's status afterwards; null while the chain goes on. */
  letter: LetterStatus | null;
  /** Open the next step. */
  openNext: boolean;
  /** Stamp, number and sign the letter. */
  sign: boolean;
}

/** Why a step is not open, in words: a PENDING step is closed only because its letter left review or was revised. */
const CLOSED_STEP_TEXT: Record<ApprovalStepStatus, Message> = {
  [ApprovalStepStatus.WAITING]: { id: 'langkah sebelumnya masih terbuka', en: 'an earlier step is still open' },
  [ApprovalStepStatus.PENDING]: {
    id: 'suratnya sudah tidak dalam pemeriksaan atau sudah direvisi',
    en: 'the letter has left review or was revised',
  },
  [ApprovalStepStatus.APPROVED]: { id: 'sudah disetujui', en: 'it was already approved' },
  [ApprovalStepStatus.RETURNED]: { id: 'sudah dikembalikan untuk diperbaiki', en: 'it was already returned for changes' },
  [ApprovalStepStatus.REJECTED]: { id: 'sudah ditolak', en: 'it was already rejected' },
  [ApprovalStepStatus.SUPERSEDED]: {
    id: 'digantikan oleh revisi surat yang lebih baru',
    en: 'it was replaced by a newer revision of the letter',
  },
};

/**
 * Refuses a decision on a step that is not this approver's turn: an earlier step is still open, the step
 * was decided already, or (with the letter) the letter left review or moved on to a newer revision.
 */
export function assertOpenForDecision(
  step: Pick<ApprovalStepEntity, 'status' | 'revision'>,
  letter?: { status: LetterStatus; revision: number },
): void {
  const open =
    step.status === ApprovalStepStatus.PENDING &&
    (!letter || (letter.status === LetterStatus.IN_REVIEW && letter.revision === step.revision));
  if (open) return;
  throw conflict(
    step.status === ApprovalStepStatus.WAITING
      ? {
          id: 'Langkah sebelumnya dalam rantai ini masih terbuka; langkah ini belum waktunya diputuskan.',
          en: 'An earlier step of this chain is still open; this step is not yet up for a decision.',
        }
      : {
          id: `Langkah ini tidak lagi terbuka untuk diputuskan: ${CLOSED_STEP_TEXT[step.status].id}; muat ulang suratnya.`,
          en: `This step is no longer open for a decision: ${CLOSED_STEP_TEXT[step.status].en}; reload the letter.`,
        },
    { status: step.status },
  );
}

export function decisionOutcome(decision: ApprovalDecision, kind: ApprovalStepKind): DecisionOutcome {
  switch (decision) {
    case ApprovalDecision.APPROVE:
      return kind === ApprovalStepKind.SIGN
        ? { step: ApprovalStepStatus.APPROVED, letter: LetterStatus.SIGNED, openNext: false, sign: true }
        : { step: ApprovalStepStatus.APPROVED, letter: null, openNext: true, sign: false };
    case ApprovalDecision.RETURN:
      return { step: ApprovalStepStatus.RETURNED, letter: LetterStatus.RETURNED, openNext: false, sign: false };
    case ApprovalDecision.REJECT:
      return { step: ApprovalStepStatus.REJECTED, letter: LetterStatus.REJECTED, openNext: false, sign: false };
  }
}

/** The outbox event when a step becomes someone's turn (reminders and notifications follow it). */
export function stepOpened(step: ApprovalStepEntity): OutboxJob {
  return APPROVAL_EVENTS.job('approval.step.opened', {
    stepId: step.id,
    letterId: step.letterId,
    approverId: step.approverId,
    kind: step.kind,
    dueAt: step.dueAt?.toISOString() ?? null,
    dueSoonAt: step.dueSoonAt?.toISOString() ?? null,
  });
}

/** A RETURN or REJECT tells the drafter, through notifications; an approval says nothing more than the next step does. */
export function decidedEvents(step: ApprovalStepEntity): OutboxJob[] {
  const name =
    step.status === ApprovalStepStatus.RETURNED
      ? 'approval.returned'
      : step.status === ApprovalStepStatus.REJECTED
        ? 'approval.rejected'
        : null;
  if (!name) return [];
  const payload = {
    stepId: step.id,
    letterId: step.letterId,
    decidedById: step.decidedById!,
    actingForId: step.actingForId,
    comment: step.comment,
  };
  return [APPROVAL_EVENTS.job(name, payload)];
}
