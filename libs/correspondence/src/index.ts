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
export { namedAmong as namedOnLetterSql, belowUserCte, readableLetterSql } from './access/letter-access.sql';
export { LettersService, type AssignmentPlan } from './letters/letters.service';
export { LetterLoaders } from './letters/letter-loaders.service';
export { NumberingService, type SequenceKind } from './letters/numbering.service';
export { LetterJournalService, CORRESPONDENCE_EVENTS_QUEUE } from './letters/letter-journal.service';
export { PeopleDirectory, type PlacedUser } from './access/people.directory';
export { CorrespondenceModule } from './correspondence.module';
export { requiredText, optionalText, distinctIds } from './letters/registration.rules';
