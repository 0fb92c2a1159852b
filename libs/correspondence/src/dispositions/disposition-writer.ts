import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Statement } from '@gesit/platform';
import { CORRESPONDENCE_EVENTS } from '../correspondence-events';
import { LetterChange, LetterJournalService } from '../letters/letter-journal.service';
import { LetterEntity } from '../letters/letter.entity';
import { AssignmentStatus } from './disposition.enums';
import { DispositionAssignmentEntity, DispositionEntity } from './disposition.entity';

/** Who gets an assignment, and its SLA points. */
export interface AssignmentPlan {
  assigneeId: string;
  dueAt: Date;
  dueSoonAt: Date;
}

/** A disposition as written, with its assignments (so that a response needs no query to show them). */
export interface CreatedDisposition {
  disposition: DispositionEntity;
  assignments: DispositionAssignmentEntity[];
}

/** The one writer of dispositions and their assignments, with their timeline entry, audit and event. */
@Injectable()
export class DispositionWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journal: LetterJournalService,
  ) {}

  /** Writes a disposition and its assignments in the caller's transaction (registration, signing's delivery). */
  async create(em: EntityManager, input: DispositionInput): Promise<CreatedDisposition> {
    const statement = new Statement();
    const written = this.insertIn(statement, input);
    const [{ createdAt }]: { createdAt: Date }[] = await em.query(statement.sql(CREATED_AT), statement.values);
    stamp(written, createdAt);
    await this.journal.record(em, journalEntry(input, written));
    return written;
  }

  /**
   * The same writes with their journal added to `statement`, made only with the row of `when` (see Statement):
   * dispose's single statement. `select` is what its main query must select; `createdAt` comes back in it.
   */
  createIn(statement: Statement, input: DispositionInput, when: string): { written: CreatedDisposition; select: string[] } {
    const written = this.insertIn(statement, input, when);
    return { written, select: [CREATED_AT, ...this.journal.recordIn(statement, journalEntry(input, written), when)] };
  }

  /** The disposition and its assignments in one write each (the foreign keys are checked at the statement's end). */
  private insertIn(statement: Statement, input: DispositionInput, when?: string): CreatedDisposition {
    const disposition = this.dataSource.manager.create(DispositionEntity, {
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
      this.dataSource.manager.create(DispositionAssignmentEntity, {
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
    const only = when ? `FROM ${when} w WHERE w.ok` : '';
    const $ = (value: unknown, cast = '') => statement.param(value, cast);
    const id = $(disposition.id, '::uuid');
    const letterId = $(disposition.letterId, '::uuid');
    statement.with(
      'd',
      `INSERT INTO disposition (id, letter_id, sender_id, acting_for_id, parent_assignment_id, instructions, note, due_at, close_when_done)
       SELECT ${id}, ${letterId}, ${$(disposition.senderId)}, ${$(disposition.actingForId)}, ${$(disposition.parentAssignmentId)},
              ${$(disposition.instructions)}, ${$(disposition.note)}, ${$(disposition.dueAt)}, ${$(disposition.closeWhenDone)} ${only}
       RETURNING created_at`,
    );
    const column = (pick: (a: DispositionAssignmentEntity) => unknown, type: string) => $(assignments.map(pick), `::${type}[]`);
    const rows = [
      column((a) => a.id, 'uuid'),
      column((a) => a.assigneeId, 'uuid'),
      column((a) => a.dueAt, 'timestamptz'),
      column((a) => a.dueSoonAt, 'timestamptz'),
    ];
    statement.with(
      'a',
      `INSERT INTO disposition_assignment (id, disposition_id, letter_id, assignee_id, status, urgency, due_at, due_soon_at)
       SELECT a.id, ${id}, ${letterId}, a.assignee_id, ${$(AssignmentStatus.UNREAD)}, ${$(input.letter.urgency)}, a.due_at, a.due_soon_at
         FROM unnest(${rows.join(', ')}) AS a(id, assignee_id, due_at, due_soon_at) ${when ? `, ${when} w WHERE w.ok` : ''}`,
    );
    return { disposition, assignments };
  }
}

export interface DispositionInput {
  letter: Pick<LetterEntity, 'id' | 'urgency'>;
  senderId: string;
  actingForId: string | null;
  parentAssignmentId: string | null;
  instructions: string[];
  note: string | null;
  plans: AssignmentPlan[];
  closeWhenDone?: boolean;
}

const CREATED_AT = '(SELECT created_at FROM d) AS "createdAt"';

/** Both default to the transaction's now(), as the database wrote them. */
export function stamp(written: CreatedDisposition, createdAt: Date): CreatedDisposition {
  written.disposition.createdAt = createdAt;
  for (const a of written.assignments) a.createdAt = createdAt;
  return written;
}

function journalEntry(input: DispositionInput, { disposition, assignments }: CreatedDisposition): LetterChange {
  return {
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
  };
}
