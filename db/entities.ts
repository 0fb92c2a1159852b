import { HolidayEntity, SlaPolicyEntity, WorkingHoursEntity } from '@gesit/calendar';
import { ClassificationCodeEntity } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { AuditEventEntity, OutboxMessageEntity } from '@gesit/platform';

/** Every entity of every library: the one list the apps and the migration CLI share. */
export const entities = [
  AuditEventEntity,
  OutboxMessageEntity,
  StoredFileEntity,
  HolidayEntity,
  WorkingHoursEntity,
  SlaPolicyEntity,
  ClassificationCodeEntity,
];
