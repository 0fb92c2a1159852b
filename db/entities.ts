import { ApprovalStepEntity, OutgoingNumberFormatEntity } from '@gesit/approvals';
import { HolidayEntity, SlaPolicyEntity, WorkingHoursEntity } from '@gesit/calendar';
import {
  AssignmentFileEntity,
  ClassificationCodeEntity,
  DispositionAssignmentEntity,
  DispositionEntity,
  LetterAddresseeEntity,
  LetterEntity,
  LetterEventEntity,
  LetterFileEntity,
  LetterRecipientEntity,
  NumberSequenceEntity,
} from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { DelegationEntity, RecoveryCodeEntity, RefreshTokenEntity, SessionEntity, UserEntity } from '@gesit/identity';
import { NotificationDeliveryEntity, NotificationEntity, NotificationPreferenceEntity } from '@gesit/notifications';
import { PositionEntity, UnitEntity } from '@gesit/organisation';
import { AuditEventEntity, OutboxMessageEntity } from '@gesit/platform';

/** Every entity of every library: the one list the apps and the migration CLI share. */
export const entities = [
  AuditEventEntity,
  OutboxMessageEntity,
  StoredFileEntity,
  UnitEntity,
  PositionEntity,
  UserEntity,
  SessionEntity,
  RefreshTokenEntity,
  RecoveryCodeEntity,
  DelegationEntity,
  HolidayEntity,
  WorkingHoursEntity,
  SlaPolicyEntity,
  ClassificationCodeEntity,
  LetterEntity,
  LetterFileEntity,
  LetterAddresseeEntity,
  LetterRecipientEntity,
  LetterEventEntity,
  NumberSequenceEntity,
  DispositionEntity,
  DispositionAssignmentEntity,
  AssignmentFileEntity,
  ApprovalStepEntity,
  OutgoingNumberFormatEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
];
