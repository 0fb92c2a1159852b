import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addWorkingMinutes, CalendarService, localTime } from '@gesit/calendar';
import { ChainOfCommandService } from '@gesit/identity';
import { NotificationsService } from '@gesit/notifications';
import { inTransaction, OutboxService } from '@gesit/platform';
import {
  ApprovalSubject,
  approvalDueSoonText,
  approvalEscalationText,
  approvalOverdueText,
  dueSoonText,
  escalationJobId,
  escalationText,
  overdueText,
  ReminderSubject,
} from './reminder-texts';

export const SLA_QUEUE = 'sla';
export const REMIND_JOB = 'assignment.remind';
export const DUE_JOB = 'assignment.due';
export const ESCALATE_JOB = 'assignment.escalate';
export const STEP_REMIND_JOB = 'step.remind';
export const STEP_DUE_JOB = 'step.due';

export type ReminderOutcome = 'notified' | 'skipped';

interface OpenAssignment {
  id: string;
  assignee_id: string;
  assignee_name: string;
  unit_id: string | null;
  time_zone: string | null;
  due_at: Date;
  due_soon_at: Date | null;
  reminded_at: Date | null;
  escalation_level: number;
  urgency: string;
  number: string | null;
  agenda_number: string | null;
  subject: string;
  security_level: string;
}

interface PendingStep {
  id: string;
  approver_id: string;
  approver_name: string;
  kind: 'REVIEW' | 'SIGN';
  due_at: Date | null;
  due_soon_at: Date | null;
  time_zone: string | null;
  subject: string;
  security_level: string;
}

/**
 * What a reminder, due or escalation job does. Each re-reads the assignment under a row lock and acts
 * only if the state it was scheduled for still holds (open, same due time, step not yet taken); the
 * notification's dedupe key makes a repeated run notify once.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly chain: ChainOfCommandService,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxService,
  ) {}

  private async lockOpen(em: EntityManager, id: string): Promise<OpenAssignment | null> {
    const [row] = await em.query(
      `SELECT a.id, a.assignee_id, usr.name AS assignee_name, p.unit_id, un.timezone AS time_zone, a.due_at, a.due_soon_at, a.reminded_at,
              a.escalation_level, a.urgency, l.number, l.agenda_number, l.subject, l.security_level
         FROM disposition_assignment a
         JOIN letter l ON l.id = a.letter_id
         JOIN app_user usr ON usr.id = a.assignee_id
         LEFT JOIN position p ON p.id = usr.position_id
         LEFT JOIN unit un ON un.id = p.unit_id
        WHERE a.id = $1 AND a.completed_at IS NULL AND a.cancelled_at IS NULL
        FOR UPDATE OF a`,
      [id],
    );
    return (row as OpenAssignment | undefined) ?? null;
  }

  private subject(a: OpenAssignment, timeZone: string): ReminderSubject {
    return {
      letterNumber: a.number,
      agendaNumber: a.agenda_number,
      subject: a.subject,
      classified: a.security_level === 'CONFIDENTIAL' || a.security_level === 'SECRET',
      dueLocal: localTime(a.due_at, timeZone),
    };
  }

  private async zoneOf(userId: string, em: EntityManager): Promise<string> {
    const [row] = await em.query(
      'SELECT un.timezone FROM app_user u JOIN position p ON p.id = u.position_id JOIN unit un ON un.id = p.unit_id WHERE u.id = $1',
      [userId],
    );
    return row?.timezone ?? 'Asia/Jakarta';
  }

  /** At `remindAtFraction` of the SLA: the assignee is told the due time is near. */
  remind(assignmentId: string, dueSoonAtMs: number): Promise<ReminderOutcome> {
    return inTransaction(this.dataSource, async (em) => {
      const a = await this.lockOpen(em, assignmentId);
      if (!a || a.reminded_at || a.due_soon_at?.getTime() !== dueSoonAtMs) return 'skipped';
      await this.notifications.notify(em, {
        userId: a.assignee_id,
        ...dueSoonText(this.subject(a, a.time_zone ?? 'Asia/Jakarta')),
        entityType: 'DispositionAssignment',
        entityId: a.id,
        dedupeKey: `assignment-${a.id}-remind-${dueSoonAtMs}`,
      });
      await em.query('UPDATE disposition_assignment SET reminded_at = now() WHERE id = $1', [a.id]);
      return 'notified';
    });
  }

  /** At the due time: the assignee is told it is overdue, and the first escalation goes to their superior. */
  due(assignmentId: string, dueAtMs: number): Promise<ReminderOutcome> {
    return inTransaction(this.dataSource, async (em) => {
      const a = await this.lockOpen(em, assignmentId);
      if (!a || a.due_at.getTime() !== dueAtMs || a.escalation_level > 0) return 'skipped';
      await this.notifications.notify(em, {
        userId: a.assignee_id,
        ...overdueText(this.subject(a, a.time_zone ?? 'Asia/Jakarta')),
        entityType: 'DispositionAssignment',
        entityId: a.id,
        dedupeKey: `assignment-${a.id}-overdue-${dueAtMs}`,
      });
      await this.escalateTo(em, a, 1);
      return 'notified';
    });
  }

  /** Every `escalateEveryWorkingHours` after the due time: one level higher, up to the head of the organisation. */
  escalate(assignmentId: string, level: number, dueAtMs: number): Promise<ReminderOutcome> {
    return inTransaction(this.dataSource, async (em) => {
      const a = await this.lockOpen(em, assignmentId);
      if (!a || a.due_at.getTime() !== dueAtMs || a.escalation_level !== level - 1) return 'skipped';
      return (await this.escalateTo(em, a, level)) ? 'notified' : 'skipped';
    });
  }

  private async escalateTo(em: EntityManager, a: OpenAssignment, level: number): Promise<boolean> {
    const leaders = await this.chain.leadersAbove(a.assignee_id);
    const recipient = leaders[level - 1];
    if (!recipient) {
      await em.query('UPDATE disposition_assignment SET escalation_level = $2, next_escalation_at = NULL WHERE id = $1', [a.id, level]);
      return false;
    }
    await this.notifications.notify(em, {
      userId: recipient,
      ...escalationText(this.subject(a, await this.zoneOf(recipient, em)), a.assignee_name, level),
      entityType: 'DispositionAssignment',
      entityId: a.id,
      dedupeKey: `assignment-${a.id}-escalate-${level}-${a.due_at.getTime()}`,
    });
    const policy = await this.calendar.policy(a.urgency as never);
    const next = leaders[level]
      ? addWorkingMinutes(a.due_at, policy.escalateEveryWorkingHours * 60 * level, await this.calendar.calendarFor(a.unit_id))
      : null;
    await em.query('UPDATE disposition_assignment SET escalation_level = $2, next_escalation_at = $3 WHERE id = $1', [a.id, level, next]);
    if (next) {
      await this.outbox.add(em, {
        queue: SLA_QUEUE,
        name: ESCALATE_JOB,
        payload: { assignmentId: a.id, level: level + 1, dueAt: a.due_at.getTime() },
        jobId: escalationJobId(a.id, level + 1, a.due_at),
        runAt: next,
      });
    }
    return true;
  }

  /** A PENDING approval step still waiting at its due-soon point: the approver is reminded. */
  remindStep(stepId: string, dueSoonAtMs: number): Promise<ReminderOutcome> {
    return inTransaction(this.dataSource, async (em) => {
      const step = await this.lockPendingStep(em, stepId);
      if (!step || step.due_soon_at?.getTime() !== dueSoonAtMs) return 'skipped';
      const id = await this.notifications.notify(em, {
        userId: step.approver_id,
        ...approvalDueSoonText(this.stepSubject(step)),
        entityType: 'ApprovalStep',
        entityId: step.id,
        dedupeKey: `step-${step.id}-remind-${dueSoonAtMs}`,
      });
      return id ? 'notified' : 'skipped';
    });
  }

  /** A PENDING approval step past its due time: the approver is told, and so is their superior. */
  stepDue(stepId: string, dueAtMs: number): Promise<ReminderOutcome> {
    return inTransaction(this.dataSource, async (em) => {
      const step = await this.lockPendingStep(em, stepId);
      if (!step || step.due_at?.getTime() !== dueAtMs) return 'skipped';
      const subject = this.stepSubject(step);
      const told = await this.notifications.notify(em, {
        userId: step.approver_id,
        ...approvalOverdueText(subject),
        entityType: 'ApprovalStep',
        entityId: step.id,
        dedupeKey: `step-${step.id}-overdue-${dueAtMs}`,
      });
      const superior = await this.chain.superiorOf(step.approver_id);
      if (superior) {
        await this.notifications.notify(em, {
          userId: superior,
          ...approvalEscalationText({ ...subject, dueLocal: localTime(step.due_at!, await this.zoneOf(superior, em)) }, step.approver_name),
          entityType: 'ApprovalStep',
          entityId: step.id,
          dedupeKey: `step-${step.id}-escalate-1-${dueAtMs}`,
        });
      }
      return told ? 'notified' : 'skipped';
    });
  }

  private async lockPendingStep(em: EntityManager, id: string): Promise<PendingStep | null> {
    const [row] = await em.query(
      `SELECT s.id, s.approver_id, usr.name AS approver_name, s.kind, s.due_at, s.due_soon_at, un.timezone AS time_zone, l.subject, l.security_level
         FROM approval_step s
         JOIN letter l ON l.id = s.letter_id
         JOIN app_user usr ON usr.id = s.approver_id
         LEFT JOIN position p ON p.id = usr.position_id
         LEFT JOIN unit un ON un.id = p.unit_id
        WHERE s.id = $1 AND s.status = 'PENDING'
        FOR UPDATE OF s`,
      [id],
    );
    return (row as PendingStep | undefined) ?? null;
  }

  private stepSubject(step: PendingStep): ApprovalSubject {
    return {
      subject: step.subject,
      classified: step.security_level === 'CONFIDENTIAL' || step.security_level === 'SECRET',
      step: step.kind,
      dueLocal: localTime(step.due_at!, step.time_zone ?? 'Asia/Jakarta'),
    };
  }
}
