import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '../auth/auth.decorators';
import { AuditService } from './audit.service';
import { AuditChainStatusType, AuditEventType } from './audit.types';

@Resolver(() => AuditEventType)
@Roles('ADMIN')
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEventType], { description: 'ADMIN: every recorded change of one entity, oldest first.' })
  auditTrail(@Args('entityType') entityType: string, @Args('entityId', { type: () => ID }) entityId: string): Promise<AuditEventType[]> {
    return this.audit.trail(entityType, entityId);
  }

  @Query(() => AuditChainStatusType, { description: 'ADMIN: recomputes the hash chain of the audit log and names the first broken event.' })
  verifyAuditChain(): Promise<AuditChainStatusType> {
    return this.audit.verifyChain();
  }
}
