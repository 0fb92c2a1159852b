import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CORRESPONDENCE_EVENTS } from '../correspondence-events';
import { LetterJournalService } from '../letters/letter-journal.service';
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
  constructor(private readonly journal: LetterJournalService) {}

  /** Writes a disposition and its assignments (used by registration, by dispose and by signing's delivery). */
  async create(
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
}
