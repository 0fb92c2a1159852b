export * from './classification';
export * from './numbering/number-format';
export * from './letters/letter.enums';
export {
  LetterEntity,
  LetterFileEntity,
  LetterAddresseeEntity,
  LetterRecipientEntity,
  LetterEventEntity,
  NumberSequenceEntity,
} from './letters/letter.entity';
export { DispositionEntity, DispositionAssignmentEntity, AssignmentFileEntity } from './dispositions/disposition.entity';
export { DispositionInstruction, AssignmentStatus } from './dispositions/disposition.enums';
export { LetterType } from './letters/letter.types';
export { DispositionType, DispositionAssignmentType } from './dispositions/disposition.types';
export { DispositionWriter, type AssignmentPlan, type CreatedDisposition } from './dispositions/disposition-writer';
export { LetterAccessService } from './letters/letter-access.service';
export { LetterAccessModule } from './letters/letter-access.module';
export { LetterAudience } from './letters/letter-audience';
export { readersSql, type NamedOnLetterSql, type NamedOnLetters, type People } from './letters/letter-access.sql';
export { SlaReportService } from './sla-report/sla-report.service';
export { teamDigestSql } from './dispositions/team-digest.sql';
export { LettersService } from './letters/letters.service';
export { LetterLoaders } from './letters/letter-loaders.service';
export { DispositionsService } from './dispositions/dispositions.service';
export { DispositionLoaders } from './dispositions/disposition-loaders.service';
export { instructionLabel } from './timeline/timeline-text';
export { NumberingService, type SequenceKind } from './letters/numbering.service';
export { LetterJournalService } from './letters/letter-journal.service';
export {
  CORRESPONDENCE_EVENTS,
  type CorrespondenceEvents,
  type DispositionCreated,
  type DispositionWithdrawn,
  type AssignmentCompleted,
} from './correspondence-events';
export { CorrespondenceModule } from './correspondence.module';
export {
  AssignmentFollowUp,
  type OpenAssignment,
  ASSIGNMENT_FOLLOW_UPS_DUE_SQL,
  DISPOSITION_EVENTS_SQL,
} from './dispositions/assignment-follow-up';
export { requiredText, optionalText, distinctIds } from './letters/registration.rules';
