import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { addWorkingMinutes, CalendarService, localTime, Urgency, type WorkingCalendar, workingMinutesBetween } from '@gesit/calendar';
import { DispositionAssignmentEntity, DispositionsService } from '@gesit/correspondence';
import { StoredFileEntity } from '@gesit/files';
import { UsersService } from '@gesit/identity';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import {
  AppError,
  badInput,
  FieldChecks,
  type Message,
  conflict,
  decodeCursor,
  forbidden,
  inTransaction,
  isUuid,
  Loaders,
  MICROSECOND_CURSOR,
  OutboxService,
  pageSize,
  toConnection,
  type ConnectionShape,
  type Principal,
} from '@gesit/platform';
import { PersonalCalendars } from '../shared/personal-calendars.service';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { TasksJournalService } from '../tasks-journal.service';
import { TASKS_EVENTS } from '../tasks-events';
import { taskFollowUpJobs } from '../task-follow-ups';
import { nextOccurrence, parseRecurrence } from './recurrence';
import { SupervisionService } from '../shared/supervision.service';
import { TaskAccessService, TaskPeople } from './task-access.service';
import { allowedMoves, checklistProgress, OPEN_STATUSES, STATUS_TEXT, TaskPriority, TaskStatus } from './task-status';
import { TaskAssigneeEntity, TaskChecklistItemEntity, TaskEntity, TaskFileEntity, TaskUpdateEntity } from './task.entity';
import { CreateTaskInput, TaskFilter, UpdateTaskInput, UpdateTaskProgressInput } from './task.types';

const MAX_TITLE = 300;
const MAX_TEXT = 4000;
const MAX_CHECKLIST = 100;
const MAX_ESTIMATE_MINUTES = 100_000;
const MAX_DUE_WORKING_HOURS = 10_000;
/** A new due time starts its follow-ups afresh. */
const FRESH_FOLLOW_UPS = { remindedAt: null, escalationLevel: 0, nextEscalationAt: null };

const TITLE_LABEL: Message = { id: 'Judul tugas', en: 'The task title' };
const DESCRIPTION_LABEL: Message = { id: 'Uraian tugas', en: 'The task description' };

function text(value: string | null | undefined, field: string, label: Message, max = MAX_TEXT): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badInput({ id: `${label.id} wajib diisi.`, en: `${label.en} is required.` }, { field });
  if (trimmed.length > max)
    throw badInput(
      { id: `${label.id} terlalu panjang: paling banyak ${max} karakter.`, en: `${label.en} is too long: at most ${max} characters.` },
      { field },
    );
  return trimmed;
}

function optional(value: string | null | undefined, field: string, label: Message): string | null {
  return value === null || value === undefined || !value.trim() ? null : text(value, field, label);
}

function distinct(ids: readonly string[], field: string): string[] {
  const unique = [...new Set(ids)];
  const bad = unique.find((id) => !isUuid(id));
  if (bad) throw badInput({ id: `"${bad}" bukan id yang dikenal.`, en: `"${bad}" is not a known id.` }, { field });
  return unique;
}

/** `dueInWorkingHours` is the other way to give a due time: alone, and a whole number of working hours. */
function dueInWorkingHours(input: Pick<CreateTaskInput, 'dueAt' | 'dueInWorkingHours'>): void {
  if (input.dueInWorkingHours === null || input.dueInWorkingHours === undefined) return;
  if (input.dueAt)
    throw badInput(
      {
        id: 'Isi salah satu saja: waktu tenggat (dueAt) atau lama pengerjaan dalam jam kerja (dueInWorkingHours).',
        en: 'Fill in only one: the due time (dueAt) or the working hours it takes (dueInWorkingHours).',
      },
      { field: 'dueInWorkingHours' },
    );
  if (!Number.isInteger(input.dueInWorkingHours) || input.dueInWorkingHours < 1 || input.dueInWorkingHours > MAX_DUE_WORKING_HOURS)
    throw badInput(
      {
        id: `Lama pengerjaan (dueInWorkingHours) harus 1 sampai ${MAX_DUE_WORKING_HOURS} jam kerja.`,
        en: `The working hours it takes (dueInWorkingHours) must be 1 to ${MAX_DUE_WORKING_HOURS}.`,
      },
      { field: 'dueInWorkingHours' },
    );
}

/** Tasks: creation down the chain of command, the status machine, checklist, progress and recurrence. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly supervision: SupervisionService,
    private readonly journal: TasksJournalService,
    private readonly users: UsersService,
    private readonly calendar: CalendarService,
    private readonly dispositions: DispositionsService,
    private readonly outbox: OutboxService,
    private readonly calendars: PersonalCalendars,
  ) {}

  private async names(ids: readonly string[], loaders: Loaders): Promise<string> {
    const users = await Promise.all(ids.map((id) => this.users.byId(loaders).load(id)));
    return users.map((u) => u?.name ?? '?').join(', ');
  }

  async create(principal: Principal, input: CreateTaskInput, loaders = new Loaders()): Promise<TaskEntity> {
    // Every bad field is reported at once.
    const checks = new FieldChecks();
    const title = checks.run(() => text(input.title, 'title', TITLE_LABEL, MAX_TITLE), '');
    const description = checks.run(() => optional(input.description, 'description', DESCRIPTION_LABEL), null);
    const assigneeIds = checks.run(
      () => (input.assigneeIds.length ? distinct(input.assigneeIds, 'assigneeIds') : [principal.userId]),
      [principal.userId],
    );
    const checklist = (input.checklist ?? []).map((item, i) =>
      checks.run(
        () => text(item, `checklist.${i}`, { id: `Butir daftar periksa ke-${i + 1}`, en: `Checklist item ${i + 1}` }, MAX_TITLE),
        '',
      ),
    );
    if (checklist.length > MAX_CHECKLIST)
      checks.add('checklist', {
        id: `Daftar periksa paling banyak ${MAX_CHECKLIST} butir.`,
        en: `A checklist has at most ${MAX_CHECKLIST} items.`,
      });
    const estimateMinutes = checks.run(() => this.estimate(input.estimateMinutes), null);
    const now = new Date();
    const hoursOk = checks.run(() => {
      dueInWorkingHours(input);
      return true;
    }, false);
    // Due times and their reminders are counted in the working hours of the (first) assignee.
    const cal = input.dueAt || (hoursOk && input.dueInWorkingHours) ? await this.calendars.of(assigneeIds[0]) : null;
    const dueAt =
      cal && hoursOk && input.dueInWorkingHours && !(input.startAt && Number.isNaN(input.startAt.getTime()))
        ? addWorkingMinutes(input.startAt ?? now, input.dueInWorkingHours * 60, cal)
        : (input.dueAt ?? null);
    checks.run(() => this.times(input.startAt ?? null, dueAt, now), undefined);
    const recurrence = checks.run(() => (input.recurrence ? parseRecurrence(input.recurrence) : null), null);
    if (recurrence && !dueAt)
      checks.add('dueAt', {
        id: 'Tugas berulang memerlukan waktu tenggat (dueAt): pengulangan dihitung dari sana.',
        en: 'A recurring task needs a due time (dueAt): recurrences are counted from it.',
      });
    const users = await Promise.all(assigneeIds.map((id) => this.users.byId(loaders).load(id)));
    // One who does not exist has no name to give: the place in the list says which.
    const unknown = assigneeIds.flatMap((_, i) => (users[i] ? [] : [i + 1]));
    if (unknown.length)
      checks.add('assigneeIds', {
        id: `Pelaksana urutan ke-${unknown.join(', ke-')} dalam daftar tidak ditemukan.`,
        en: `The assignees at place ${unknown.join(', ')} of the list were not found.`,
      });
    checks.done();
    const { actingForId, outside } = await this.access.reach(principal, assigneeIds, loaders);
    if (outside.length) {
      const names = await this.names(outside, loaders);
      throw forbidden({
        id: `Anda hanya dapat memberi tugas kepada diri sendiri atau orang di bawah Anda dalam rantai komando; ${names} tidak berada di bawah Anda.`,
        en: `You can give tasks only to yourself or people below you in the chain of command; ${names} not below you.`,
      });
    }
    let parentId: string | null = null;
    if (input.parentId) {
      const parent = await this.access.readable(principal, input.parentId, loaders);
      if (!OPEN_STATUSES.includes(parent.task.status))
        throw conflict({
          id: `Tugas induk "${parent.task.title}" sudah ${STATUS_TEXT[parent.task.status].id}; subtugas tidak dapat ditambahkan.`,
          en: `The parent task "${parent.task.title}" is already ${STATUS_TEXT[parent.task.status].en}; no subtask can be added.`,
        });
      parentId = parent.task.id;
    }
    const performanceTargetId = input.performanceTargetId
      ? await this.targetOf(input.performanceTargetId, [principal.userId, ...assigneeIds])
      : null;
    const sourceAssignmentId = input.sourceAssignmentId ? await this.sourceAssignment(principal, input.sourceAssignmentId, loaders) : null;
    const fileIds = await this.ownFiles(principal, input.fileIds);
    const dueSoonAt = dueAt && cal ? await this.dueSoonAt(input.startAt ?? now, dueAt, cal) : null;
    const task = this.dataSource.getRepository(TaskEntity).create({
      id: randomUUID(),
      title,
      description,
      status: TaskStatus.TODO,
      priority: input.priority ?? TaskPriority.NORMAL,
      progress: 0,
      creatorId: principal.userId,
      actingForId,
      parentId,
      startAt: input.startAt ?? null,
      dueAt,
      dueSoonAt,
      ...FRESH_FOLLOW_UPS,
      estimateMinutes,
      recurrence,
      performanceTargetId,
      sourceAssignmentId,
      completedAt: null,
    });
    return inTransaction(this.dataSource, async (em) => {
      await this.insertTask(em, task, assigneeIds, checklist, fileIds);
      await this.journal.record(em, {
        actorId: principal.userId,
        actingForId,
        action: 'task.created',
        entityType: 'Task',
        entityId: task.id,
        change: { title, assigneeIds, dueAt: task.dueAt?.toISOString() ?? null, recurrence, sourceAssignmentId, parentId },
        events: [TASKS_EVENTS.job('task.assigned', { taskId: task.id, assigneeIds }), ...taskFollowUpJobs(task)],
      });
      return em.findOneByOrFail(TaskEntity, { id: task.id });
    });
  }

  async update(principal: Principal, input: UpdateTaskInput, loaders = new Loaders()): Promise<TaskEntity> {
    const people = await this.access.readable(principal, input.taskId, loaders);
    const { task } = people;
    const role = await this.access.roleOf(principal, people, loaders);
    if (!role.creator)
      throw forbidden({
        id: `Hanya pembuat tugas "${task.title}" (atau Plh/Plt-nya) yang dapat mengubahnya.`,
        en: `Only the creator of task "${task.title}" (or their Plh/Plt) may change it.`,
      });
    if (!OPEN_STATUSES.includes(task.status))
      throw conflict({
        id: `Tugas "${task.title}" sudah ${STATUS_TEXT[task.status].id}; tidak dapat diubah lagi.`,
        en: `Task "${task.title}" is already ${STATUS_TEXT[task.status].en}; it cannot be changed any more.`,
      });
    // Every bad field is reported at once.
    const checks = new FieldChecks();
    const changes: Partial<TaskEntity> = {};
    if (input.title !== undefined && input.title !== null)
      changes.title = checks.run(() => text(input.title, 'title', TITLE_LABEL, MAX_TITLE), task.title);
    if (input.description !== undefined)
      changes.description = checks.run(() => optional(input.description, 'description', DESCRIPTION_LABEL), null);
    if (input.priority) changes.priority = input.priority;
    if (input.estimateMinutes !== undefined) changes.estimateMinutes = checks.run(() => this.estimate(input.estimateMinutes), null);
    const now = new Date();
    const assigneeIds = input.assigneeIds
      ? checks.run(() => (input.assigneeIds!.length ? distinct(input.assigneeIds!, 'assigneeIds') : [principal.userId]), null)
      : null;
    const hours = checks.run(() => {
      dueInWorkingHours(input);
      return input.dueInWorkingHours ?? null;
    }, null);
    const dueGiven = input.dueAt !== undefined || hours !== null;
    // As when creating: due times are counted in the working hours of the (first) assignee.
    const cal = dueGiven ? await this.calendars.of(assigneeIds?.[0] ?? people.assigneeIds[0] ?? task.creatorId) : null;
    if (cal) {
      // Working hours from now, or from the start when the task has not started yet.
      const from = new Date(Math.max(task.startAt?.getTime() ?? 0, now.getTime()));
      const dueAt = hours !== null ? addWorkingMinutes(from, hours * 60, cal) : (input.dueAt ?? null);
      const timesOk = checks.run(() => {
        this.times(task.startAt, dueAt, now);
        return true;
      }, false);
      if (!dueAt && task.recurrence)
        checks.add('dueAt', { id: 'Tugas berulang memerlukan waktu tenggat (dueAt).', en: 'A recurring task needs a due time (dueAt).' });
      Object.assign(changes, FRESH_FOLLOW_UPS);
      changes.dueAt = dueAt;
      changes.dueSoonAt = dueAt && timesOk ? await this.dueSoonAt(task.startAt ?? now, dueAt, cal) : null;
    }
    checks.done();
    if (assigneeIds) {
      const { outside } = await this.access.reach(principal, assigneeIds, loaders);
      if (outside.length) {
        const names = await this.names(outside, loaders);
        throw forbidden({
          id: `Anda hanya dapat memberi tugas kepada diri sendiri atau orang di bawah Anda dalam rantai komando; ${names} tidak berada di bawah Anda.`,
          en: `You can give tasks only to yourself or people below you in the chain of command; ${names} not below you.`,
        });
      }
    }
    return inTransaction(this.dataSource, async (em) => {
      if (Object.keys(changes).length) await em.update(TaskEntity, { id: task.id }, changes);
      const added = assigneeIds ? assigneeIds.filter((id) => !people.assigneeIds.includes(id)) : [];
      if (assigneeIds) {
        await em.delete(TaskAssigneeEntity, { taskId: task.id });
        await em.insert(
          TaskAssigneeEntity,
          assigneeIds.map((userId) => ({ taskId: task.id, userId })),
        );
      }
      await this.journal.record(em, {
        actorId: principal.userId,
        actingForId: role.creator && task.creatorId !== principal.userId ? (task.actingForId ?? task.creatorId) : null,
        action: 'task.updated',
        entityType: 'Task',
        entityId: task.id,
        change: { ...changes, ...(assigneeIds ? { assigneeIds } : {}) },
        events: [
          ...(added.length ? [TASKS_EVENTS.job('task.assigned', { taskId: task.id, assigneeIds: added })] : []),
          // A new due time gets its own follow-ups; those of the old one find it moved and do nothing.
          ...(dueGiven ? taskFollowUpJobs({ id: task.id, dueAt: changes.dueAt ?? null, dueSoonAt: changes.dueSoonAt ?? null }) : []),
        ],
      });
      return em.findOneByOrFail(TaskEntity, { id: task.id });
    });
  }

  async progress(principal: Principal, input: UpdateTaskProgressInput, loaders = new Loaders()): Promise<TaskEntity> {
    const note = text(input.note, 'note', { id: 'Catatan kemajuan', en: 'The progress note' });
    if (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100)
      throw badInput(
        { id: 'Kemajuan (progress) harus bilangan bulat 0 sampai 100.', en: 'Progress must be a whole number from 0 to 100.' },
        { field: 'progress' },
      );
    const people = await this.access.readable(principal, input.taskId, loaders);
    const role = await this.access.roleOf(principal, people, loaders);
    if (!role.creator && !role.assignee)
      throw forbidden({
        id: `Hanya penerima dan pembuat tugas "${people.task.title}" (atau Plh/Plt-nya) yang dapat melaporkan kemajuannya.`,
        en: `Only the assignees and the creator of task "${people.task.title}" (or their Plh/Plt) may report its progress.`,
      });
    const fileIds = await this.ownFiles(principal, input.fileIds);
    const completing = input.status === TaskStatus.DONE;
    // Read before the transaction: completing a disposition checks whose assignment it is.
    const next = completing && people.task.recurrence ? await this.nextOccurrencePlan(people) : null;
    return inTransaction(this.dataSource, async (em) => {
      const task = await this.lock(em, people.task.id);
      const from = task.status;
      let to = input.status ?? from;
      // A progress report on work not yet started starts it.
      if (!input.status && from === TaskStatus.TODO && role.assignee && input.progress > 0) to = TaskStatus.IN_PROGRESS;
      if (to !== from) this.checkMove(task, from, to, role);
      else if (!OPEN_STATUSES.includes(from))
        throw conflict({
          id: `Tugas "${task.title}" sudah ${STATUS_TEXT[from].id}; kemajuannya tidak dapat dilaporkan lagi.`,
          en: `Task "${task.title}" is already ${STATUS_TEXT[from].en}; its progress cannot be reported any more.`,
        });
      const items = await em.find(TaskChecklistItemEntity, { where: { taskId: task.id } });
      let progress = checklistProgress(items) ?? input.progress;
      const now = new Date();
      const changes: Partial<TaskEntity> = { status: to, progress };
      if (to === TaskStatus.DONE) {
        progress = 100;
        Object.assign(changes, { progress, completedAt: now });
      }
      await em.update(TaskEntity, { id: task.id }, changes);
      const updateId = randomUUID();
      await em.insert(TaskUpdateEntity, {
        id: updateId,
        taskId: task.id,
        authorId: principal.userId,
        at: now,
        progress,
        note,
        workMode: input.workMode,
        status: to !== from ? to : null,
      });
      if (fileIds.length)
        await em.insert(
          TaskFileEntity,
          fileIds.map((fileId) => ({ taskId: task.id, fileId, updateId })),
        );
      let nextTaskId: string | null = null;
      if (to === TaskStatus.DONE) {
        if (task.sourceAssignmentId) await this.completeAssignment(em, principal, role.viewerIds, task, note);
        if (next) nextTaskId = await this.createNext(em, task, people.assigneeIds, next);
      }
      await this.journal.record(em, {
        actorId: principal.userId,
        actingForId: null,
        action: to !== from ? `task.${to.toLowerCase()}` : 'task.progress',
        entityType: 'Task',
        entityId: task.id,
        change: { from, to, progress, workMode: input.workMode, note, fileIds, nextTaskId },
        events: to === TaskStatus.DONE ? [TASKS_EVENTS.job('task.completed', { taskId: task.id, nextTaskId })] : [],
      });
      return em.findOneByOrFail(TaskEntity, { id: task.id });
    });
  }

  async setChecklistItem(
    principal: Principal,
    taskId: string,
    itemId: string,
    done: boolean,
    loaders = new Loaders(),
  ): Promise<TaskEntity> {
    const people = await this.access.readable(principal, taskId, loaders);
    const role = await this.access.roleOf(principal, people, loaders);
    if (!role.creator && !role.assignee)
      throw forbidden({
        id: `Hanya penerima dan pembuat tugas "${people.task.title}" (atau Plh/Plt-nya) yang dapat mencentang daftar periksanya.`,
        en: `Only the assignees and the creator of task "${people.task.title}" (or their Plh/Plt) may tick its checklist.`,
      });
    return inTransaction(this.dataSource, async (em) => {
      const task = await this.lock(em, people.task.id);
      if (!OPEN_STATUSES.includes(task.status))
        throw conflict({
          id: `Tugas "${task.title}" sudah ${STATUS_TEXT[task.status].id}; daftar periksanya tidak dapat diubah.`,
          en: `Task "${task.title}" is already ${STATUS_TEXT[task.status].en}; its checklist cannot be changed.`,
        });
      const items = await em.find(TaskChecklistItemEntity, { where: { taskId: task.id }, order: { position: 'ASC' } });
      const item = isUuid(itemId) ? items.find((i) => i.id === itemId) : undefined;
      if (!item)
        throw new AppError('NOT_FOUND', {
          id: `Butir daftar periksa itu tidak ada pada tugas "${task.title}".`,
          en: `That checklist item is not on task "${task.title}".`,
        });
      if (item.done === done) return task;
      item.done = done;
      await em.update(TaskChecklistItemEntity, { id: item.id }, { done });
      const progress = checklistProgress(items)!;
      await em.update(TaskEntity, { id: task.id }, { progress });
      await this.journal.record(em, {
        actorId: principal.userId,
        action: done ? 'task.checklist.ticked' : 'task.checklist.unticked',
        entityType: 'Task',
        entityId: task.id,
        change: { itemId: item.id, text: item.text, done, progress },
      });
      return em.findOneByOrFail(TaskEntity, { id: task.id });
    });
  }

  /**
   * The caller's tasks (default), the tasks they created for others (`assignedByMe`), or the tasks of
   * someone below them (`assigneeId`), newest first, in keyset pages.
   */
  async list(
    principal: Principal,
    filter: TaskFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    loaders = new Loaders(),
  ): Promise<ConnectionShape<TaskEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter?.assigneeId) {
      if (!isUuid(filter.assigneeId) || !(await this.users.byId(loaders).load(filter.assigneeId)))
        throw new AppError('NOT_FOUND', { id: 'Pengguna itu tidak ditemukan.', en: 'That user was not found.' });
      if (!(await this.supervision.oversees(principal, filter.assigneeId, loaders))) {
        const name = await this.names([filter.assigneeId], loaders);
        throw forbidden({
          id: `Anda hanya dapat melihat tugas orang di bawah Anda; ${name} tidak berada di bawah Anda.`,
          en: `You can see only the tasks of people below you; ${name} is not below you.`,
        });
      }
      where.push(`EXISTS (SELECT 1 FROM task_assignee ta WHERE ta.task_id = t.id AND ta.user_id = ${param(filter.assigneeId)}::uuid)`);
    } else if (filter?.assignedByMe) {
      where.push(`t.creator_id = ${param(principal.userId)}::uuid`);
    } else {
      where.push(`EXISTS (SELECT 1 FROM task_assignee ta WHERE ta.task_id = t.id AND ta.user_id = ${param(principal.userId)}::uuid)`);
    }
    if (filter?.status?.length) where.push(`t.status = ANY(${param(filter.status)}::text[])`);
    if (filter?.overdueOnly) where.push(`t.due_at < now() AND t.status = ANY(${param(OPEN_STATUSES)}::text[])`);
    if (filter?.search?.trim()) {
      const escaped = filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`t.title ILIKE ${param(`%${escaped}%`)}`);
    }
    const countWhere = [...where];
    const countParams = [...params];
    if (cursor) {
      const [at, id] = cursor;
      if (typeof at !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(at)))
        throw badInput({
          id: 'Kursor pada "after" bukan kursor dari server ini; mulai lagi tanpa kursor itu.',
          en: 'The cursor in "after" is not one this server gave out; start again without it.',
        });
      where.push(`(t.created_at, t.id) < (${param(at)}::timestamptz, ${param(id)}::uuid)`);
    }
    const page: { id: string; cursorAt: string }[] = await this.dataSource.query(
      `SELECT t.id, ${MICROSECOND_CURSOR('t.created_at')} AS "cursorAt" FROM task t WHERE ${where.join(' AND ')}
        ORDER BY t.created_at DESC, t.id DESC LIMIT ${param(size + 1)}`,
      params,
    );
    const found = new Map(
      (await this.dataSource.getRepository(TaskEntity).findBy({ id: In(page.map((r) => r.id)) })).map((t) => [t.id, t]),
    );
    const rows = page.map((r) => Object.assign(found.get(r.id)!, { cursorAt: r.cursorAt }));
    return toConnection(
      rows,
      size,
      async () => {
        const [{ count }] = await this.dataSource.query(
          `SELECT count(*)::int AS count FROM task t WHERE ${countWhere.join(' AND ')}`,
          countParams,
        );
        return count as number;
      },
      (t) => [t.cursorAt, t.id],
    );
  }

  private checkMove(task: TaskEntity, from: TaskStatus, to: TaskStatus, role: { creator: boolean; assignee: boolean }): void {
    const allowed = allowedMoves(from, role);
    if (allowed.includes(to)) return;
    const options = allowed.length
      ? `Yang dapat Anda lakukan: ${allowed.map((s) => STATUS_TEXT[s].id).join(', ')}.`
      : 'Tidak ada perubahan status yang dapat Anda lakukan.';
    const optionsEn = allowed.length
      ? `What you can do: ${allowed.map((s) => STATUS_TEXT[s].en).join(', ')}.`
      : 'There is no status change you can make.';
    throw conflict(
      {
        id: `Status tugas "${task.title}" tidak dapat diubah dari ${STATUS_TEXT[from].id} menjadi ${STATUS_TEXT[to].id}. ${options}`,
        en: `The status of task "${task.title}" cannot change from ${STATUS_TEXT[from].en} to ${STATUS_TEXT[to].en}. ${optionsEn}`,
      },
      {
        from,
        to,
        allowed,
      },
    );
  }

  private async completeAssignment(
    em: EntityManager,
    principal: Principal,
    viewerIds: string[],
    task: TaskEntity,
    note: string,
  ): Promise<void> {
    try {
      await this.dispositions.completeWithin(em, principal, viewerIds, task.sourceAssignmentId!, note);
    } catch (error) {
      const open = error instanceof AppError ? (error.details?.openForwarded as number | undefined) : undefined;
      if (open) {
        throw conflict(
          {
            id: `Tugas "${task.title}" menyelesaikan disposisi surat, tetapi ${open} disposisi yang Anda teruskan darinya belum selesai; selesaikan atau tarik dulu disposisi itu.`,
            en: `Task "${task.title}" completes a letter's assignment, but ${open} assignment(s) you forwarded from it are still open; complete or withdraw them first.`,
          },
          { openForwarded: open },
        );
      }
      if (error instanceof AppError && error.code === 'NOT_FOUND')
        throw forbidden({
          id: `Disposisi yang dikerjakan tugas "${task.title}" bukan milik Anda (atau pejabat yang Anda wakili); pemegangnya yang menyelesaikannya.`,
          en: `The assignment task "${task.title}" carries out is not yours (or the official's you act for); its holder completes it.`,
        });
      throw error;
    }
  }

  /** The next occurrence's due time and calendar, read before the transaction that completes this one. */
  private async nextOccurrencePlan({
    task,
    assigneeIds,
  }: TaskPeople): Promise<{ dueAt: Date; startAt: Date | null; dueSoonAt: Date | null } | null> {
    if (!task.recurrence || !task.dueAt) return null;
    const cal = await this.calendars.of(assigneeIds[0] ?? task.creatorId);
    const dueAt = nextOccurrence(task.recurrence, task.dueAt, cal);
    if (!dueAt) return null;
    const shift = dueAt.getTime() - task.dueAt.getTime();
    const startAt = task.startAt ? new Date(task.startAt.getTime() + shift) : null;
    const from = startAt ?? new Date(Math.max(Date.now(), task.dueAt.getTime()));
    return { dueAt, startAt, dueSoonAt: await this.dueSoonAt(from, dueAt, cal) };
  }

  private async createNext(
    em: EntityManager,
    task: TaskEntity,
    assigneeIds: string[],
    next: { dueAt: Date; startAt: Date | null; dueSoonAt: Date | null },
  ): Promise<string> {
    const items = await em.find(TaskChecklistItemEntity, { where: { taskId: task.id }, order: { position: 'ASC' } });
    const occurrence = em.create(TaskEntity, {
      ...task,
      id: randomUUID(),
      status: TaskStatus.TODO,
      progress: 0,
      startAt: next.startAt,
      dueAt: next.dueAt,
      dueSoonAt: next.dueSoonAt,
      ...FRESH_FOLLOW_UPS,
      sourceAssignmentId: null,
      completedAt: null,
      createdAt: undefined,
      updatedAt: undefined,
    });
    await this.insertTask(
      em,
      occurrence,
      assigneeIds,
      items.map((i) => i.text),
      [],
    );
    return occurrence.id;
  }

  private async insertTask(
    em: EntityManager,
    task: TaskEntity,
    assigneeIds: string[],
    checklist: string[],
    fileIds: string[],
  ): Promise<void> {
    await em.insert(TaskEntity, task);
    await em.insert(
      TaskAssigneeEntity,
      assigneeIds.map((userId) => ({ taskId: task.id, userId })),
    );
    if (checklist.length)
      await em.insert(
        TaskChecklistItemEntity,
        checklist.map((itemText, position) => ({ id: randomUUID(), taskId: task.id, position, text: itemText, done: false })),
      );
    if (fileIds.length)
      await em.insert(
        TaskFileEntity,
        fileIds.map((fileId) => ({ taskId: task.id, fileId, updateId: null })),
      );
  }

  private lock(em: EntityManager, id: string): Promise<TaskEntity> {
    return em.getRepository(TaskEntity).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOneOrFail();
  }

  private estimate(value: number | null | undefined): number | null {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < 0 || value > MAX_ESTIMATE_MINUTES)
      throw badInput(
        {
          id: `Perkiraan waktu (estimateMinutes) harus 0 sampai ${MAX_ESTIMATE_MINUTES} menit.`,
          en: `The estimate (estimateMinutes) must be 0 to ${MAX_ESTIMATE_MINUTES} minutes.`,
        },
        { field: 'estimateMinutes' },
      );
    return value;
  }

  private times(startAt: Date | null, dueAt: Date | null, now: Date): void {
    for (const [field, value] of [
      ['startAt', startAt],
      ['dueAt', dueAt],
    ] as const) {
      if (value && (!(value instanceof Date) || Number.isNaN(value.getTime())))
        throw badInput(
          {
            id: `${field} harus berupa tanggal dan jam seperti 2026-12-01T15:00:00+07:00.`,
            en: `${field} must be a date and time like 2026-12-01T15:00:00+07:00.`,
          },
          { field },
        );
    }
    if (dueAt && dueAt.getTime() <= now.getTime())
      throw badInput(
        {
          id: `Waktu tenggat ${localTime(dueAt, DEFAULT_TIME_ZONE)} sudah lewat; pilih waktu yang akan datang.`,
          en: `The due time ${localTime(dueAt, DEFAULT_TIME_ZONE, 'en')} has passed; choose a time to come.`,
        },
        { field: 'dueAt' },
      );
    if (startAt && dueAt && startAt.getTime() > dueAt.getTime())
      throw badInput(
        { id: 'Waktu mulai tidak boleh setelah waktu tenggat.', en: 'The start time must not be after the due time.' },
        { field: 'startAt' },
      );
  }

  /**
   * DUE_SOON from when the share of the time that reminds for a NORMAL letter has passed (the SLA policy's
   * remindAtFraction), counted in the assignee's working time from `from` (or now, if later); in plain time
   * when no working time lies between.
   */
  private async dueSoonAt(from: Date, dueAt: Date, cal: WorkingCalendar): Promise<Date> {
    const { remindAtFraction } = await this.calendar.policy(Urgency.NORMAL);
    const start = new Date(Math.max(from.getTime(), Date.now()));
    const working = workingMinutesBetween(start, dueAt, cal);
    if (working > 0) return addWorkingMinutes(start, working * remindAtFraction, cal);
    return new Date(start.getTime() + remindAtFraction * Math.max(0, dueAt.getTime() - start.getTime()));
  }

  private async targetOf(targetId: string, userIds: string[]): Promise<string> {
    const target = isUuid(targetId) ? await this.dataSource.getRepository(PerformanceTargetEntity).findOneBy({ id: targetId }) : null;
    if (!target)
      throw new AppError('NOT_FOUND', { id: 'Rencana hasil kerja itu tidak ditemukan.', en: 'That performance target was not found.' });
    if (!userIds.includes(target.userId))
      throw badInput(
        {
          id: `Rencana hasil kerja "${target.title}" milik orang lain; pilih rencana hasil kerja pembuat atau penerima tugas.`,
          en: `The performance target "${target.title}" belongs to someone else; choose a target of the task's creator or assignee.`,
        },
        {
          field: 'performanceTargetId',
        },
      );
    return target.id;
  }

  /** The assignment a task carries out must be an open one the caller (or the official they act for) holds. */
  private async sourceAssignment(principal: Principal, assignmentId: string, loaders: Loaders): Promise<string> {
    const assignment = isUuid(assignmentId)
      ? await this.dataSource.getRepository(DispositionAssignmentEntity).findOneBy({ id: assignmentId })
      : null;
    const viewerIds = await this.supervision.viewerIds(principal, loaders);
    if (!assignment || assignment.cancelledAt || !viewerIds.includes(assignment.assigneeId))
      throw new AppError('NOT_FOUND', {
        id: 'Disposisi itu tidak ditemukan, atau bukan untuk Anda (atau pejabat yang Anda wakili).',
        en: 'That assignment was not found, or it is not for you (or the official you act for).',
      });
    if (assignment.completedAt)
      throw conflict({
        id: 'Disposisi itu sudah selesai; tidak ada yang perlu dikerjakan lagi sebagai tugas.',
        en: 'That assignment is already completed; nothing is left to do as a task.',
      });
    return assignment.id;
  }

  private async ownFiles(principal: Principal, ids: string[] | null | undefined): Promise<string[]> {
    if (!ids?.length) return [];
    const fileIds = distinct(ids, 'fileIds');
    const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds) });
    const mine = new Set(files.filter((f) => f.uploadedById === principal.userId).map((f) => f.id));
    const foreign = fileIds.filter((id) => !mine.has(id));
    if (foreign.length)
      throw badInput(
        {
          id: `Lampirkan hanya berkas yang Anda unggah sendiri (POST /files); berkas ini bukan unggahan Anda: ${foreign.map((id) => files.find((f) => f.id === id)?.filename ?? 'berkas tidak dikenal').join(', ')}.`,
          en: `Attach only files you uploaded yourself (POST /files); these are not yours: ${foreign.map((id) => files.find((f) => f.id === id)?.filename ?? 'an unknown file').join(', ')}.`,
        },
        { field: 'fileIds' },
      );
    return fileIds;
  }
}
