import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { AuditAnchorService } from './audit-anchor.service';
import { AuditService } from './audit.service';
import { AuditChainStatusType, AuditCheckpointType, AuditEventType } from './audit.types';

@Resolver(() => AuditEventType)
@Roles('ADMIN')
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly anchor: AuditAnchorService,
  ) {}

  @Query(() => [AuditEventType], { description: 'ADMIN: every recorded change of one entity, oldest first.' })
  auditTrail(@Args('entityType') entityType: string, @Args('entityId', { type: () => ID }) entityId: string): Promise<AuditEventType[]> {
    return this.audit.trail(entityType, entityId);
  }

  @Query(() => AuditChainStatusType, {
    description:
      'ADMIN: recomputes the hash chain of the audit log, holds it against the signed checkpoints, and names the first broken event or the missing tail.',
  })
  verifyAuditChain(): Promise<AuditChainStatusType> {
    return this.anchor.verify();
  }

  @Mutation(() => AuditCheckpointType, {
    nullable: true,
    description:
      'ADMIN: writes a signed checkpoint of the audit chain now (the worker writes one every AUDIT_CHECKPOINT_EVERY_MINUTES); null while the log is empty.',
  })
  writeAuditCheckpoint(): Promise<AuditCheckpointType | null> {
    return this.anchor.write();
  }
}
