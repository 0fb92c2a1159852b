import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { auditCanonicalHead, auditHash, normaliseChange } from './audit-hash';

export interface AuditRecord {
  actorId: string | null;
  /** The official the actor acted for as Plh/Plt, when not themselves. */
  actingForId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change?: unknown;
}

export interface AuditChainStatus {
  valid: boolean;
  checkedEvents: number;
  firstBrokenEventId: string | null;
}

const VERIFY_BATCH = 5000;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an event inside the caller's transaction; it commits or rolls back with the change. */
  async record(em: EntityManager, record: AuditRecord): Promise<AuditEventEntity> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('AuditService.record must run inside a transaction');
    const event = em.create(AuditEventEntity, {
      at: new Date(),
      actorId: record.actorId,
      actingForId: record.actingForId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      change: normaliseChange(record.change),
    });
    // One advisory lock for the whole chain (writers take turns until they commit, so it never forks), the
    // head, the next id and the insert, in one round trip: see the AuditAppend migration.
    const [appended] = await em.query('SELECT id::text, prev_hash, hash FROM audit_append($1, $2, $3, $4, $5, $6, $7, $8)', [
      event.at,
      event.actorId,
      event.actingForId,
      event.action,
      event.entityType,
      event.entityId,
      JSON.stringify(event.change),
      auditCanonicalHead(event),
    ]);
    return Object.assign(event, {
      id: appended.id as string,
      prevHash: appended.prev_hash as string | null,
      hash: appended.hash as string,
    });
  }

  /** Events of one entity, oldest first. */
  trail(entityType: string, entityId: string): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  /** Walks the whole chain in id order and names the first event whose link or content does not match. */
  async verifyChain(): Promise<AuditChainStatus> {
    let prevHash: string | null = null;
    let lastId = '0';
    let checked = 0;
    for (;;) {
      const rows: AuditEventEntity[] = await this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.id > :lastId', { lastId })
        .orderBy('e.id', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      for (const row of rows) {
        if (row.prevHash !== prevHash || auditHash(prevHash, row) !== row.hash) {
          return { valid: false, checkedEvents: checked, firstBrokenEventId: row.id };
        }
        prevHash = row.hash;
        checked++;
      }
      if (rows.length < VERIFY_BATCH) return { valid: true, checkedEvents: checked, firstBrokenEventId: null };
      lastId = rows[rows.length - 1].id;
    }
  }
}
