import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { type PendingStep, StepFollowUp } from '@gesit/approvals';
import { CalendarService, localTime, type SlaPolicyEntity, type UnitCalendar, type Urgency } from '@gesit/calendar';
import { AssignmentFollowUp, isClassified, LetterAccessService, type OpenAssignment } from '@gesit/correspondence';
import { ChainOfCommandService, PeopleDirectory } from '@gesit/identity';
import { inTransaction, JobBatcher, OutboxService } from '@gesit/platform';
import { NotificationDeliveryService } from '../notification-delivery.service';
import { NotificationsService, type NotifyInput } from '../notifications.service';
import { escalationStep } from './escalation';
import { escalationJobId, REMINDERS } from './reminder-jobs';
import {
  ApprovalSubject,
  approvalDueSoonText,
  approvalEscalationText,
  approvalOverdueText,
  dueSoonText,
  escalationText,
  overdueText,
  ReminderSubject,
  restrictedApprovalEscalationText,
  restrictedEscalationText,
} from './reminder-texts';

export type ReminderOutcome = 'notified' | 'skipped';

/**
 * Reminders come in bursts (a sweep after an outage, a morning of due-soon points): up to this many
 * share one transaction, and up to REMIND_RUNS such transactions run at once (well within the pool).
 */
const REMIND_BATCH = 100;
const REMIND_RUNS = 4;

/** Stores a notification in the caller's transaction: its id, or null when its dedupe key was used already. */
type Tell = (input: NotifyInput) => Promise<string | null>;

/** What an escalation needs besides the locked row, read before the transaction (see `escalationContext`). */
interface EscalationContext {
  assigneeId: string;
  leaders: string[];
  policy: SlaPolicyEntity;
  calendar: UnitCalendar;
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
    private readonly people: PeopleDirectory,
    private readonly notifications: NotificationsService,
    private readonly delivery: NotificationDeliveryService,
    private readonly outbox: OutboxService,
    private readonly letterAccess: LetterAccessService,
    private readonly assignments: AssignmentFollowUp,
    private readonly steps: StepFollowUp,
  ) {}

  private async lockOpen(em: EntityManager, id: string): Promise<OpenAssignment | null> {
    return (await this.assignments.lockOpen(em, [id]))[0] ?? null;
  }

  private subject(a: OpenAssignment, timeZone: string): ReminderSubject {
    return {
      letterNumber: a.letterNumber,
      agendaNumber: a.agendaNumber,
      subject: a.subject,
      classified: isClassified(a.securityLevel),
      dueLocal: localTime(a.dueAt, timeZone),
      dueLocalEn: localTime(a.dueAt, timeZone, 'en'),
    };
  }

  private readonly reminders = new JobBatcher((items: { assignmentId: string; dueSoonAtMs: number }[]) => this.remindMany(items), {
    maxBatch: REMIND_BATCH,
    maxRunning: REMIND_RUNS,
  });

  /** At `remindAtFraction` of the SLA: the assignee is told the due time is near. */
  remind(assignmentId: string, dueSoonAtMs: number): Promise<ReminderOutcome> {
    return this.reminders.add({ assignmentId, dueSoonAtMs });
  }

  /**
   * `remind` for the reminders that arrived together: one lock read, one time-zone read, one write of everything,
   * then, once committed, the live pushes from this process (a wave of reminders is one job each, not two).
   */
  private async remindMany(items: { assignmentId: string; dueSoonAtMs: number }[]): Promise<ReminderOutcome[]> {
    const { outcomes, stored } = await inTransaction(this.dataSource, async (em) => {
      const open = new Map((await this.assignments.lockOpen(em, [...new Set(items.map((i) => i.assignmentId))])).map((a) => [a.id, a]));
      const due = new Map<string, OpenAssignment>();
      const outcomes = items.map(({ assignmentId, dueSoonAtMs }): ReminderOutcome => {
        const a = open.get(assignmentId);
        // The same job twice in one batch (a repair re-added it) notifies once.
        if (!a || a.remindedAt || a.dueSoonAt?.getTime() !== dueSoonAtMs || due.has(a.id)) return 'skipped';
        due.set(a.id, a);
        return 'notified';
      });
      if (!due.size) return { outcomes, stored: [] };
      const zones = await this.people.timeZones([...new Set([...due.values()].map((a) => a.assigneeId))], em);
      // The notifications and the assignments marked reminded: one statement.
      const ids = await this.notifications.notifyMany(
        em,
        [...due.values()].map((a) => ({
          userId: a.assigneeId,
          ...dueSoonText(this.subject(a, zones.get(a.assigneeId)!)),
          entityType: 'DispositionAssignment',
          entityId: a.id,
          dedupeKey: `assignment-${a.id}-remind-${a.dueSoonAt!.getTime()}`,
        })),
        this.assignments.markRemindedWrite([...due.keys()]),
        { queue: false },
      );
      return { outcomes, stored: ids.filter((id): id is string => id !== null) };
    });
    await this.delivery.deliverNow(stored);
    return outcomes;
  }

  /**
   * Runs `work` in a transaction whose notifications (`tell`) are stored without a queued delivery and pushed live
   * from this process once it commits, as a remind batch's are (see `NotificationDeliveryService.deliverNow`).
   */
  private async pushedAfterCommit<T>(work: (em: EntityManager, tell: Tell) => Promise<T>): Promise<T> {
    const stored: string[] = [];
    const result = await inTransaction(this.dataSource, (em) =>
      work(em, async (input) => {
        const [id] = await this.notifications.notifyMany(em, [input], undefined, { queue: false });
        if (id) stored.push(id);
        return id;
      }),
    );
    await this.delivery.deliverNow(stored);
    return result;
  }

  /**
   * The chain of command and the calendar come from pooled connections of their own (and caches): read
   * inside the job's transaction, they would need a second connection while holding one, and a burst of
   * escalations as large as the pool would wait on each other for ever. So they are read first, and the
   * locked row must still belong to the same assignee.
   */
  private async escalationContext(assignmentId: string): Promise<EscalationContext | null> {
    const open = await this.assignments.openAssignee(assignmentId);
    if (!open) return null;
    const placed = (await this.people.placed([open.assigneeId])).get(open.assigneeId);
    const [leaders, policy, calendar] = await Promise.all([
      this.chain.leadersAbove(open.assigneeId),
      this.calendar.policy(open.urgency as Urgency),
      this.calendar.calendarFor(placed?.unitId ?? null),
    ]);
    return { assigneeId: open.assigneeId, leaders, policy, calendar };
  }

  /** At the due time: the assignee is told it is overdue, and the first escalation goes to their superior. */
  async due(assignmentId: string, dueAtMs: number): Promise<ReminderOutcome> {
    const context = await this.escalationContext(assignmentId);
    if (!context) return 'skipped';
    return this.pushedAfterCommit(async (em, tell) => {
      const a = await this.lockOpen(em, assignmentId);
      if (!a || a.dueAt.getTime() !== dueAtMs || a.escalationLevel > 0) return 'skipped';
      await tell({
        userId: a.assigneeId,
        ...overdueText(this.subject(a, await this.people.timeZone(a.assigneeId, em))),
        entityType: 'DispositionAssignment',
        entityId: a.id,
        dedupeKey: `assignment-${a.id}-overdue-${dueAtMs}`,
      });
      await this.escalateTo(em, tell, a, 1, context);
      return 'notified';
    });
  }

  /** Every `escalateEveryWorkingHours` after the due time: one level higher, up to the head of the organisation. */
  async escalate(assignmentId: string, level: number, dueAtMs: number): Promise<ReminderOutcome> {
    const context = await this.escalationContext(assignmentId);
    if (!context) return 'skipped';
    return this.pushedAfterCommit(async (em, tell) => {
      const a = await this.lockOpen(em, assignmentId);
      if (!a || a.dueAt.getTime() !== dueAtMs || a.escalationLevel !== level - 1) return 'skipped';
      return (await this.escalateTo(em, tell, a, level, context)) ? 'notified' : 'skipped';
    });
  }

  private async escalateTo(em: EntityManager, tell: Tell, a: OpenAssignment, level: number, context: EscalationContext): Promise<boolean> {
    // Changed between the read and the lock: the job is retried and reads again.
    if (context.assigneeId !== a.assigneeId) throw new Error(`assignment ${a.id} changed hands while it was escalated; retrying`);
    const { leaders, policy, calendar } = context;
    const { recipient, next } = escalationStep(leaders, level, a.dueAt, policy.escalateEveryWorkingHours, calendar);
    if (!recipient) {
      await this.assignments.escalated(em, a.id, level, null);
      return false;
    }
    const subject = this.subject(a, await this.people.timeZone(recipient, em));
    const named = !subject.classified || (await this.letterAccess.canRead([recipient], a.letterId, em));
    const assigneeName = (await this.people.names([a.assigneeId], em)).get(a.assigneeId) ?? '';
    await tell({
      userId: recipient,
      ...(named ? escalationText(subject, assigneeName, level) : restrictedEscalationText(level, subject.dueLocal, subject.dueLocalEn)),
      entityType: named ? 'DispositionAssignment' : null,
      entityId: named ? a.id : null,
      dedupeKey: `assignment-${a.id}-escalate-${level}-${a.dueAt.getTime()}`,
    });
    await this.assignments.escalated(em, a.id, level, next);
    if (next) {
      await this.outbox.add(
        em,
        REMINDERS.job(
          'assignment.escalate',
          { assignmentId: a.id, level: level + 1, dueAt: a.dueAt.getTime() },
          { jobId: escalationJobId(a.id, level + 1, a.dueAt), runAt: next },
        ),
      );
    }
    return true;
  }

  /** A PENDING approval step still waiting at its due-soon point: the approver is reminded. */
  remindStep(stepId: string, dueSoonAtMs: number): Promise<ReminderOutcome> {
    return this.pushedAfterCommit(async (em, tell) => {
      const step = await this.steps.lockPending(em, stepId);
      if (!step || step.dueSoonAt?.getTime() !== dueSoonAtMs) return 'skipped';
      const id = await tell({
        userId: step.approverId,
        ...approvalDueSoonText(await this.stepSubject(em, step)),
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
    const approverId = await this.steps.pendingApprover(stepId);
    if (!approverId) return 'skipped';
    const superior = await this.chain.superiorOf(approverId);
    return this.pushedAfterCommit(async (em, tell) => {
      const step = await this.steps.lockPending(em, stepId);
      if (!step || step.dueAt?.getTime() !== dueAtMs) return 'skipped';
      if (step.approverId !== approverId) throw new Error(`approval step ${step.id} changed hands while it was due; retrying`);
      const subject = await this.stepSubject(em, step);
      const told = await tell({
        userId: step.approverId,
        ...approvalOverdueText(subject),
        entityType: 'ApprovalStep',
        entityId: step.id,
        dedupeKey: `step-${step.id}-overdue-${dueAtMs}`,
      });
      if (superior) {
        const zone = await this.people.timeZone(superior, em);
        const theirs = { ...subject, dueLocal: localTime(step.dueAt!, zone), dueLocalEn: localTime(step.dueAt!, zone, 'en') };
        const named = !subject.classified || (await this.letterAccess.canRead([superior], step.letterId, em));
        const approverName = (await this.people.names([step.approverId], em)).get(step.approverId) ?? '';
        await tell({
          userId: superior,
          ...(named ? approvalEscalationText(theirs, approverName) : restrictedApprovalEscalationText(theirs)),
          entityType: named ? 'ApprovalStep' : null,
          entityId: named ? step.id : null,
          dedupeKey: `step-${step.id}-escalate-1-${dueAtMs}`,
        });
      }
      return told ? 'notified' : 'skipped';
    });
  }

  private async stepSubject(em: EntityManager, step: PendingStep): Promise<ApprovalSubject> {
    const zone = await this.people.timeZone(step.approverId, em);
    return {
      subject: step.subject,
      classified: isClassified(step.securityLevel),
      step: step.kind,
      dueLocal: localTime(step.dueAt!, zone),
      dueLocalEn: localTime(step.dueAt!, zone, 'en'),
    };
  }
}
