import { registerEnumType } from '@nestjs/graphql';

export enum LetterDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}

export enum LetterKind {
  OFFICIAL_LETTER = 'OFFICIAL_LETTER',
  MEMO = 'MEMO',
  INVITATION = 'INVITATION',
  CIRCULAR = 'CIRCULAR',
  DECREE = 'DECREE',
  ASSIGNMENT_LETTER = 'ASSIGNMENT_LETTER',
  REPORT = 'REPORT',
  OTHER = 'OTHER',
}

export enum SecurityLevel {
  PUBLIC = 'PUBLIC',
  RESTRICTED = 'RESTRICTED',
  CONFIDENTIAL = 'CONFIDENTIAL',
  SECRET = 'SECRET',
}

export enum LetterStatus {
  REGISTERED = 'REGISTERED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  RETURNED = 'RETURNED',
  REJECTED = 'REJECTED',
  SIGNED = 'SIGNED',
  SENT = 'SENT',
  ARCHIVED = 'ARCHIVED',
}

export enum DispositionInstruction {
  FOLLOW_UP = 'FOLLOW_UP',
  STUDY = 'STUDY',
  PREPARE_REPLY = 'PREPARE_REPLY',
  GIVE_ADVICE = 'GIVE_ADVICE',
  FOR_INFORMATION = 'FOR_INFORMATION',
  ATTEND = 'ATTEND',
  COORDINATE = 'COORDINATE',
  DISCUSS_WITH_ME = 'DISCUSS_WITH_ME',
  PROCESS_PER_REGULATION = 'PROCESS_PER_REGULATION',
  FILE = 'FILE',
}

export enum AssignmentStatus {
  UNREAD = 'UNREAD',
  READ = 'READ',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

/** CONFIDENTIAL and SECRET letters never go beyond the people named on them. */
export const isClassified = (level: SecurityLevel): boolean => level === SecurityLevel.CONFIDENTIAL || level === SecurityLevel.SECRET;

registerEnumType(LetterDirection, { name: 'LetterDirection' });
registerEnumType(LetterKind, { name: 'LetterKind' });
registerEnumType(SecurityLevel, { name: 'SecurityLevel' });
registerEnumType(LetterStatus, { name: 'LetterStatus' });
registerEnumType(DispositionInstruction, { name: 'DispositionInstruction' });
registerEnumType(AssignmentStatus, { name: 'AssignmentStatus' });
