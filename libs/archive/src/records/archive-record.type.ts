import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { LetterType, SecurityLevel } from '@gesit/correspondence';
import { Connection, LocalDateScalar } from '@gesit/platform';
import { OcrStatus, RecordOriginality } from '../archive.enums';

@ObjectType('ArchiveRecord', { description: 'An archived record: a scan or stored file, or a letter with its files.' })
export class ArchiveRecordType {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => LocalDateScalar)
  documentDate: string;

  @Field(() => SecurityLevel)
  securityLevel: SecurityLevel;

  @Field(() => RecordOriginality)
  originality: RecordOriginality;

  @Field(() => Int, { nullable: true })
  pageCount: number | null;

  @Field(() => OcrStatus)
  ocrStatus: OcrStatus;

  @Field(() => LocalDateScalar)
  activeUntil: string;

  @Field(() => LocalDateScalar)
  inactiveUntil: string;

  @Field()
  archivedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When disposal destroyed its content; the record stays as a tombstone.' })
  destroyedAt: Date | null;

  classificationCode: string;
  dossierId: string | null;
  letterId: string | null;
  fileId: string;
  searchableFileId: string | null;
  archivedById: string;
}

export const ArchiveRecordConnection = Connection(ArchiveRecordType, 'ArchiveRecord');

/** Letters waiting to be filed: completed incoming and sent outgoing letters with no record yet. */
export const UnfiledLetterConnection = Connection(LetterType, 'UnfiledLetter');

@InputType()
export class ArchiveFileInput {
  @Field(() => ID)
  fileId: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field()
  classificationCode: string;

  @Field(() => ID, { nullable: true })
  dossierId?: string | null;

  @Field(() => LocalDateScalar)
  documentDate: string;

  @Field(() => SecurityLevel)
  securityLevel: SecurityLevel;

  @Field(() => RecordOriginality, { nullable: true })
  originality?: RecordOriginality | null;
}

@InputType()
export class ArchiveLetterInput {
  @Field(() => ID)
  letterId: string;

  @Field(() => ID, { nullable: true })
  dossierId?: string | null;
}
