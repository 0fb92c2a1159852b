import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { CalendarService, localTime, SlaPlanner, Urgency, workingMinutesBetween } from '@gesit/calendar';
import { StoredFileEntity } from '@gesit/files';
import { AccessPolicyService, PeopleDirectory, PeopleService, type UserEntity } from '@gesit/identity';
import {
  AppError,
  badInput,
  conflict,
  findOrNotFound,
  forbidden,
  inTransaction,
  isUuid,
  notFound,
  Principal,
  Statement,
} from '@gesit/platform';
import { LetterAccessService } from '../letters/letter-access.service';
import { CORRESPONDENCE_EVENTS } from '../correspondence-events';
import { LetterJournalService } from '../letters/letter-journal.service';
import { LetterEntity } from '../letters/letter.entity';
import { LetterStatus } from '../letters/letter.enums';
import { distinctIds, optionalText, requiredText } from '../letters/registration.rules';
import { CompleteAssignmentInput } from './complete-assignment.input';
import { CreatedDisposition, DispositionWriter, stamp } from './disposition-writer';
import { AssignmentStatus } from './disposition.enums';
import { AssignmentFileEntity, DispositionAssignmentEntity, DispositionEntity } from './disposition.entity';
import { DisposeInput } from './dispose.input';

const ORDER: AssignmentStatus[] = [
  AssignmentStatus.UNREAD,
  AssignmentStatus.READ,
  AssignmentStatus.IN_PROGRESS,
  AssignmentStatus.COMPLETED,
];
const rank = (status: AssignmentStatus): number => ORDER.indexOf(status);

/** The completion note of an assignment that closed by itself after the work it was forwarded to. */
const AUTOMATIC_COMPLETION = 'Selesai dengan sendirinya: semua disposisi turunannya telah selesai.';

type ParentAssignment = Pick<DispositionAssignmentEntity, 'id' | 'assigneeId' | 'status' | 'dueAt' | 'readAt'>;

/** Dispositions down the chain of command and each recipient's assignment lifecycle. */
@Injectable()
export class DispositionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly planner: SlaPlanner,
    private readonly writer: DispositionWriter,
    private readonly journal: LetterJournalService,
    private readonly people: PeopleDirectory,
    private readonly access: LetterAccessService,
    private readonly policy: AccessPolicyService,
    private readonly directory: PeopleService,
  ) {}

  /**
   * Whom the caller may dispose an assignment to: the people below its holder (the caller, or the official
   * whose Plh/Plt the caller is) in the chain of command, nearest first; never the caller.
   */
  async candidates(principal: Principal, assignmentId: string, search?: string | null): Promise<UserEntity[]> {
    const [row]: { assigneeId: string; letterId: string }[] = isUuid(assignmentId)
      ? await this.dataSource.query(
          `SELECT assignee_id AS "assigneeId", letter_id AS "letterId" FROM disposition_assignment
            WHERE id = $1 AND cancelled_at IS NULL`,
          [assignmentId],
        )
      : [];
    const missing = new AppError('NOT_FOUND', {
      id: 'Disposisi itu tidak ditemukan atau tidak dapat Anda buka.',
      en: 'That assignment was not found or you cannot open it.',
    });
    if (!row) throw missing;
    if (!(await this.policy.actingOn(principal, row.assigneeId))) {
      if (await this.access.canRead(await this.policy.viewerIds(principal), row.letterId)) {
        throw forbidden({
          id: 'Disposisi ini bukan untuk Anda: hanya penerimanya (atau Plh/Plt-nya) yang dapat meneruskannya.',
          en: 'This disposition is not for you: only its recipient (or their Plh/Plt) may forward it.',
        });
      }
      throw missing;
    }
    return this.directory.below(row.assigneeId, search, principal.userId);
  }

  async dispose(principal: Principal, input: DisposeInput): Promise<CreatedDisposition> {
    const instructions = distinctIds(input.instructions, 'instructions');
    const assigneeIds = distinctIds(input.assigneeIds, 'assigneeIds');
    const note = optionalText(input.note, 'note');
    const { letter, parent } = await this.parentAssignment(principal, input.letterId, input.parentAssignmentId);
    const official = parent.assigneeId;
    const actingForId = official === principal.userId ? null : official;
    if (parent.status === AssignmentStatus.COMPLETED)
      throw badInput({
        id: 'Disposisi ini sudah selesai; tidak ada lagi yang dapat diteruskan.',
        en: 'This assignment is already completed; nothing is left to forward.',
      });
    if (assigneeIds.includes(official))
      throw badInput(
        { id: 'Anda tidak dapat mendisposisikan surat kepada diri sendiri.', en: 'You cannot dispose a letter to yourself.' },
        { field: 'assigneeIds' },
      );
    // It would outlast the delegation: the Plh would keep an assignment of their own on the official's letter.
    if (actingForId && assigneeIds.includes(principal.userId)) {
      throw badInput(
        {
          id: 'Sebagai Plh/Plt Anda tidak dapat mendisposisikan surat pejabat kepada diri sendiri.',
          en: "As Plh/Plt you cannot dispose the official's letter to yourself.",
        },
        { field: 'assigneeIds' },
      );
    }
    const placed = await this.people.placedBelow(official, assigneeIds);
    const outside = assigneeIds.filter((id) => !placed.has(id));
    if (outside.length) {
      const names = await this.people.names(outside);
      const who = (unknown: string) => outside.map((id) => names.get(id) ?? unknown).join(', ');
      throw badInput(
        {
          id: `Disposisi mengalir turun menurut rantai komando; ${who('orang yang tidak dikenal')} tidak berada di bawah Anda.`,
          en: `A disposition goes down the chain of command; ${who('an unknown person')} not below you.`,
        },
        { field: 'assigneeIds' },
      );
    }
    const now = new Date();
    if (input.dueAt) {
      if (input.dueAt.getTime() > parent.dueAt.getTime()) {
        const zone = await this.people.timeZone(official);
        throw badInput(
          {
            id: `Batas waktu tidak boleh melewati batas waktu Anda sendiri: ${localTime(parent.dueAt, zone)} (${parent.dueAt.toISOString()}).`,
            en: `The due time cannot be later than your own: ${localTime(parent.dueAt, zone, 'en')} (${parent.dueAt.toISOString()}).`,
          },
          {
            field: 'dueAt',
            limit: parent.dueAt.toISOString(),
          },
        );
      }
      if (input.dueAt.getTime() <= now.getTime())
        throw badInput({ id: 'Batas waktu itu sudah lewat.', en: 'The due time has already passed.' }, { field: 'dueAt' });
    }
    const { remindAtFraction } = await this.calendar.policy(letter.urgency);
    const plans = await Promise.all(
      assigneeIds.map(async (id) => {
        if (!input.dueAt)
          return { assigneeId: id, ...(await this.planner.plan(placed.get(id)!.unitId, letter.urgency, now, parent.dueAt)) };
        // A due time chosen by the sender: the reminder comes when the same share of that time has passed.
        const dueSoonAt = new Date(now.getTime() + remindAtFraction * (input.dueAt.getTime() - now.getTime()));
        return { assigneeId: id, dueAt: input.dueAt, dueSoonAt };
      }),
    );
    // One statement, atomic by itself (see startParent); the disposition and its journal are written only with `go`.
    const statement = new Statement();
    const go = startParent(statement, {
      parentId: parent.id,
      letterId: letter.id,
      people: [principal.userId, official, ...assigneeIds],
      now,
    });
    const { written, select } = this.writer.createIn(
      statement,
      {
        letter,
        senderId: principal.userId,
        actingForId,
        parentAssignmentId: parent.id,
        instructions,
        note,
        plans,
        closeWhenDone: input.closeWhenDone ?? false,
      },
      go,
    );
    const [row]: { status: AssignmentStatus; createdAt: Date | null }[] = await this.dataSource.query(
      statement.sql(['(SELECT status FROM locked) AS status', ...select].join(', ')),
      statement.values,
    );
    if (row.status === AssignmentStatus.COMPLETED || !row.createdAt)
      throw conflict({
        id: 'Disposisi ini baru saja diselesaikan; tidak ada lagi yang dapat diteruskan.',
        en: 'This assignment was completed meanwhile; nothing is left to forward.',
      });
    return stamp(written, row.createdAt);
  }

  /**
   * The letter and the assignment being forwarded: the given one, or the caller's only open one on the
   * letter. A letter the caller may not read is NOT_FOUND; an assignment the caller holds (or holds as
   * Plh/Plt) names them on the letter, so then the letter is readable without asking (one query). The
   * caller's active delegations are read only when the assignment is not their own.
   */
  private async parentAssignment(
    principal: Principal,
    letterId: string,
    parentId?: string | null,
  ): Promise<{ letter: Pick<LetterEntity, 'id' | 'status' | 'urgency'>; parent: ParentAssignment }> {
    if (parentId && isUuid(parentId) && isUuid(letterId)) {
      const [row]: (ParentAssignment & { letterStatus: LetterStatus; urgency: Urgency })[] = await this.dataSource.query(
        `SELECT a.id, a.assignee_id AS "assigneeId", a.status, a.due_at AS "dueAt", a.read_at AS "readAt",
                l.status AS "letterStatus", l.urgency
           FROM disposition_assignment a JOIN letter l ON l.id = a.letter_id
          WHERE a.id = $1 AND a.letter_id = $2 AND a.cancelled_at IS NULL`,
        [parentId, letterId],
      );
      const held = row && { letter: { id: letterId, status: row.letterStatus, urgency: row.urgency }, parent: row };
      if (held && row.assigneeId === principal.userId) return held;
      const me = await this.policy.viewerIds(principal);
      if (held && me.includes(row.assigneeId)) return held;
      await this.access.readable(me, letterId);
      if (!row) throw notFound({ id: 'Disposisi', en: 'Assignment' });
      throw forbidden({
        id: 'Hanya pemegang disposisi ini (atau Plh/Plt-nya) yang dapat mendisposisikannya.',
        en: 'Only the holder of this assignment (or their Plh/Plt) may dispose it.',
      });
    }
    const me = await this.policy.viewerIds(principal);
    const letter = await this.access.readable(me, letterId);
    if (parentId) throw notFound({ id: 'Disposisi', en: 'Assignment' });
    const open = (
      await this.dataSource
        .getRepository(DispositionAssignmentEntity)
        .findBy({ letterId: letter.id, assigneeId: In(me), cancelledAt: IsNull() })
    ).filter((a) => a.status !== AssignmentStatus.COMPLETED);
    if (!open.length)
      throw forbidden({
        id: 'Anda tidak memegang disposisi terbuka atas surat ini, jadi tidak dapat mendisposisikannya.',
        en: 'You hold no open assignment on this letter, so you cannot dispose it.',
      });
    if (open.length > 1) {
      throw badInput(
        {
          id: 'Anda memegang beberapa disposisi atas surat ini; sebutkan yang diteruskan pada parentAssignmentId.',
          en: 'You hold several assignments on this letter; say which one you forward in parentAssignmentId.',
        },
        {
          field: 'parentAssignmentId',
        },
      );
    }
    return { letter, parent: open[0] };
  }

  private lockAssignment(em: EntityManager, id: string): Promise<DispositionAssignmentEntity> {
    return findOrNotFound(em, DispositionAssignmentEntity, id, { id: 'Disposisi', en: 'Assignment' }, { lock: true });
  }

  async withdraw(principal: Principal, dispositionId: string): Promise<DispositionEntity> {
    const effectiveUserIds = await this.policy.viewerIds(principal);
    const disposition = await findOrNotFound(this.dataSource.manager, DispositionEntity, dispositionId, {
      id: 'Disposisi',
      en: 'Disposition',
    });
    await this.access.readable(effectiveUserIds, disposition.letterId).catch(() => {
      throw notFound({ id: 'Disposisi', en: 'Disposition' });
    });
    const official = disposition.actingForId ?? disposition.senderId;
    if (!effectiveUserIds.includes(official) && !effectiveUserIds.includes(disposition.senderId)) {
      throw forbidden({
        id: 'Hanya pengirim disposisi (atau Plh/Plt-nya) yang dapat menariknya.',
        en: 'Only the sender of a disposition (or their Plh/Plt) may withdraw it.',
      });
    }
    if (disposition.withdrawnAt) return disposition;
    return inTransaction(this.dataSource, async (em) => {
      const assignments = await em
        .getRepository(DispositionAssignmentEntity)
        .createQueryBuilder('a')
        .setLock('pessimistic_write')
        .where('a.disposition_id = :id', { id: disposition.id })
        .getMany();
      const read = assignments.filter((a) => a.status !== AssignmentStatus.UNREAD);
      if (read.length)
        throw conflict({
          id: 'Disposisi ini tidak dapat ditarik lagi: penerimanya sudah membacanya.',
          en: 'This disposition can no longer be withdrawn: someone has already read it.',
        });
      const now = new Date();
      await em.update(DispositionEntity, { id: disposition.id }, { withdrawnAt: now });
      await em.update(DispositionAssignmentEntity, { dispositionId: disposition.id }, { cancelledAt: now });
      await this.journal.record(em, {
        letterId: disposition.letterId,
        actorId: principal.userId,
        actingForId: official === principal.userId ? null : official,
        action: 'disposition.withdrawn',
        entityType: 'Disposition',
        entityId: disposition.id,
        change: { assigneeIds: assignments.map((a) => a.assigneeId) },
        events: [
          CORRESPONDENCE_EVENTS.job('disposition.withdrawn', {
            dispositionId: disposition.id,
            assignmentIds: assignments.map((a) => a.id),
          }),
        ],
      });
      return Object.assign(disposition, { withdrawnAt: now });
    });
  }

  markRead(principal: Principal, id: string): Promise<DispositionAssignmentEntity> {
    return this.advance(principal, id, AssignmentStatus.READ);
  }

  start(principal: Principal, id: string): Promise<DispositionAssignmentEntity> {
    return this.advance(principal, id, AssignmentStatus.IN_PROGRESS);
  }

  async complete(principal: Principal, input: CompleteAssignmentInput): Promise<DispositionAssignmentEntity> {
    const note = requiredText(input.note, 'note', 4000);
    const fileIds = input.fileIds?.length ? distinctIds(input.fileIds, 'fileIds') : [];
    if (fileIds.length) {
      const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds.filter(isUuid)) });
      const mine = new Set(files.filter((f) => f.uploadedById === principal.userId).map((f) => f.id));
      const foreign = fileIds.filter((id) => !mine.has(id));
      if (foreign.length)
        throw badInput(
          {
            id: `Lampirkan hanya berkas yang Anda unggah sendiri; ${foreign.length} berkas bukan unggahan Anda.`,
            en: `Attach only files you uploaded; ${foreign.length} of them are not yours.`,
          },
          { field: 'fileIds' },
        );
    }
    return this.advance(
      principal,
      input.assignmentId,
      AssignmentStatus.COMPLETED,
      this.completion(note, fileIds, input.evenIfForwardedOpen ?? false),
    );
  }

  /**
   * Completes an assignment inside the caller's transaction, by the rules of complete() (a task that carries
   * it out was done). `effectiveUserIds` (the caller and the officials they act for) is read before the
   * transaction, which must not take a second connection.
   */
  async completeWithin(
    em: EntityManager,
    principal: Principal,
    effectiveUserIds: readonly string[],
    assignmentId: string,
    note: string,
  ): Promise<DispositionAssignmentEntity> {
    const found = isUuid(assignmentId) ? await em.findOneBy(DispositionAssignmentEntity, { id: assignmentId }) : null;
    if (!found || found.cancelledAt || !effectiveUserIds.includes(found.assigneeId)) throw notFound({ id: 'Disposisi', en: 'Assignment' });
    return this.advanceWithin(
      em,
      principal,
      assignmentId,
      AssignmentStatus.COMPLETED,
      this.completion(requiredText(note, 'note', 4000), [], false),
    );
  }

  private completion(
    note: string,
    fileIds: string[],
    evenIfForwardedOpen: boolean,
  ): (em: EntityManager, assignment: DispositionAssignmentEntity, now: Date) => Promise<{ note: string; change: object }> {
    return async (em, assignment, now) => {
      const [{ open }] = await em.query(
        `SELECT count(*)::int AS open FROM disposition_assignment a JOIN disposition d ON d.id = a.disposition_id
          WHERE d.parent_assignment_id = $1 AND a.cancelled_at IS NULL AND a.status <> 'COMPLETED'`,
        [assignment.id],
      );
      if (open > 0 && !evenIfForwardedOpen) {
        throw new AppError(
          'CONFLICT',
          {
            id: `${open} disposisi yang Anda teruskan masih terbuka; tetap selesaikan dengan evenIfForwardedOpen: true.`,
            en: `${open} assignment(s) you forwarded are still open; complete anyway with evenIfForwardedOpen: true.`,
          },
          { openForwarded: open },
        );
      }
      const minutes = await this.completionMinutes(em, assignment, now);
      await em.update(DispositionAssignmentEntity, { id: assignment.id }, { completionNote: note, completionWorkingMinutes: minutes });
      if (fileIds.length)
        await em.insert(
          AssignmentFileEntity,
          fileIds.map((fileId) => ({ assignmentId: assignment.id, fileId })),
        );
      return { note, change: { completionNote: note, fileIds, completionWorkingMinutes: minutes } };
    };
  }

  /**
   * After `completed` closes: the assignment it was forwarded from closes by itself when its sender chose
   * "close when done" and nothing else it forwarded is open, and so on up; the letter is completed once no
   * assignment on it is open.
   */
  private async afterCompletion(em: EntityManager, completed: DispositionAssignmentEntity, now: Date): Promise<void> {
    let child = completed;
    for (;;) {
      // The parent is locked before its other children are counted, in a statement of its own: siblings
      // completing at once take turns, and the last one sees the others' committed completions.
      const [parent]: (DispositionAssignmentEntity & { closeWhenDone: boolean })[] = await em.query(
        `SELECT p.id, p.assignee_id AS "assigneeId", p.letter_id AS "letterId", p.status, p.created_at AS "createdAt",
                d.close_when_done AS "closeWhenDone"
           FROM disposition_assignment c JOIN disposition d ON d.id = c.disposition_id
           JOIN disposition_assignment p ON p.id = d.parent_assignment_id
          WHERE c.id = $1 AND p.cancelled_at IS NULL AND p.status <> 'COMPLETED'
          FOR NO KEY UPDATE OF p`,
        [child.id],
      );
      if (!parent?.closeWhenDone) break;
      const [{ open }]: { open: number }[] = await em.query(
        `SELECT count(*)::int AS open FROM disposition d JOIN disposition_assignment o ON o.disposition_id = d.id
          WHERE d.parent_assignment_id = $1 AND o.cancelled_at IS NULL AND o.status <> 'COMPLETED'`,
        [parent.id],
      );
      if (open > 0) break;
      const minutes = await this.completionMinutes(em, parent, now);
      await em.update(
        DispositionAssignmentEntity,
        { id: parent.id },
        { status: AssignmentStatus.COMPLETED, completedAt: now, completionWorkingMinutes: minutes, completionNote: AUTOMATIC_COMPLETION },
      );
      await em.query(
        'UPDATE disposition_assignment SET read_at = coalesce(read_at, $2), started_at = coalesce(started_at, $2) WHERE id = $1',
        [parent.id, now],
      );
      await this.journal.record(em, {
        letterId: parent.letterId,
        actorId: parent.assigneeId,
        action: 'assignment.completed',
        note: AUTOMATIC_COMPLETION,
        entityType: 'DispositionAssignment',
        entityId: parent.id,
        change: {
          from: parent.status,
          to: AssignmentStatus.COMPLETED,
          automatic: true,
          after: child.id,
          completionWorkingMinutes: minutes,
        },
        events: [CORRESPONDENCE_EVENTS.job('assignment.completed', { assignmentId: parent.id, letterId: parent.letterId })],
      });
      child = parent;
    }
    // Locked first for the same reason: the last of several completing at once must see the others. NO KEY
    // UPDATE, because each of them already holds the KEY SHARE lock its timeline row's foreign key took.
    await em.query('SELECT 1 FROM letter WHERE id = $1 FOR NO KEY UPDATE', [completed.letterId]);
    const [{ remaining }] = await em.query(
      `SELECT count(*)::int AS remaining FROM disposition_assignment WHERE letter_id = $1 AND cancelled_at IS NULL AND status <> 'COMPLETED'`,
      [completed.letterId],
    );
    if (remaining === 0) await em.update(LetterEntity, { id: completed.letterId }, { status: LetterStatus.COMPLETED });
  }

  /** Working minutes from an assignment's arrival to `now`, on its holder's calendar. */
  private async completionMinutes(em: EntityManager, assignment: Pick<DispositionAssignmentEntity, 'assigneeId' | 'createdAt'>, now: Date) {
    const place = (await this.people.placed([assignment.assigneeId], em)).get(assignment.assigneeId);
    const calendar = await this.calendar.calendarFor(place?.unitId ?? null, em);
    return Math.round(workingMinutesBetween(assignment.createdAt, now, calendar));
  }

  /**
   * Moves an assignment forward (never back); repeating a step changes nothing and records nothing.
   * Only its holder, or their active Plh/Plt, may move it.
   */
  private async advance(
    principal: Principal,
    id: string,
    to: AssignmentStatus,
    extra?: (em: EntityManager, assignment: DispositionAssignmentEntity, now: Date) => Promise<{ note: string; change: object }>,
  ): Promise<DispositionAssignmentEntity> {
    const effectiveUserIds = await this.policy.viewerIds(principal);
    const found = isUuid(id) ? await this.dataSource.getRepository(DispositionAssignmentEntity).findOneBy({ id }) : null;
    if (!found || found.cancelledAt || !effectiveUserIds.includes(found.assigneeId)) throw notFound({ id: 'Disposisi', en: 'Assignment' });
    return inTransaction(this.dataSource, (em) => this.advanceWithin(em, principal, id, to, extra));
  }

  private async advanceWithin(
    em: EntityManager,
    principal: Principal,
    id: string,
    to: AssignmentStatus,
    extra?: (em: EntityManager, assignment: DispositionAssignmentEntity, now: Date) => Promise<{ note: string; change: object }>,
  ): Promise<DispositionAssignmentEntity> {
    const assignment = await this.lockAssignment(em, id);
    if (rank(assignment.status) >= rank(to)) return assignment;
    const now = new Date();
    const changes: Partial<DispositionAssignmentEntity> = { status: to, readAt: assignment.readAt ?? now };
    if (to === AssignmentStatus.IN_PROGRESS || to === AssignmentStatus.COMPLETED) changes.startedAt = assignment.startedAt ?? now;
    if (to === AssignmentStatus.COMPLETED) changes.completedAt = now;
    const more = extra ? await extra(em, assignment, now) : null;
    await em.update(DispositionAssignmentEntity, { id }, changes);
    const action = {
      [AssignmentStatus.READ]: 'assignment.read',
      [AssignmentStatus.IN_PROGRESS]: 'assignment.started',
      [AssignmentStatus.COMPLETED]: 'assignment.completed',
    }[to as Exclude<AssignmentStatus, AssignmentStatus.UNREAD>];
    await this.journal.record(em, {
      letterId: assignment.letterId,
      actorId: principal.userId,
      actingForId: assignment.assigneeId === principal.userId ? null : assignment.assigneeId,
      action,
      note: more?.note ?? null,
      entityType: 'DispositionAssignment',
      entityId: id,
      change: { from: assignment.status, to, ...more?.change },
      events:
        to === AssignmentStatus.COMPLETED
          ? [CORRESPONDENCE_EVENTS.job('assignment.completed', { assignmentId: id, letterId: assignment.letterId })]
          : [],
    });
    if (to === AssignmentStatus.COMPLETED) await this.afterCompletion(em, assignment, now);
    return em.findOneByOrFail(DispositionAssignmentEntity, { id });
  }
}

/**
 * The CTEs of a dispose before its writes: the parent assignment is locked and, unless it is completed, started (read
 * now, if it was unread), and a registered letter is put in progress. Returns the name of the CTE that yields a row
 * only when the parent is not completed, after every row the writes refer to is locked: the parent FOR UPDATE, the
 * letter and the people FOR KEY SHARE (their foreign keys are checked at the statement's end). So they are all locked
 * before the audit chain's lock, in the order of a transaction that audits at its end.
 */
function startParent(statement: Statement, at: { parentId: string; letterId: string; people: string[]; now: Date }): string {
  const $ = (value: unknown, cast = '') => statement.param(value, cast);
  const parentId = $(at.parentId, '::uuid');
  const completed = $(AssignmentStatus.COMPLETED);
  const now = $(at.now, '::timestamptz');
  const notStarted = ORDER.filter((status) => rank(status) < rank(AssignmentStatus.IN_PROGRESS));
  statement
    .with(
      'locked',
      `SELECT a.status FROM disposition_assignment a JOIN letter l ON l.id = a.letter_id
        WHERE a.id = ${parentId} FOR UPDATE OF a FOR KEY SHARE OF l`,
    )
    .with(
      'letter_started',
      `UPDATE letter SET status = ${$(LetterStatus.IN_PROGRESS)} FROM locked
        WHERE letter.id = ${$(at.letterId, '::uuid')} AND letter.status = ${$(LetterStatus.REGISTERED)} AND locked.status <> ${completed}
        RETURNING 1`,
    )
    .with('people', `SELECT 1 FROM app_user WHERE id = ANY(${$(at.people, '::uuid[]')}) FOR KEY SHARE`)
    // Reading `people` and `letter_started` here makes their locks come before any write that reads `go`.
    .with(
      'go',
      `SELECT true AS ok FROM locked
        WHERE locked.status <> ${completed} AND (SELECT count(*) FROM people) > 0 AND (SELECT count(*) FROM letter_started) >= 0`,
    )
    .with(
      'started',
      `UPDATE disposition_assignment a SET status = ${$(AssignmentStatus.IN_PROGRESS)}, read_at = coalesce(a.read_at, ${now}), started_at = ${now}
         FROM locked WHERE a.id = ${parentId} AND locked.status = ANY(${$(notStarted, '::text[]')})`,
    );
  return 'go';
}
