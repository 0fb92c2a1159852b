import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService, OutboxService } from '@gesit/platform';
import { TASKS_EVENTS_QUEUE, type TasksEvents } from './tasks-events';

type TasksEvent = { [K in keyof TasksEvents]: { name: K; payload: TasksEvents[K] } }[keyof TasksEvents];

export interface TasksChange {
  actorId: string;
  actingForId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change?: Record<string, unknown>;
  events?: TasksEvent[];
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
    if (entry.events?.length)
      await this.outbox.add(
        em,
        ...entry.events.map((e) => ({ queue: TASKS_EVENTS_QUEUE, name: e.name, payload: e.payload as unknown as Record<string, unknown> })),
      );
  }
}
