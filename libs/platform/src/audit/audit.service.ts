import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { auditHash, normaliseChange } from './audit-hash';

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

// One advisory lock key for the whole chain: writers take turns, so it never forks.
const AUDIT_CHAIN_LOCK = 724_101;
const VERIFY_BATCH = 5000;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an event inside the caller's transaction; it commits or rolls back with the change. */
  async record(em: EntityManager, record: AuditRecord): Promise<AuditEventEntity> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('AuditService.record must run inside a transaction');
    await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [head] = await em.query(
      `SELECT hash, nextval(pg_get_serial_sequence('audit_event', 'id'))::text AS next_id
         FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1) h ON true`,
    );
    const event = em.create(AuditEventEntity, {
      id: head.next_id as string,
      at: new Date(),
      actorId: record.actorId,
      actingForId: record.actingForId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      change: normaliseChange(record.change),
      prevHash: (head.hash as string | null) ?? null,
    });
    event.hash = auditHash(event.prevHash, event);
    await em.query(
      `INSERT INTO audit_event (id, at, actor_id, acting_for_id, action, entity_type, entity_id, change, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        event.id,
        event.at,
        event.actorId,
        event.actingForId,
        event.action,
        event.entityType,
        event.entityId,
        JSON.stringify(event.change),
        event.prevHash,
        event.hash,
      ],
    );
    return event;
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
