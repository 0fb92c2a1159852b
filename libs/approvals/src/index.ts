export * from './signing';
export { ApprovalsModule } from './approvals.module';
export { ApprovalStepEntity } from './chain/approval-step.entity';
export { ApprovalStepKind, ApprovalStepStatus, ApprovalDecision } from './chain/approval.enums';
export { OutgoingNumberFormatEntity } from './numbering/outgoing-number-format.entity';
