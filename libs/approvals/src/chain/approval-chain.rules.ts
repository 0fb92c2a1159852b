import { DelegationKind } from '@gesit/identity';
import { badInput } from '@gesit/platform';
import { LetterStatus } from '@gesit/correspondence';
import { ApprovalDecision, ApprovalStepKind, ApprovalStepStatus } from './approval.enums';

export const MAX_REVIEWERS = 3;

export interface PlannedStep {
  order: number;
  kind: ApprovalStepKind;
  approverId: string;
}

/** The chain a submission asks for: reviewers in order, then the signer; refuses what the rules of flow 2 forbid. */
export function planChain(drafterId: string, reviewerIds: readonly string[], signerId: string): PlannedStep[] {
  if (reviewerIds.length > MAX_REVIEWERS) {
    throw badInput(`At most ${MAX_REVIEWERS} reviewers may initial a letter before it is signed.`, { field: 'reviewerIds' });
  }
  if (new Set(reviewerIds).size !== reviewerIds.length)
    throw badInput('reviewerIds lists the same person twice.', { field: 'reviewerIds' });
  if (reviewerIds.includes(signerId)) throw badInput('The signer cannot also be a reviewer.', { field: 'reviewerIds' });
  if (signerId === drafterId || reviewerIds.includes(drafterId)) {
    throw badInput('The drafter cannot approve their own letter; choose other reviewers and signer.', {
      field: signerId === drafterId ? 'signerId' : 'reviewerIds',
    });
  }
  return [
    ...reviewerIds.map((approverId, i) => ({ order: i + 1, kind: ApprovalStepKind.REVIEW, approverId })),
    { order: reviewerIds.length + 1, kind: ApprovalStepKind.SIGN, approverId: signerId },
  ];
}

/** The comment of a decision: required for RETURN and REJECT (the drafter must know what to change). */
export function decisionComment(decision: ApprovalDecision, comment: string | null | undefined): string | null {
  const text = (comment ?? '').trim();
  if (text.length > 4000) throw badInput('comment is longer than 4000 characters.', { field: 'comment' });
  if (!text && decision !== ApprovalDecision.APPROVE) {
    throw badInput(`A ${decision} needs a comment that tells the drafter why.`, { field: 'comment' });
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

/**
 * The line above the signer's title: 'a.n. Kepala Dinas' when the signer signs in the name of an
 * official above them (atas nama), 'Plh. Kepala Dinas' / 'Plt. …' when a Plh/Plt signs for the
 * official, both when both apply; nothing when the official signs in person and in their own name.
 */
export function signingLine(
  delegation: DelegationKind | null,
  officialTitle: string | null,
  onBehalfOfTitle: string | null = null,
): string | undefined {
  const parts: string[] = [];
  if (onBehalfOfTitle) parts.push(`a.n. ${onBehalfOfTitle}`);
  if (delegation && officialTitle) parts.push(`${delegation === DelegationKind.PLH ? 'Plh.' : 'Plt.'} ${officialTitle}`);
  return parts.length ? parts.join(', ') : undefined;
}

/** A date as printed on a letter, e.g. '27 November 2026', in the office's zone. */
export function printedDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}
