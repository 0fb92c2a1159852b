import { Global, Module } from '@nestjs/common';
import { AuditAnchorService } from './audit-anchor.service';
import { AuditService } from './audit.service';

@Global()
@Module({ providers: [AuditService, AuditAnchorService], exports: [AuditService, AuditAnchorService] })
export class AuditModule {}
