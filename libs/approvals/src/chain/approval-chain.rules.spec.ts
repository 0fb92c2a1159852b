import { DelegationKind } from '@gesit/identity';
import { LetterStatus } from '@gesit/correspondence';
import { ApprovalDecision, ApprovalStepKind, ApprovalStepStatus } from './approval.enums';
import { decisionComment, decisionOutcome, planChain, printedDate, signingLine } from './approval-chain.rules';

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
    expect(() => planChain('d', reviewers, signer)).toThrow(message);
  });
});

describe('decisions', () => {
  it('requires a comment to return or reject, not to approve', () => {
    expect(decisionComment(ApprovalDecision.APPROVE, '  ')).toBeNull();
    expect(decisionComment(ApprovalDecision.RETURN, ' Perbaiki dasar hukum ')).toBe('Perbaiki dasar hukum');
    expect(() => decisionComment(ApprovalDecision.RETURN, ' ')).toThrow(/needs a comment/);
    expect(() => decisionComment(ApprovalDecision.REJECT, null)).toThrow(/needs a comment/);
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

describe('signingLine', () => {
  it('names the delegation and the official’s position, or nothing', () => {
    expect(signingLine(DelegationKind.PLH, 'Kepala Dinas')).toBe('Plh. Kepala Dinas');
    expect(signingLine(DelegationKind.PLT, 'Kepala Dinas')).toBe('Plt. Kepala Dinas');
    expect(signingLine(null, 'Kepala Dinas')).toBeUndefined();
  });

  it('signs in the name of an official above with a.n.', () => {
    expect(signingLine(null, null, 'Kepala Dinas')).toBe('a.n. Kepala Dinas');
    expect(signingLine(DelegationKind.PLH, 'Sekretaris', 'Kepala Dinas')).toBe('a.n. Kepala Dinas, Plh. Sekretaris');
  });

  it('prints dates in Indonesian, in the office zone', () => {
    expect(printedDate(new Date('2026-11-26T18:30:00Z'), 'Asia/Jakarta')).toBe('27 November 2026');
    expect(printedDate(new Date('2026-11-26T16:30:00Z'), 'Asia/Jakarta')).toBe('26 November 2026');
  });
});
