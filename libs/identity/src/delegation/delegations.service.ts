import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { AuditService, badInput, conflict, forbidden, inTransaction, notFound, type Principal, isUuid } from '@gesit/platform';
import { Role } from '../users/role';
import { UserEntity } from '../users/user.entity';
import { CreateDelegationInput } from './create-delegation.input';
import { checkWindow, normaliseReason } from './delegation-rules';
import { DelegationEntity } from './delegation.entity';

const isAdmin = (principal: Principal): boolean => principal.roles.includes(Role.ADMIN);

@Injectable()
export class DelegationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(caller: Principal, input: CreateDelegationInput): Promise<DelegationEntity> {
    const fromUserId = input.fromUserId ?? caller.userId;
    if (fromUserId !== caller.userId && !isAdmin(caller)) throw forbidden('Only an ADMIN may appoint a Plh or Plt for someone else.');
    if (fromUserId === input.toUserId) throw badInput('An official cannot be their own Plh or Plt.');
    checkWindow(input.startsAt, input.endsAt, new Date());
    const reason = normaliseReason(input.reason);
    try {
      return await inTransaction(this.dataSource, async (em) => {
        for (const [what, id] of [
          ['Official', fromUserId],
          ['Delegate', input.toUserId],
        ] as const) {
          if (!isUuid(id) || !(await em.existsBy(UserEntity, { id }))) throw notFound(`${what} (user)`, id);
        }
        const delegation = em.create(DelegationEntity, {
          id: randomUUID(),
          kind: input.kind,
          fromUserId,
          toUserId: input.toUserId,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          reason,
          createdById: caller.userId,
          revokedAt: null,
          revokedById: null,
        });
        await em.insert(DelegationEntity, delegation);
        await this.audit.record(em, {
          actorId: caller.userId,
          action: 'delegation.created',
          entityType: 'Delegation',
          entityId: delegation.id,
          change: { kind: input.kind, fromUserId, toUserId: input.toUserId, startsAt: input.startsAt, endsAt: input.endsAt, reason },
        });
        return delegation;
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23P01') {
        throw conflict(
          'This official already has a Plh or Plt for part of that time. Revoke that delegation first or choose another window.',
        );
      }
      throw error;
    }
  }

  revoke(caller: Principal, id: string): Promise<DelegationEntity> {
    return inTransaction(this.dataSource, async (em) => {
      const delegation = isUuid(id) ? await em.findOne(DelegationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!delegation || !(isAdmin(caller) || [delegation.fromUserId, delegation.toUserId].includes(caller.userId))) {
        throw notFound('Delegation', id);
      }
      if (delegation.fromUserId !== caller.userId && !isAdmin(caller))
        throw forbidden('Only the official or an ADMIN may revoke this delegation.');
      if (delegation.revokedAt) throw conflict('This delegation was already revoked.');
      const now = new Date();
      if (delegation.endsAt <= now) throw conflict('This delegation has already ended.');
      delegation.revokedAt = now;
      delegation.revokedById = caller.userId;
      await em.update(DelegationEntity, { id }, { revokedAt: now, revokedById: caller.userId });
      await this.audit.record(em, { actorId: caller.userId, action: 'delegation.revoked', entityType: 'Delegation', entityId: id });
      return delegation;
    });
  }

  /** The caller's delegations, given and received (every delegation for an ADMIN), latest first. */
  list(caller: Principal, activeOnly: boolean): Promise<DelegationEntity[]> {
    const query = this.dataSource.getRepository(DelegationEntity).createQueryBuilder('d').orderBy('d.starts_at', 'DESC');
    if (!isAdmin(caller)) {
      query.where(new Brackets((q) => q.where('d.from_user_id = :me', { me: caller.userId }).orWhere('d.to_user_id = :me')));
    }
    if (activeOnly) query.andWhere('d.revoked_at IS NULL AND d.starts_at <= now() AND d.ends_at > now()');
    return query.getMany();
  }

  /** The officials whose Plh/Plt `userId` holds at `at`. */
  async officialsActedFor(userId: string, at: Date): Promise<string[]> {
    const rows = await this.dataSource.getRepository(DelegationEntity).find({
      select: { fromUserId: true },
      where: { toUserId: userId, revokedAt: IsNull(), startsAt: LessThanOrEqual(at), endsAt: MoreThan(at) },
    });
    return rows.map((d) => d.fromUserId);
  }
}
