export * from './signing';
export { ApprovalsModule } from './approvals.module';
export { ApprovalAudienceModule } from './access/approval-audience.module';
export { APPROVAL_EVENTS, type ApprovalEvents, type ApprovalStepOpened, type LetterSigned, type ApprovalDecided } from './approval-events';
export { ApprovalStepEntity } from './chain/approval-step.entity';
export { StepFollowUp, type PendingStep, STEP_FOLLOW_UPS_DUE_SQL } from './chain/step-follow-up';
export { ApprovalStepKind, ApprovalStepStatus, ApprovalDecision } from './chain/approval.enums';
export { OutgoingNumberFormatEntity } from './numbering/outgoing-number-format.entity';
