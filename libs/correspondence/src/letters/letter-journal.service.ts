import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, type AuditRecord, OutboxJob, OutboxService, Statement } from '@gesit/platform';

export interface LetterChange {
  letterId: string;
  actorId: string;
  actingForId?: string | null;
  action: string;
  note?: string | null;
  entityType: string;
  entityId: string;
  change?: unknown;
  /** Outbox events of the change, built with the owning context's queue contract (e.g. `CORRESPONDENCE_EVENTS.job`). */
  events?: OutboxJob[];
}

/**
 * The one way a correspondence state change is written down: the letter's timeline, the hash-chained
 * audit log and the outbox events, all in the caller's transaction.
 */
@Injectable()
export class LetterJournalService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(em: EntityManager, entry: LetterChange): Promise<void> {
    // The timeline row and the audit event go in the outbox statement: one round trip for the three.
    await this.outbox.addWith(
      em,
      {
        sql: `INSERT INTO letter_event (letter_id, at, actor_id, acting_for_id, action, note, details)
              VALUES ($1, now(), $2, $3, $4, $5, $6)`,
        values: timelineValues(entry),
      },
      entry.events ?? [],
      (offset) => this.audit.append(em, auditRecord(entry), offset).call,
    );
  }

  /**
   * The same three writes added to `statement`, made only with the row of `when` (see Statement); returns what
   * the statement's main query must select for them to run.
   */
  recordIn(statement: Statement, entry: LetterChange, when: string): string[] {
    const p = timelineValues(entry).map((value) => statement.param(value));
    statement.with(
      'timeline',
      `INSERT INTO letter_event (letter_id, at, actor_id, acting_for_id, action, note, details)
       SELECT ${p[0]}::uuid, now(), ${p[1]}::uuid, ${p[2]}::uuid, ${p[3]}::text, ${p[4]}::text, ${p[5]}::jsonb FROM ${when} w WHERE w.ok`,
    );
    const audited = this.audit.appendIn(statement, auditRecord(entry), when);
    const { notify } = this.outbox.addIn(statement, entry.events ?? [], when);
    return [audited, ...(notify ? [notify] : [])];
  }
}

function timelineValues(entry: LetterChange): unknown[] {
  return [
    entry.letterId,
    entry.actorId,
    entry.actingForId ?? null,
    entry.action,
    entry.note ?? null,
    entry.change === undefined ? null : JSON.stringify(entry.change),
  ];
}

function auditRecord(entry: LetterChange): AuditRecord {
  return {
    actorId: entry.actorId,
    actingForId: entry.actingForId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    change: { letterId: entry.letterId, ...(entry.change as object | undefined) },
  };
}
