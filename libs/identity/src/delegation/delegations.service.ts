import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, type FindOptionsWhere, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import {
  AuditService,
  FieldChecks,
  conflict,
  forbidden,
  inTransaction,
  notFound,
  OutboxService,
  type Principal,
  isUuid,
} from '@gesit/platform';
import { ChainOfCommandService } from '../directory/chain-of-command.service';
import { delegationInForceSql, PLACED_USERS, READERS_NOW_SQL, type Readers } from '../directory/people.sql';
import { Role } from '../users/role';
import { UserEntity } from '../users/user.entity';
import { CreateDelegationInput } from './create-delegation.input';
import { IDENTITY_EVENTS } from '../identity-events';
import type { DelegationNotice } from './delegation-events';
import { checkAppointer, checkWindow, normaliseReason } from './delegation-rules';
import { DelegationEntity } from './delegation.entity';
import type { DelegationKind } from './delegation-kind';

const isAdmin = (principal: Principal): boolean => principal.roles.includes(Role.ADMIN);

@Injectable()
export class DelegationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly chain: ChainOfCommandService,
  ) {}

  async create(caller: Principal, input: CreateDelegationInput): Promise<DelegationEntity> {
    const fromUserId = input.fromUserId ?? caller.userId;
    // Every bad field is reported at once.
    const checks = new FieldChecks();
    if (fromUserId === input.toUserId)
      checks.add('toUserId', {
        id: 'Seorang pejabat tidak dapat menjadi Plh atau Plt bagi dirinya sendiri.',
        en: 'An official cannot be their own Plh or Plt.',
      });
    checks.run(() => checkWindow(input.startsAt, input.endsAt, new Date()), undefined);
    const reason = checks.run(() => normaliseReason(input.reason), null);
    const people = [
      ['fromUserId', fromUserId, { id: 'Pejabat yang digantikan', en: 'The official' }],
      ['toUserId', input.toUserId, { id: 'Pengguna yang ditunjuk sebagai Plh/Plt', en: 'The delegate' }],
    ] as const;
    const users = this.dataSource.getRepository(UserEntity);
    const found = await Promise.all(people.map(([, id]) => (isUuid(id) ? users.existsBy({ id }) : false)));
    people.forEach(([field, , what], i) => {
      if (!found[i]) checks.add(field, notFound(what).text, 'NOT_FOUND');
    });
    checks.done();
    // Read before the transaction: the chain comes from a pooled connection of its own.
    const officialSuperiors = fromUserId === caller.userId || !isUuid(fromUserId) ? [] : await this.chain.leadersAbove(fromUserId);
    checkAppointer({
      callerId: caller.userId,
      callerIsAdmin: isAdmin(caller),
      officialId: fromUserId,
      appointeeId: input.toUserId,
      kind: input.kind,
      officialSuperiors,
    });
    try {
      return await inTransaction(this.dataSource, async (em) => {
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
        await this.outbox.add(
          em,
          IDENTITY_EVENTS.job('delegation.created', { delegationId: delegation.id }, { jobId: `delegation-${delegation.id}-created` }),
        );
        return delegation;
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23P01') {
        throw conflict({
          id: 'Pejabat ini sudah mempunyai Plh atau Plt pada sebagian waktu itu. Cabut dulu pelimpahan itu atau pilih waktu lain.',
          en: 'This official already has a Plh or Plt for part of that time. Revoke that delegation first or choose another window.',
        });
      }
      throw error;
    }
  }

  revoke(caller: Principal, id: string): Promise<DelegationEntity> {
    return inTransaction(this.dataSource, async (em) => {
      const delegation = isUuid(id) ? await em.findOne(DelegationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (
        !delegation ||
        !(isAdmin(caller) || [delegation.fromUserId, delegation.toUserId, delegation.createdById].includes(caller.userId))
      ) {
        throw notFound({ id: 'Pelimpahan Plh/Plt', en: 'Delegation' });
      }
      if (![delegation.fromUserId, delegation.createdById].includes(caller.userId) && !isAdmin(caller))
        throw forbidden({
          id: 'Hanya pejabat yang bersangkutan, yang menunjuk Plh/Plt-nya, atau ADMIN yang dapat mencabut pelimpahan ini.',
          en: 'Only the official, whoever appointed the delegate, or an ADMIN may revoke this delegation.',
        });
      if (delegation.revokedAt) throw conflict({ id: 'Pelimpahan ini sudah dicabut.', en: 'This delegation was already revoked.' });
      const now = new Date();
      if (delegation.endsAt <= now) throw conflict({ id: 'Pelimpahan ini sudah berakhir.', en: 'This delegation has already ended.' });
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
    if (activeOnly) query.andWhere(delegationInForceSql('d'));
    return query.getMany();
  }

  /** The delegation with the names and time zones of the people it concerns; null when it is gone. */
  async notice(delegationId: string): Promise<DelegationNotice | null> {
    const [row] = await this.dataSource.query(
      `SELECT d.id, d.kind, d.starts_at, d.ends_at, d.reason,
              o.id AS official_id, o.name AS official_name, op.time_zone AS official_zone,
              a.id AS appointee_id, a.name AS appointee_name, ap.time_zone AS appointee_zone,
              c.id AS creator_id, c.name AS creator_name
         FROM delegation d
         JOIN app_user o ON o.id = d.from_user_id LEFT JOIN ${PLACED_USERS} op ON op.id = o.id
         JOIN app_user a ON a.id = d.to_user_id LEFT JOIN ${PLACED_USERS} ap ON ap.id = a.id
         JOIN app_user c ON c.id = d.created_by_id
        WHERE d.id = $1`,
      [delegationId],
    );
    if (!row) return null;
    return {
      id: row.id,
      kind: row.kind,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      reason: row.reason,
      official: { id: row.official_id, name: row.official_name, timeZone: row.official_zone },
      appointee: { id: row.appointee_id, name: row.appointee_name, timeZone: row.appointee_zone },
      createdBy: { id: row.creator_id, name: row.creator_name },
    };
  }

  /** The officials whose Plh/Plt `userId` holds at `at`. */
  async officialsActedFor(userId: string, at: Date): Promise<string[]> {
    const rows = await this.dataSource.getRepository(DelegationEntity).find({
      select: { fromUserId: true },
      where: { toUserId: userId, ...activeAt(at) },
    });
    return rows.map((d) => d.fromUserId);
  }

  /** Who reads for `userId` now: they and the officials whose Plh/Plt they hold, and everyone below those (READERS_NOW_SQL). */
  async readersNow(userId: string): Promise<Readers> {
    const [row]: Readers[] = await this.dataSource.query(READERS_NOW_SQL, [userId]);
    return row;
  }

  /** The kind of the Plh/Plt that `toUserId` holds for `fromUserId` at `at`; null when none is active. */
  async activeKind(fromUserId: string, toUserId: string, at: Date): Promise<DelegationKind | null> {
    const delegation = await this.dataSource.getRepository(DelegationEntity).findOne({
      select: { kind: true },
      where: { fromUserId, toUserId, ...activeAt(at) },
    });
    return delegation?.kind ?? null;
  }
}

/** isActiveAt as a condition on delegation rows. */
function activeAt(at: Date): FindOptionsWhere<DelegationEntity> {
  return { revokedAt: IsNull(), startsAt: LessThanOrEqual(at), endsAt: MoreThan(at) };
}
