import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { localTime } from '@gesit/calendar';
import { ChainOfCommandService, PeopleDirectory } from '@gesit/identity';
import { NotificationsService, type NotifyInput } from '@gesit/notifications';
import { inTransaction, Loaders } from '@gesit/platform';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { OPEN_STATUSES } from './task-status';
import { TaskEntity } from './task.entity';

export type FollowUpOutcome = 'notified' | 'skipped';

/**
 * What a task's follow-up job does: it re-reads the task and acts only if it is still open with the same
 * due time (a task done or moved meanwhile needs nothing); the dedupe keys make a repeated run notify once.
 */
@Injectable()
export class TaskFollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
    private readonly chain: ChainOfCommandService,
    private readonly notifications: NotificationsService,
  ) {}

  async remind(taskId: string, at: number): Promise<FollowUpOutcome> {
    const open = await this.open(taskId, (t) => t.dueSoonAt?.getTime() === at);
    if (!open) return 'skipped';
    const { task, assigneeIds } = open;
    const zones = await this.people.timeZones(assigneeIds);
    return this.send(
      assigneeIds.map((userId) => ({
        userId,
        kind: 'REMINDER',
        title: `Tugas "${task.title}" jatuh tempo ${localTime(task.dueAt!, zones.get(userId) ?? DEFAULT_TIME_ZONE)}`,
        body: 'Laporkan kemajuannya, atau beri tahu pemberi tugas bila terhambat.',
        entityType: 'Task',
        entityId: task.id,
        dedupeKey: `task-${task.id}-remind-${at}-${userId}`,
      })),
    );
  }

  async due(taskId: string, at: number): Promise<FollowUpOutcome> {
    const open = await this.open(taskId, (t) => t.dueAt?.getTime() === at);
    if (!open) return 'skipped';
    const { task, assigneeIds } = open;
    const loaders = new Loaders();
    const names = await this.people.names(assigneeIds);
    const superiors = new Set<string>();
    for (const id of assigneeIds) {
      const superior = await this.chain.superiorOf(id, loaders);
      if (superior && !assigneeIds.includes(superior)) superiors.add(superior);
    }
    const zones = await this.people.timeZones([...assigneeIds, ...superiors]);
    const due = (userId: string) => localTime(task.dueAt!, zones.get(userId) ?? DEFAULT_TIME_ZONE);
    const who = assigneeIds.map((id) => names.get(id) ?? 'penerima tugas').join(', ');
    return this.send([
      ...assigneeIds.map((userId) => ({
        userId,
        kind: 'OVERDUE',
        title: `Tugas "${task.title}" melewati tenggat ${due(userId)}`,
        body: 'Selesaikan atau laporkan kemajuannya; atasan Anda juga diberi tahu.',
        entityType: 'Task',
        entityId: task.id,
        dedupeKey: `task-${task.id}-overdue-${at}-${userId}`,
      })),
      // Escalation to the superiors of the assignees, as for overdue dispositions.
      ...[...superiors].map((userId) => ({
        userId,
        kind: 'ESCALATION',
        title: `Tugas "${task.title}" untuk ${who} melewati tenggat ${due(userId)}`,
        body: 'Tindak lanjuti dengan penerima tugas.',
        entityType: 'Task',
        entityId: task.id,
        dedupeKey: `task-${task.id}-escalate-${at}-${userId}`,
      })),
    ]);
  }

  private async open(taskId: string, same: (task: TaskEntity) => boolean): Promise<{ task: TaskEntity; assigneeIds: string[] } | null> {
    const task = await this.dataSource.getRepository(TaskEntity).findOneBy({ id: taskId });
    if (!task || !OPEN_STATUSES.includes(task.status) || !task.dueAt || !same(task)) return null;
    const rows: { user_id: string }[] = await this.dataSource.query('SELECT user_id FROM task_assignee WHERE task_id = $1', [taskId]);
    return { task, assigneeIds: rows.map((r) => r.user_id) };
  }

  private async send(inputs: NotifyInput[]): Promise<FollowUpOutcome> {
    const ids = await inTransaction(this.dataSource, (em) => this.notifications.notifyMany(em, inputs));
    return ids.some(Boolean) ? 'notified' : 'skipped';
  }
}
