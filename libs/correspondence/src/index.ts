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
export { LetterType, DispositionType, DispositionAssignmentType } from './letters/letter.types';
export { LetterAccessService } from './access/letter-access.service';
export { SlaReportService } from './sla-report/sla-report.service';
export { TEAM_DIGEST_SQL } from './dispositions/team-digest.sql';
export { LettersService, type AssignmentPlan } from './letters/letters.service';
export { LetterLoaders } from './letters/letter-loaders.service';
export { DispositionsService } from './dispositions/dispositions.service';
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
export { AssignmentFollowUp, type OpenAssignment, ASSIGNMENT_FOLLOW_UPS_DUE_SQL } from './dispositions/assignment-follow-up';
export { requiredText, optionalText, distinctIds } from './letters/registration.rules';
