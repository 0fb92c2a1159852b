export { AuditEventEntity } from './audit-event.entity';
export { AuditService, type AuditRecord, type AuditChainStatus } from './audit.service';
export { auditHash, canonicalJson } from './audit-hash';
export { AuditModule } from './audit.module';
export { AuditAnchorService, type LoadedCheckpoints } from './audit-anchor.service';
export { type AuditCheckpoint, type SignedAuditCheckpoint, checkpointKey } from './audit-checkpoint';
export { AuditResolver } from './audit.resolver';
export { AuditEventType, AuditChainStatusType, AuditCheckpointType } from './audit.types';
