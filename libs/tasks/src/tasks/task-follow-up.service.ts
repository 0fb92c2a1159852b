import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService, localTime, Urgency, type WorkingCalendar } from '@gesit/calendar';
import { ChainOfCommandService, PeopleDirectory } from '@gesit/identity';
import { escalationStep, NotificationsService, type NotifyInput } from '@gesit/notifications';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { inTransaction, Loaders, OUTBOX_CHANNEL, OutboxService } from '@gesit/platform';
import { PersonalCalendars } from '../shared/personal-calendars.service';
import { TASK_FOLLOW_UP_SWEEP_SQL, TASK_FOLLOW_UPS, taskEscalationJobId } from '../task-follow-ups';
import { OPEN_STATUSES } from './task-status';
import { TaskEntity } from './task.entity';

export type FollowUpOutcome = 'notified' | 'skipped';

/** What a due notice or an escalation needs besides the locked row, read before the transaction. */
interface EscalationContext {
  assigneeIds: string[];
  /** Per assignee, the leaders above them, nearest first. */
  leaders: Map<string, string[]>;
  names: Map<string, string>;
  zones: Map<string, string>;
  /** The first assignee's own working calendar, in which the next escalation is counted. */
  calendar: WorkingCalendar;
  everyWorkingHours: number;
}

/**
 * What a task's follow-up job does: it re-reads the task under a row lock and acts only if it is still open
 * with the same due time and the step not yet taken (a task done or moved meanwhile needs nothing); the dedupe
 * keys make a repeated run notify once. Escalation goes one leader higher every `escalateEveryWorkingHours`
 * of the NORMAL policy, up to the head, as for assignments.
 */
@Injectable()
export class TaskFollowUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
    private readonly chain: ChainOfCommandService,
    private readonly calendar: CalendarService,
    private readonly calendars: PersonalCalendars,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
  ) {}

  async remind(taskId: string, at: number): Promise<FollowUpOutcome> {
    const assigneeIds = await this.assignees(taskId);
    const zones = await this.people.timeZones(assigneeIds);
    return inTransaction(this.dataSource, async (em) => {
      const task = await this.lockOpen(em, taskId);
      if (!task || task.dueSoonAt?.getTime() !== at || task.remindedAt) return 'skipped';
      await em.update(TaskEntity, { id: task.id }, { remindedAt: new Date() });
      return this.send(
        em,
        assigneeIds.map((userId) => ({
          userId,
          kind: 'task.due-soon',
          title: `Tugas "${task.title}" jatuh tempo ${localTime(task.dueAt!, zones.get(userId) ?? DEFAULT_TIME_ZONE)}`,
          body: 'Laporkan kemajuannya, atau beri tahu pemberi tugas bila terhambat.',
          titleEn: `Task "${task.title}" is due ${localTime(task.dueAt!, zones.get(userId) ?? DEFAULT_TIME_ZONE, 'en')}`,
          bodyEn: 'Report its progress, or tell whoever gave the task if you are held up.',
          entityType: 'Task',
          entityId: task.id,
          dedupeKey: `task-${task.id}-remind-${at}-${userId}`,
        })),
      );
    });
  }

  /** At the due time: the assignees are told, and the first escalation goes to their superiors. */
  async due(taskId: string, at: number): Promise<FollowUpOutcome> {
    const context = await this.context(taskId);
    return inTransaction(this.dataSource, async (em) => {
      const task = await this.lockOpen(em, taskId);
      if (!task || task.dueAt?.getTime() !== at || task.escalationLevel > 0) return 'skipped';
      await this.sameAssignees(em, task, context);
      const told = await this.send(
        em,
        context.assigneeIds.map((userId) => ({
          userId,
          kind: 'task.overdue',
          title: `Tugas "${task.title}" melewati tenggat ${localTime(task.dueAt!, context.zones.get(userId) ?? DEFAULT_TIME_ZONE)}`,
          body: 'Selesaikan atau laporkan kemajuannya; atasan Anda juga diberi tahu.',
          titleEn: `Task "${task.title}" passed its due time ${localTime(task.dueAt!, context.zones.get(userId) ?? DEFAULT_TIME_ZONE, 'en')}`,
          bodyEn: 'Complete it or report its progress; your superior has been told too.',
          entityType: 'Task',
          entityId: task.id,
          dedupeKey: `task-${task.id}-overdue-${at}-${userId}`,
        })),
      );
      const escalated = await this.escalateTo(em, task, 1, context);
      return told === 'notified' || escalated ? 'notified' : 'skipped';
    });
  }

  /** Every `escalateEveryWorkingHours` after the due time: one level higher, up to the head of the organisation. */
  async escalate(taskId: string, level: number, dueAt: number): Promise<FollowUpOutcome> {
    const context = await this.context(taskId);
    return inTransaction(this.dataSource, async (em) => {
      const task = await this.lockOpen(em, taskId);
      if (!task || task.dueAt?.getTime() !== dueAt || task.escalationLevel !== level - 1) return 'skipped';
      await this.sameAssignees(em, task, context);
      return (await this.escalateTo(em, task, level, context)) ? 'notified' : 'skipped';
    });
  }

  /**
   * The level-th leader above each assignee is told (an assignee is never told as a leader), and the next level
   * is scheduled while any assignee has someone higher still.
   */
  private async escalateTo(em: EntityManager, task: TaskEntity, level: number, context: EscalationContext): Promise<boolean> {
    const recipients = new Set<string>();
    let next: Date | null = null;
    for (const assigneeId of context.assigneeIds) {
      const step = escalationStep(context.leaders.get(assigneeId) ?? [], level, task.dueAt!, context.everyWorkingHours, context.calendar);
      if (step.recipient && !context.assigneeIds.includes(step.recipient)) recipients.add(step.recipient);
      if (step.next && (!next || step.next < next)) next = step.next;
    }
    await em.update(TaskEntity, { id: task.id }, { escalationLevel: level, nextEscalationAt: next });
    if (next) {
      await this.outbox.add(
        em,
        TASK_FOLLOW_UPS.job(
          'task.escalate',
          { taskId: task.id, level: level + 1, dueAt: task.dueAt!.getTime() },
          { jobId: taskEscalationJobId(task.id, level + 1, task.dueAt!), runAt: next },
        ),
      );
    }
    const who = context.assigneeIds.map((id) => context.names.get(id) ?? 'penerima tugas').join(', ');
    const told = await this.send(
      em,
      [...recipients].map((userId) => ({
        userId,
        kind: 'task.escalated',
        title: `Tugas "${task.title}" untuk ${who} melewati tenggat ${localTime(task.dueAt!, context.zones.get(userId) ?? DEFAULT_TIME_ZONE)}${level > 1 ? ` (eskalasi tingkat ${level})` : ''}`,
        body: 'Tindak lanjuti dengan penerima tugas.',
        titleEn: `Task "${task.title}" for ${who} passed its due time ${localTime(task.dueAt!, context.zones.get(userId) ?? DEFAULT_TIME_ZONE, 'en')}${level > 1 ? ` (escalation level ${level})` : ''}`,
        bodyEn: 'Follow it up with the assignee.',
        entityType: 'Task',
        entityId: task.id,
        dedupeKey: `task-${task.id}-escalate-${level}-${task.dueAt!.getTime()}-${userId}`,
      })),
    );
    return told === 'notified';
  }

  /**
   * The chain of command, names and calendars come from pooled connections of their own (and caches): read
   * inside the job's transaction they would need a second connection while holding one. So they are read
   * first, and the locked task must still have the same assignees.
   */
  private async context(taskId: string): Promise<EscalationContext> {
    const assigneeIds = await this.assignees(taskId);
    const loaders = new Loaders();
    const leaders = new Map<string, string[]>();
    for (const id of assigneeIds) leaders.set(id, await this.chain.leadersAbove(id, loaders));
    const everyone = [...new Set([...assigneeIds, ...[...leaders.values()].flat()])];
    const [names, zones, policy, calendar] = await Promise.all([
      this.people.names(assigneeIds),
      this.people.timeZones(everyone),
      this.calendar.policy(Urgency.NORMAL),
      assigneeIds.length ? this.calendars.of(assigneeIds[0]) : this.calendar.calendarFor(null),
    ]);
    return { assigneeIds, leaders, names, zones, calendar, everyWorkingHours: policy.escalateEveryWorkingHours };
  }

  private async sameAssignees(em: EntityManager, task: TaskEntity, context: EscalationContext): Promise<void> {
    const now = await this.assignees(task.id, em);
    if (now.join() !== context.assigneeIds.join()) throw new Error(`task ${task.id} changed assignees while it was followed up; retrying`);
  }

  private async assignees(taskId: string, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { user_id: string }[] = await em.query('SELECT user_id FROM task_assignee WHERE task_id = $1 ORDER BY user_id', [taskId]);
    return rows.map((r) => r.user_id);
  }

  private async lockOpen(em: EntityManager, taskId: string): Promise<TaskEntity | null> {
    const task = await em
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id: taskId })
      .getOne();
    return task && OPEN_STATUSES.includes(task.status) && task.dueAt ? task : null;
  }

  private async send(em: EntityManager, inputs: NotifyInput[]): Promise<FollowUpOutcome> {
    if (!inputs.length) return 'skipped';
    const ids = await this.notifications.notifyMany(em, inputs);
    return ids.some(Boolean) ? 'notified' : 'skipped';
  }
}

/**
 * Finds task reminders, due notices and escalations whose time has come but which did not happen (Redis was
 * flushed, a job was lost) and asks for them again through the outbox, as notifications' sweep does for
 * assignments and approval steps.
 */
@Injectable()
export class TaskFollowUpSweepService {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns how many jobs it asked for again. */
  async run(): Promise<number> {
    return inTransaction(this.dataSource, async (em) => {
      const count = ((await em.query(TASK_FOLLOW_UP_SWEEP_SQL)) as unknown[]).length;
      if (count) await em.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      return count;
    });
  }
}
