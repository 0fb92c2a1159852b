import { registerEnumType } from '@nestjs/graphql';

export enum ApprovalStepKind {
  REVIEW = 'REVIEW',
  SIGN = 'SIGN',
}

export enum ApprovalStepStatus {
  WAITING = 'WAITING',
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
  REJECTED = 'REJECTED',
  SUPERSEDED = 'SUPERSEDED',
}

export enum ApprovalDecision {
  APPROVE = 'APPROVE',
  RETURN = 'RETURN',
  REJECT = 'REJECT',
}

registerEnumType(ApprovalStepKind, {
  name: 'ApprovalStepKind',
  valuesMap: { REVIEW: { description: 'paraf' }, SIGN: { description: 'tanda tangan: always the last step' } },
});
registerEnumType(ApprovalStepStatus, {
  name: 'ApprovalStepStatus',
  valuesMap: {
    WAITING: { description: 'an earlier step is still open' },
    PENDING: { description: "it is this approver's turn" },
    SUPERSEDED: { description: 'the draft was revised and the chain restarted' },
  },
});
registerEnumType(ApprovalDecision, { name: 'ApprovalDecision' });
