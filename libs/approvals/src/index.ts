export * from './signing';
export { ApprovalsModule } from './approvals.module';
export { ApprovalStepEntity } from './chain/approval-step.entity';
export { ApprovalStepKind, ApprovalStepStatus, ApprovalDecision } from './chain/approval.enums';
export { OutgoingNumberFormatEntity } from './numbering/outgoing-number-format.entity';
export { LetterTemplateEntity, PaperSize } from './composition/letter-template.entity';
export { LetterContentEntity } from './composition/letter-content.entity';
export { ApprovalSheetEntity } from './signing/approval-sheet.entity';
export { type ComposedLetter, composedLetterPdf, layOutLetter } from './composition/letter-layout';
export { findPlaceholders, readTextLayer } from './pdf/text-layer';
export { DEMO_LETTER_TEMPLATE } from './composition/demo-letter-template';
export {
  APPROVAL_STEP_OPENED_EVENT,
  LETTER_SIGNED_EVENT,
  type ApprovalStepOpened,
  type ApprovalsEvents,
  type LetterSigned,
} from './approvals-events';
