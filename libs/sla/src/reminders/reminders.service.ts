import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { addWorkingMinutes, CalendarService, localTime, type SlaPolicyEntity, type UnitCalendar } from '@gesit/calendar';
import { LetterAccessService } from '@gesit/correspondence';
import { ChainOfCommandService } from '@gesit/identity';
import { NotificationsService } from '@gesit/notifications';
import { inTransaction, JobBatcher, OutboxService } from '@gesit/platform';
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
  restrictedApprovalEscalationText,
  restrictedEscalationText,
} from './reminder-texts';

export const SLA_QUEUE = 'sla';
export const REMIND_JOB = 'assignment.remind';
export const DUE_JOB = 'assignment.due';
export const ESCALATE_JOB = 'assignment.escalate';
export const STEP_REMIND_JOB = 'step.remind';
export const STEP_DUE_JOB = 'step.due';

export type ReminderOutcome = 'notified' | 'skipped';

/**
 * Reminders come in bursts (a sweep after an outage, a morning of due-soon points): up to this many
 * share one transaction, and up to REMIND_RUNS such transactions run at once (well within the pool).
 */
const REMIND_BATCH = 100;
const REMIND_RUNS = 4;

interface OpenAssignment {
  id: string;
  letter_id: string;
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

/** What an escalation needs besides the locked row, read before the transaction (see `escalationContext`). */
interface EscalationContext {
  assigneeId: string;
  leaders: string[];
  policy: SlaPolicyEntity;
  calendar: UnitCalendar;
}

interface PendingStep {
  id: string;
  letter_id: string;
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
    private readonly letterAccess: LetterAccessService,
  ) {}

  private async lockOpen(em: EntityManager, id: string): Promise<OpenAssignment | null> {
    return (await this.lockOpenMany(em, [id]))[0] ?? null;
  }

  /** The open ones among `ids`, locked in id order so that two batches never wait on each other. */
  private lockOpenMany(em: EntityManager, ids: string[]): Promise<OpenAssignment[]> {
    return em.query(
      `SELECT a.id, a.letter_id, a.assignee_id, usr.name AS assignee_name, p.unit_id, un.timezone AS time_zone, a.due_at, a.due_soon_at, a.reminded_at,
              a.escalation_level, a.urgency, l.number, l.agenda_number, l.subject, l.security_level
         FROM disposition_assignment a
         JOIN letter l ON l.id = a.letter_id
         JOIN app_user usr ON usr.id = a.assignee_id
         LEFT JOIN position p ON p.id = usr.position_id
         LEFT JOIN unit un ON un.id = p.unit_id
        WHERE a.id = ANY($1::uuid[]) AND a.completed_at IS NULL AND a.cancelled_at IS NULL
        ORDER BY a.id
        FOR UPDATE OF a`,
      [ids],
    );
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

  private readonly reminders = new JobBatcher((items: { assignmentId: string; dueSoonAtMs: number }[]) => this.remindMany(items), {
    maxBatch: REMIND_BATCH,
    maxRunning: REMIND_RUNS,
  });

  /** At `remindAtFraction` of the SLA: the assignee is told the due time is near. */
  remind(assignmentId: string, dueSoonAtMs: number): Promise<ReminderOutcome> {
    return this.reminders.add({ assignmentId, dueSoonAtMs });
  }

  /** `remind` for the reminders that arrived together: one lock read, one notification INSERT, one UPDATE. */
  private remindMany(items: { assignmentId: string; dueSoonAtMs: number }[]): Promise<ReminderOutcome[]> {
    return inTransaction(this.dataSource, async (em) => {
      const open = new Map((await this.lockOpenMany(em, [...new Set(items.map((i) => i.assignmentId))])).map((a) => [a.id, a]));
      const due = new Map<string, OpenAssignment>();
      const outcomes = items.map(({ assignmentId, dueSoonAtMs }): ReminderOutcome => {
        const a = open.get(assignmentId);
        // The same job twice in one batch (a repair re-added it) notifies once.
        if (!a || a.reminded_at || a.due_soon_at?.getTime() !== dueSoonAtMs || due.has(a.id)) return 'skipped';
        due.set(a.id, a);
        return 'notified';
      });
      if (!due.size) return outcomes;
      await this.notifications.notifyMany(
        em,
        [...due.values()].map((a) => ({
          userId: a.assignee_id,
          ...dueSoonText(this.subject(a, a.time_zone ?? 'Asia/Jakarta')),
          entityType: 'DispositionAssignment',
          entityId: a.id,
          dedupeKey: `assignment-${a.id}-remind-${a.due_soon_at!.getTime()}`,
        })),
      );
      await em.query('UPDATE disposition_assignment SET reminded_at = now() WHERE id = ANY($1::uuid[])', [[...due.keys()]]);
      return outcomes;
    });
  }

  /**
   * The chain of command and the calendar come from pooled connections of their own (and caches): read
   * inside the job's transaction, they would need a second connection while holding one, and a burst of
   * escalations as large as the pool would wait on each other for ever. So they are read first, and the
   * locked row must still belong to the same assignee.
   */
  private async escalationContext(assignmentId: string): Promise<EscalationContext | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.assignee_id, a.urgency, p.unit_id FROM disposition_assignment a
         JOIN app_user usr ON usr.id = a.assignee_id LEFT JOIN position p ON p.id = usr.position_id
        WHERE a.id = $1 AND a.completed_at IS NULL AND a.cancelled_at IS NULL`,
      [assignmentId],
    );
    if (!row) return null;
    const [leaders, policy, calendar] = await Promise.all([
      this.chain.leadersAbove(row.assignee_id),
      this.calendar.policy(row.urgency),
      this.calendar.calendarFor(row.unit_id),
    ]);
    return { assigneeId: row.assignee_id, leaders, policy, calendar };
  }

  /** At the due time: the assignee is told it is overdue, and the first escalation goes to their superior. */
  async due(assignmentId: string, dueAtMs: number): Promise<ReminderOutcome> {
    const context = await this.escalationContext(assignmentId);
    if (!context) return 'skipped';
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
      await this.escalateTo(em, a, 1, context);
      return 'notified';
    });
  }

  /** Every `escalateEveryWorkingHours` after the due time: one level higher, up to the head of the organisation. */
  async escalate(assignmentId: string, level: number, dueAtMs: number): Promise<ReminderOutcome> {
    const context = await this.escalationContext(assignmentId);
    if (!context) return 'skipped';
    return inTransaction(this.dataSource, async (em) => {
      const a = await this.lockOpen(em, assignmentId);
      if (!a || a.due_at.getTime() !== dueAtMs || a.escalation_level !== level - 1) return 'skipped';
      return (await this.escalateTo(em, a, level, context)) ? 'notified' : 'skipped';
    });
  }

  private async escalateTo(em: EntityManager, a: OpenAssignment, level: number, context: EscalationContext): Promise<boolean> {
    // Changed between the read and the lock: the job is retried and reads again.
    if (context.assigneeId !== a.assignee_id) throw new Error(`assignment ${a.id} changed hands while it was escalated; retrying`);
    const { leaders, policy, calendar } = context;
    const recipient = leaders[level - 1];
    if (!recipient) {
      await em.query('UPDATE disposition_assignment SET escalation_level = $2, next_escalation_at = NULL WHERE id = $1', [a.id, level]);
      return false;
    }
    const subject = this.subject(a, await this.zoneOf(recipient, em));
    const named = !subject.classified || (await this.letterAccess.canRead([recipient], a.letter_id, em));
    await this.notifications.notify(em, {
      userId: recipient,
      ...(named ? escalationText(subject, a.assignee_name, level) : restrictedEscalationText(level, subject.dueLocal)),
      entityType: named ? 'DispositionAssignment' : null,
      entityId: named ? a.id : null,
      dedupeKey: `assignment-${a.id}-escalate-${level}-${a.due_at.getTime()}`,
    });
    const next = leaders[level] ? addWorkingMinutes(a.due_at, policy.escalateEveryWorkingHours * 60 * level, calendar) : null;
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
  async stepDue(stepId: string, dueAtMs: number): Promise<ReminderOutcome> {
    // Before the transaction, as for assignments (see `escalationContext`).
    const [pending] = await this.dataSource.query(`SELECT approver_id FROM approval_step WHERE id = $1 AND status = 'PENDING'`, [stepId]);
    if (!pending) return 'skipped';
    const superior = await this.chain.superiorOf(pending.approver_id);
    return inTransaction(this.dataSource, async (em) => {
      const step = await this.lockPendingStep(em, stepId);
      if (!step || step.due_at?.getTime() !== dueAtMs) return 'skipped';
      if (step.approver_id !== pending.approver_id) throw new Error(`approval step ${step.id} changed hands while it was due; retrying`);
      const subject = this.stepSubject(step);
      const told = await this.notifications.notify(em, {
        userId: step.approver_id,
        ...approvalOverdueText(subject),
        entityType: 'ApprovalStep',
        entityId: step.id,
        dedupeKey: `step-${step.id}-overdue-${dueAtMs}`,
      });
      if (superior) {
        const theirs = { ...subject, dueLocal: localTime(step.due_at!, await this.zoneOf(superior, em)) };
        const named = !subject.classified || (await this.letterAccess.canRead([superior], step.letter_id, em));
        await this.notifications.notify(em, {
          userId: superior,
          ...(named ? approvalEscalationText(theirs, step.approver_name) : restrictedApprovalEscalationText(theirs)),
          entityType: named ? 'ApprovalStep' : null,
          entityId: named ? step.id : null,
          dedupeKey: `step-${step.id}-escalate-1-${dueAtMs}`,
        });
      }
      return told ? 'notified' : 'skipped';
    });
  }

  private async lockPendingStep(em: EntityManager, id: string): Promise<PendingStep | null> {
    const [row] = await em.query(
      `SELECT s.id, s.letter_id, s.approver_id, usr.name AS approver_name, s.kind, s.due_at, s.due_soon_at, un.timezone AS time_zone, l.subject, l.security_level
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
