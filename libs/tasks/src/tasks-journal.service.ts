import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, OutboxJob, OutboxService } from '@gesit/platform';

export interface TasksChange {
  actorId: string;
  actingForId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change?: Record<string, unknown>;
  /** Outbox jobs, built with TASKS_EVENTS.job(). */
  events?: OutboxJob[];
}

/** The one way a hybrid-work state change is written down: the audit log and its outbox events, in the caller's transaction. */
@Injectable()
export class TasksJournalService {
  constructor(
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async record(em: EntityManager, entry: TasksChange): Promise<void> {
    await this.audit.record(em, {
      actorId: entry.actorId,
      actingForId: entry.actingForId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      change: entry.change ?? {},
    });
    if (entry.events?.length) await this.outbox.add(em, ...entry.events);
  }
}
