import { thrownText } from '@gesit/platform/testing';
import { LetterStatus } from '@gesit/correspondence';
import { ApprovalDecision, ApprovalStepKind, ApprovalStepStatus } from './approval.enums';
import { assertOpenForDecision, decisionComment, decisionOutcome, planChain } from './approval-chain.rules';

describe('planChain', () => {
  it('orders reviewers first, then the signer', () => {
    expect(planChain('d', ['r1', 'r2'], 's')).toEqual([
      { order: 1, kind: ApprovalStepKind.REVIEW, approverId: 'r1' },
      { order: 2, kind: ApprovalStepKind.REVIEW, approverId: 'r2' },
      { order: 3, kind: ApprovalStepKind.SIGN, approverId: 's' },
    ]);
    expect(planChain('d', [], 's')).toEqual([{ order: 1, kind: ApprovalStepKind.SIGN, approverId: 's' }]);
  });

  it.each([
    ['more than three reviewers', ['a', 'b', 'c', 'e'], 's', /At most 3/],
    ['a repeated reviewer', ['a', 'a'], 's', /twice/],
    ['the signer among the reviewers', ['s'], 's', /signer cannot also/],
    ['the drafter as signer', ['a'], 'd', /drafter cannot approve/],
    ['the drafter as reviewer', ['d'], 's', /drafter cannot approve/],
  ])('refuses %s', (_, reviewers, signer, message) => {
    expect(thrownText(() => planChain('d', reviewers, signer))).toMatch(message);
  });
});

describe('decisions', () => {
  it('requires a comment to return or reject, not to approve', () => {
    expect(decisionComment(ApprovalDecision.APPROVE, '  ')).toBeNull();
    expect(decisionComment(ApprovalDecision.RETURN, ' Perbaiki dasar hukum ')).toBe('Perbaiki dasar hukum');
    expect(thrownText(() => decisionComment(ApprovalDecision.RETURN, ' '))).toMatch(/needs a comment/);
    expect(thrownText(() => decisionComment(ApprovalDecision.REJECT, null))).toMatch(/needs a comment/);
  });

  it.each([
    [ApprovalDecision.APPROVE, ApprovalStepKind.REVIEW, ApprovalStepStatus.APPROVED, null, true, false],
    [ApprovalDecision.APPROVE, ApprovalStepKind.SIGN, ApprovalStepStatus.APPROVED, LetterStatus.SIGNED, false, true],
    [ApprovalDecision.RETURN, ApprovalStepKind.REVIEW, ApprovalStepStatus.RETURNED, LetterStatus.RETURNED, false, false],
    [ApprovalDecision.REJECT, ApprovalStepKind.SIGN, ApprovalStepStatus.REJECTED, LetterStatus.REJECTED, false, false],
  ])('%s on a %s step', (decision, kind, step, letter, openNext, sign) => {
    expect(decisionOutcome(decision, kind)).toEqual({ step, letter, openNext, sign });
  });
});

describe('assertOpenForDecision', () => {
  const inReview = { status: LetterStatus.IN_REVIEW, revision: 2 };
  it('lets the approver decide a PENDING step of the letter under review', () => {
    expect(() => assertOpenForDecision({ status: ApprovalStepStatus.PENDING, revision: 2 })).not.toThrow();
    expect(() => assertOpenForDecision({ status: ApprovalStepStatus.PENDING, revision: 2 }, inReview)).not.toThrow();
  });

  it.each([
    ['a step waiting for an earlier one', ApprovalStepStatus.WAITING, 2, inReview, /earlier step .* still open/],
    ['a step decided already', ApprovalStepStatus.APPROVED, 2, inReview, /no longer open for a decision: it was already approved;/],
    [
      'a step of a superseded chain',
      ApprovalStepStatus.SUPERSEDED,
      2,
      inReview,
      /no longer open for a decision: it was replaced by a newer revision/,
    ],
    [
      'a step of an older revision',
      ApprovalStepStatus.PENDING,
      1,
      inReview,
      /no longer open for a decision: the letter has left review or was revised/,
    ],
    [
      'a step of a letter no longer in review',
      ApprovalStepStatus.PENDING,
      2,
      { ...inReview, status: LetterStatus.RETURNED },
      /no longer open for a decision: the letter has left review/,
    ],
  ])('refuses %s as a CONFLICT', (_, status, revision, letter, message) => {
    expect(() => assertOpenForDecision({ status, revision }, letter)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', text: expect.objectContaining({ en: expect.stringMatching(message) }) }),
    );
  });

  it('says in Indonesian what became of a decided step, without the status code', () => {
    expect(() => assertOpenForDecision({ status: ApprovalStepStatus.RETURNED, revision: 2 }, inReview)).toThrow(
      expect.objectContaining({
        text: expect.objectContaining({
          id: 'Langkah ini tidak lagi terbuka untuk diputuskan: sudah dikembalikan untuk diperbaiki; muat ulang suratnya.',
        }),
      }),
    );
  });
});
