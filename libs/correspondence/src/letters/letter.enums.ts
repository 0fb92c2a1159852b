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

/** CONFIDENTIAL and SECRET letters never go beyond the people named on them. */
export const isClassified = (level: SecurityLevel): boolean => level === SecurityLevel.CONFIDENTIAL || level === SecurityLevel.SECRET;

/** The opposite of isClassified as an SQL condition on the security level column `level`. */
export const notClassifiedSql = (level: string): string => `${level} IN ('${SecurityLevel.PUBLIC}', '${SecurityLevel.RESTRICTED}')`;

registerEnumType(LetterDirection, { name: 'LetterDirection' });
registerEnumType(LetterKind, { name: 'LetterKind' });
registerEnumType(SecurityLevel, { name: 'SecurityLevel' });
registerEnumType(LetterStatus, { name: 'LetterStatus' });
