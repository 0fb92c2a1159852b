import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { CalendarService, localDate, Urgency, yearIn } from '@gesit/calendar';
import { StoredFileEntity } from '@gesit/files';
import { AccessPolicyService, belowUserCte, PeopleDirectory, type PlacedUser } from '@gesit/identity';
import {
  AppConfig,
  badInput,
  conflict,
  decodeCursor,
  inTransaction,
  MICROSECOND_CURSOR,
  isUniqueViolation,
  pageSize,
  Principal,
  toConnection,
  type ConnectionShape,
} from '@gesit/platform';
import { readableLetterSql } from '../access/letter-access.sql';
import { LetterAccessService } from '../access/letter-access.service';
import { ClassificationService } from '../classification/classification.service';
import { DispositionAssignmentEntity, DispositionEntity } from '../dispositions/disposition.entity';
import { formatNumber } from '../numbering/number-format';
import { CORRESPONDENCE_EVENTS } from '../correspondence-events';
import { LetterJournalService } from './letter-journal.service';
import { LetterAddresseeEntity, LetterEntity, LetterFileEntity } from './letter.entity';
import { AssignmentStatus, LetterDirection, LetterStatus } from './letter.enums';
import { LetterFilter, RegisterIncomingLetterInput } from './letter.types';
import { NumberingService } from './numbering.service';
import { distinctIds, requiredText } from './registration.rules';

// A scanner's clock may run a little ahead of the server's.
const CLOCK_SKEW_MS = 5 * 60_000;

/** A disposition as written, with its assignments (so that a response needs no query to show them). */
export interface CreatedDisposition {
  disposition: DispositionEntity;
  assignments: DispositionAssignmentEntity[];
}

export interface AssignmentPlan {
  assigneeId: string;
  dueAt: Date;
  dueSoonAt: Date;
}

@Injectable()
export class LettersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly classification: ClassificationService,
    private readonly numbering: NumberingService,
    private readonly journal: LetterJournalService,
    private readonly people: PeopleDirectory,
    private readonly access: LetterAccessService,
    private readonly policy: AccessPolicyService,
  ) {}

  /** Due and due-soon instants of an SLA that starts at `start`, in the assignee's own calendar. */
  /** Inside a transaction pass its `em`, so that a cold calendar cache reads through it. */
  async planAssignment(
    assignee: PlacedUser,
    urgency: Urgency,
    start: Date,
    limit?: Date | null,
    em?: EntityManager,
  ): Promise<AssignmentPlan> {
    const policy = await this.calendar.policy(urgency, em);
    let dueAt = await this.calendar.dueAt(start, policy.workingHours, assignee.unitId, em);
    if (limit && dueAt > limit) dueAt = limit;
    let dueSoonAt = await this.calendar.dueAt(start, policy.workingHours * policy.remindAtFraction, assignee.unitId, em);
    if (dueSoonAt > dueAt) dueSoonAt = dueAt;
    return { assigneeId: assignee.id, dueAt, dueSoonAt };
  }

  async register(principal: Principal, input: RegisterIncomingLetterInput): Promise<LetterEntity> {
    const number = requiredText(input.number, 'number', 200);
    const subject = requiredText(input.subject, 'subject', 1000);
    const senderName = requiredText(input.senderName, 'senderName', 500);
    const fileIds = distinctIds(input.fileIds, 'fileIds');
    const addresseeIds = distinctIds(input.addresseeIds, 'addresseeIds');
    const receivedAt = input.receivedAt ?? new Date();
    if (receivedAt.getTime() > Date.now() + CLOCK_SKEW_MS) throw badInput('receivedAt lies in the future.', { field: 'receivedAt' });
    if (!(await this.classification.get(input.classificationCode))) {
      throw badInput(`Classification code ${input.classificationCode} is not in the scheme; pick one from classificationCodes.`, {
        field: 'classificationCode',
      });
    }
    const clerk = (await this.people.placed([principal.userId])).get(principal.userId);
    if (!clerk) throw badInput('Your account holds no position, so Gesit cannot tell which unit registers this letter; ask an ADMIN.');
    if (input.letterDate > localDate(receivedAt, clerk.timeZone))
      throw badInput('letterDate is after the day the letter was received.', { field: 'letterDate' });
    const addressees = await this.people.placed(addresseeIds);
    const missing = addresseeIds.filter((id) => !addressees.has(id));
    if (missing.length)
      throw badInput(`These addressees do not exist or hold no position: ${missing.join(', ')}.`, { field: 'addresseeIds' });
    const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds) });
    const usable = new Set(
      files.filter((f) => f.uploadedById === principal.userId && f.contentType === 'application/pdf').map((f) => f.id),
    );
    const unusable = fileIds.filter((id) => !usable.has(id));
    if (unusable.length)
      throw badInput(`These files are not PDFs you uploaded: ${unusable.join(', ')}. Upload the scan with POST /files first.`, {
        field: 'fileIds',
      });
    const plans = await Promise.all([...addressees.values()].map((a) => this.planAssignment(a, input.urgency, receivedAt)));

    try {
      return await inTransaction(this.dataSource, async (em) => {
        const duplicate = await this.findDuplicate(em, senderName, number, input.letterDate);
        if (duplicate) throw this.duplicateError(duplicate);
        const year = yearIn(receivedAt, clerk.timeZone);
        const seq = await this.numbering.next(em, clerk.unitId, year, 'AGENDA');
        const letter = em.create(LetterEntity, {
          id: randomUUID(),
          direction: LetterDirection.INCOMING,
          kind: input.kind,
          status: LetterStatus.REGISTERED,
          number,
          agendaNumber: formatNumber(this.config.agendaNumberFormat, { seq, unitCode: clerk.unitCode, year, month: 1 }),
          subject,
          letterDate: input.letterDate,
          senderName,
          classificationCode: input.classificationCode,
          securityLevel: input.securityLevel,
          urgency: input.urgency,
          receivedAt,
          dueAt: new Date(Math.min(...plans.map((p) => p.dueAt.getTime()))),
          createdById: principal.userId,
          unitId: clerk.unitId,
        });
        await em.insert(LetterEntity, letter);
        await em.insert(
          LetterFileEntity,
          fileIds.map((fileId, position) => ({ letterId: letter.id, fileId, position })),
        );
        await em.insert(
          LetterAddresseeEntity,
          addresseeIds.map((userId) => ({ letterId: letter.id, userId })),
        );
        await this.journal.record(em, {
          letterId: letter.id,
          actorId: principal.userId,
          action: 'letter.registered',
          note: `Nomor agenda ${letter.agendaNumber}`,
          entityType: 'Letter',
          entityId: letter.id,
          change: {
            agendaNumber: letter.agendaNumber,
            number,
            senderName,
            subject,
            urgency: input.urgency,
            securityLevel: input.securityLevel,
            addresseeIds,
            fileIds,
          },
        });
        await this.createDisposition(em, {
          letter,
          senderId: principal.userId,
          actingForId: null,
          parentAssignmentId: null,
          instructions: [],
          note: null,
          plans,
        });
        return letter;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'letter_incoming_identity_uq')) {
        const existing = await this.findDuplicate(this.dataSource.manager, senderName, number, input.letterDate);
        if (existing) throw this.duplicateError(existing);
      }
      throw error;
    }
  }

  private findDuplicate(em: EntityManager, senderName: string, number: string, letterDate: string): Promise<LetterEntity | null> {
    return em
      .getRepository(LetterEntity)
      .createQueryBuilder('l')
      .where(
        `l.direction = 'INCOMING' AND lower(l.sender_name) = lower(:senderName) AND l.number = :number AND l.letter_date = :letterDate`,
        {
          senderName,
          number,
          letterDate,
        },
      )
      .getOne();
  }

  private duplicateError(existing: LetterEntity) {
    return conflict(`This letter is already registered with agenda number ${existing.agendaNumber}.`, {
      agendaNumber: existing.agendaNumber,
      letterId: existing.id,
    });
  }

  /** Writes a disposition and its assignments (used by registration and by dispose). */
  async createDisposition(
    em: EntityManager,
    input: {
      letter: Pick<LetterEntity, 'id' | 'urgency'>;
      senderId: string;
      actingForId: string | null;
      parentAssignmentId: string | null;
      instructions: string[];
      note: string | null;
      plans: AssignmentPlan[];
      closeWhenDone?: boolean;
    },
  ): Promise<CreatedDisposition> {
    const disposition = em.create(DispositionEntity, {
      id: randomUUID(),
      letterId: input.letter.id,
      senderId: input.senderId,
      actingForId: input.actingForId,
      parentAssignmentId: input.parentAssignmentId,
      instructions: input.instructions as DispositionEntity['instructions'],
      note: input.note,
      dueAt: new Date(Math.max(...input.plans.map((p) => p.dueAt.getTime()))),
      withdrawnAt: null,
      closeWhenDone: Boolean(input.closeWhenDone && input.parentAssignmentId),
    });
    const assignments = input.plans.map((plan) =>
      em.create(DispositionAssignmentEntity, {
        id: randomUUID(),
        dispositionId: disposition.id,
        letterId: input.letter.id,
        assigneeId: plan.assigneeId,
        status: AssignmentStatus.UNREAD,
        urgency: input.letter.urgency,
        dueAt: plan.dueAt,
        dueSoonAt: plan.dueSoonAt,
        escalationLevel: 0,
      }),
    );
    // One statement for the disposition and its assignments (the foreign keys are checked at its end).
    const [{ createdAt }]: { createdAt: Date }[] = await em.query(
      `WITH d AS (
         INSERT INTO disposition (id, letter_id, sender_id, acting_for_id, parent_assignment_id, instructions, note, due_at, close_when_done)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $15) RETURNING created_at),
       a AS (
         INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at, due_soon_at)
         SELECT a.id, $1, $2, a.assignee_id, $9, $10, a.due_at, a.due_soon_at
           FROM unnest($11::uuid[], $12::uuid[], $13::timestamptz[], $14::timestamptz[]) AS a(id, assignee_id, due_at, due_soon_at))
       SELECT created_at AS "createdAt" FROM d`,
      [
        disposition.id,
        disposition.letterId,
        disposition.senderId,
        disposition.actingForId,
        disposition.parentAssignmentId,
        disposition.instructions,
        disposition.note,
        disposition.dueAt,
        AssignmentStatus.UNREAD,
        input.letter.urgency,
        assignments.map((a) => a.id),
        assignments.map((a) => a.assigneeId),
        assignments.map((a) => a.dueAt),
        assignments.map((a) => a.dueSoonAt),
        disposition.closeWhenDone,
      ],
    );
    // Both default to the transaction's now(), as the database wrote them.
    disposition.createdAt = createdAt;
    for (const a of assignments) a.createdAt = createdAt;
    await this.journal.record(em, {
      letterId: input.letter.id,
      actorId: input.senderId,
      actingForId: input.actingForId,
      action: 'disposition.created',
      note: input.note,
      entityType: 'Disposition',
      entityId: disposition.id,
      change: {
        parentAssignmentId: input.parentAssignmentId,
        instructions: input.instructions,
        assignees: input.plans,
        closeWhenDone: disposition.closeWhenDone,
      },
      events: [
        CORRESPONDENCE_EVENTS.job('disposition.created', {
          letterId: input.letter.id,
          dispositionId: disposition.id,
          assignments: assignments.map((a) => ({
            id: a.id,
            assigneeId: a.assigneeId,
            dueAt: a.dueAt.toISOString(),
            dueSoonAt: a.dueSoonAt?.toISOString(),
          })),
        }),
      ],
    });
    return { disposition, assignments };
  }

  async get(principal: Principal, id: string): Promise<LetterEntity> {
    return this.access.read(await this.policy.viewerIds(principal), id);
  }

  /** The registry: letters the caller may read, newest first. */
  async list(
    principal: Principal,
    filter: LetterFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<LetterEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const effectiveUserIds = await this.policy.viewerIds(principal);
    const params: unknown[] = [effectiveUserIds];
    const where: string[] = [readableLetterSql('l.id', 'l.security_level', '$1::uuid[]')];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter?.direction) add('l.direction = ?', filter.direction);
    if (filter?.status?.length) add('l.status = ANY(?)', filter.status);
    if (filter?.receivedFrom) add('l.received_at >= ?', filter.receivedFrom);
    if (filter?.receivedTo) add('l.received_at < ?', filter.receivedTo);
    if (filter?.search?.trim()) {
      add(
        `(l.subject ILIKE ? OR l.number ILIKE $${params.length + 1} OR l.agenda_number ILIKE $${params.length + 1} OR l.sender_name ILIKE $${params.length + 1})`,
        likePattern(filter.search),
      );
    }
    const filtered = where.join(' AND ');
    const countParams = [...params];
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(l.created_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(size + 1);
    const rows: { id: string; at: string }[] = await this.dataSource.query(
      `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}
       SELECT l.id, ${MICROSECOND_CURSOR('l.created_at')} AS at FROM letter l WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC, l.id DESC LIMIT $${params.length}`,
      params,
    );
    const letters = await this.dataSource.getRepository(LetterEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(letters.map((l) => [l.id, l]));
    const at = new Map(rows.map((r) => [r.id, r.at]));
    const ordered = rows.map((r) => byId.get(r.id)).filter((l): l is LetterEntity => Boolean(l));
    const count = async () => {
      const [{ count: total }] = await this.dataSource.query(
        `WITH RECURSIVE ${belowUserCte('$1::uuid[]')} SELECT count(*)::int AS count FROM letter l WHERE ${filtered}`,
        countParams,
      );
      return total as number;
    };
    return toConnection(ordered, size, count, (l) => [at.get(l.id)!, l.id]);
  }
}

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
