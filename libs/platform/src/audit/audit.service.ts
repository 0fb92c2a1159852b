import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Statement } from '../database/statement';
import { AuditEventEntity } from './audit-event.entity';
import { checkpointMismatch, type SignedAuditCheckpoint, truncationText } from './audit-checkpoint';
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
  /** Events found intact before the break. */
  checkedEvents: number;
  /** The first event that does not match: changed itself, or the first after the last checkpoint that still matches. */
  firstBrokenEventId: string | null;
  /** Checkpoints the chain matched. */
  checkpointsChecked: number;
  /** The newest events are gone: a checkpoint points past the end of the chain. */
  truncated: boolean;
  /** What is wrong, in Indonesian; null when intact. */
  problem: string | null;
}

const byEventId = (a: { lastEventId: string }, b: { lastEventId: string }): number =>
  BigInt(a.lastEventId) < BigInt(b.lastEventId) ? -1 : BigInt(a.lastEventId) > BigInt(b.lastEventId) ? 1 : 0;

const VERIFY_BATCH = 5000;

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends an event inside the caller's transaction; it commits or rolls back with the change. */
  async record(em: EntityManager, record: AuditRecord): Promise<AuditEventEntity> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('AuditService.record must run inside a transaction');
    const { event, call } = this.append(em, record, 0);
    const [appended] = await em.query(`SELECT id::text, prev_hash, hash FROM ${call.sql}`, call.values);
    return Object.assign(event, {
      id: appended.id as string,
      prevHash: appended.prev_hash as string | null,
      hash: appended.hash as string,
    });
  }

  /**
   * The audit_append() call that records `record`, its parameters numbered from $offset+1, for a caller that puts it
   * into a statement of its own (in a transaction) to save a round trip; the event's id is the call's `id` column.
   */
  append(em: EntityManager, record: AuditRecord, offset: number): { event: AuditEventEntity; call: { sql: string; values: unknown[] } } {
    const event = em.create(AuditEventEntity, {
      at: new Date(),
      actorId: record.actorId,
      actingForId: record.actingForId ?? null,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      change: normaliseChange(record.change),
    });
    const p = Array.from({ length: 8 }, (_, i) => `$${offset + i + 1}`);
    return {
      event,
      call: {
        sql: `audit_append(${p.join(', ')})`,
        values: [
          event.at,
          event.actorId,
          event.actingForId,
          event.action,
          event.entityType,
          event.entityId,
          JSON.stringify(event.change),
          auditCanonicalHead(event),
        ],
      },
    };
  }

  /**
   * Adds the audit_append() of `record` to `statement` as the CTE `audit` (its `id`), called once for the row of
   * `when` and not at all without one. The call is a subquery per row of `when`, so it runs after that row, and
   * so after the locks taken to produce it: the chain lock comes last, as in a transaction that audits at its end.
   * Returns what the statement's main query selects for the CTE to run.
   */
  appendIn(statement: Statement, record: AuditRecord, when: string): string {
    const { call } = this.append(this.dataSource.manager, record, statement.values.length);
    statement.values.push(...call.values);
    statement.with('audit', `SELECT (SELECT s.id FROM ${call.sql} s WHERE w.ok) AS id FROM ${when} w`);
    return '(SELECT id FROM audit) AS "auditId"';
  }

  /** Events of one entity, oldest first. */
  trail(entityType: string, entityId: string): Promise<AuditEventEntity[]> {
    return this.dataSource.getRepository(AuditEventEntity).find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  /**
   * Walks the whole chain in id order and names the first event whose link or content does not match;
   * then holds it against the checkpoints (AuditAnchorService): a chain re-hashed after a checkpoint no
   * longer matches it, and a checkpoint past the end of the chain shows that the newest events are gone.
   */
  async verifyChain(
    anchor: { checkpoints: SignedAuditCheckpoint[]; forged: number[] } = { checkpoints: [], forged: [] },
  ): Promise<AuditChainStatus> {
    const intact = { valid: true, firstBrokenEventId: null, truncated: false, problem: null };
    if (anchor.forged.length) {
      return {
        ...intact,
        valid: false,
        checkedEvents: 0,
        checkpointsChecked: 0,
        problem: `Titik periksa #${anchor.forged.join(', #')} tidak sah: tanda tangannya tidak cocok dengan AUDIT_HMAC_KEY.`,
      };
    }
    const pending = [...anchor.checkpoints].sort(byEventId);
    let prevHash: string | null = null;
    let lastId = '0';
    let checked = 0;
    let matched = 0;
    // The last checkpoint the chain matched, the events up to it, and the first event after it.
    let anchoredId: string | null = null;
    let anchoredCount = 0;
    let firstUnanchored: string | null = null;
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
          return {
            ...intact,
            valid: false,
            checkedEvents: checked,
            firstBrokenEventId: row.id,
            checkpointsChecked: matched,
            problem: `Peristiwa ${row.id} tidak cocok dengan rantai: isinya, urutannya atau peristiwa sebelumnya diubah.`,
          };
        }
        prevHash = row.hash;
        checked++;
        firstUnanchored ??= row.id;
        while (pending.length && BigInt(pending[0].lastEventId) <= BigInt(row.id)) {
          const checkpoint = pending.shift()!;
          const point = checkpoint.lastEventId === row.id ? { id: row.id, hash: row.hash, count: checked } : null;
          const problem = checkpointMismatch(checkpoint, point, anchoredId);
          if (problem) {
            return {
              ...intact,
              valid: false,
              checkedEvents: anchoredCount,
              firstBrokenEventId: firstUnanchored,
              checkpointsChecked: matched,
              problem,
            };
          }
          matched++;
          anchoredId = row.id;
          anchoredCount = checked;
          firstUnanchored = null;
        }
      }
      if (rows.length) lastId = rows[rows.length - 1].id;
      if (rows.length < VERIFY_BATCH) break;
    }
    if (pending.length) {
      const newest = pending[pending.length - 1];
      return {
        ...intact,
        valid: false,
        checkedEvents: checked,
        checkpointsChecked: matched,
        truncated: true,
        problem: truncationText(newest, checked ? lastId : null, checked),
      };
    }
    return { ...intact, checkedEvents: checked, checkpointsChecked: matched };
  }
}
