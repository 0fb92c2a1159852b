export { AuditEventEntity } from './audit-event.entity';
export { AuditService, type AuditRecord, type AuditChainStatus } from './audit.service';
export { auditHash, canonicalJson } from './audit-hash';
export { AuditModule } from './audit.module';
export { AuditResolver } from './audit.resolver';
export { AuditEventType, AuditChainStatusType } from './audit.types';
