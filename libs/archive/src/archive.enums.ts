import { registerEnumType } from '@nestjs/graphql';

export enum RecordPhase {
  ACTIVE = 'ACTIVE',
  INACTIVE = 'INACTIVE',
  DUE_FOR_DISPOSAL = 'DUE_FOR_DISPOSAL',
  DESTROYED = 'DESTROYED',
  TRANSFERRED = 'TRANSFERRED',
}

export enum OcrStatus {
  NOT_NEEDED = 'NOT_NEEDED',
  PENDING = 'PENDING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

export enum RecordOriginality {
  ORIGINAL = 'ORIGINAL',
  COPY = 'COPY',
  CARBON_COPY = 'CARBON_COPY',
  FILE_COPY = 'FILE_COPY',
}

export enum ImportStatus {
  VALIDATING = 'VALIDATING',
  VALIDATED = 'VALIDATED',
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

export enum DisposalKind {
  DESTROY = 'DESTROY',
  TRANSFER = 'TRANSFER',
}

export enum DisposalStatus {
  PROPOSED = 'PROPOSED',
  APPRAISED = 'APPRAISED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  EXECUTED = 'EXECUTED',
}

registerEnumType(RecordPhase, { name: 'RecordPhase' });
registerEnumType(OcrStatus, { name: 'OcrStatus' });
registerEnumType(RecordOriginality, { name: 'RecordOriginality' });
registerEnumType(ImportStatus, { name: 'ImportStatus' });
registerEnumType(DisposalKind, { name: 'DisposalKind' });
registerEnumType(DisposalStatus, { name: 'DisposalStatus' });
