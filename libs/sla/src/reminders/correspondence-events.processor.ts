import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CORRESPONDENCE_EVENTS_QUEUE } from '@gesit/correspondence';
import { QueueProcessor, QueueProcessorHost, QueueRegistry } from '@gesit/platform';
import { reminderJobId, stepJobId } from './reminder-texts';
import { DUE_JOB, REMIND_JOB, SLA_QUEUE, STEP_DUE_JOB, STEP_REMIND_JOB } from './reminders.service';

interface StepOpened {
  stepId: string;
  dueAt: string | null;
  dueSoonAt: string | null;
}

interface DispositionCreated {
  assignments: { id: string; dueAt: string; dueSoonAt?: string | null }[];
}

/**
 * Turns correspondence events into the SLA's delayed jobs: a reminder at the due-soon point and a due
 * notice at the due time of every new assignment and every approval step that opens. Completion and withdrawal need nothing here: the
 * jobs re-read the assignment and do nothing once it is closed.
 */
@Injectable()
@QueueProcessor({ queue: CORRESPONDENCE_EVENTS_QUEUE, concurrency: 20 })
export class CorrespondenceEventsProcessor implements QueueProcessorHost {
  constructor(private readonly queues: QueueRegistry) {}

  async process(job: Job): Promise<unknown> {
    if (job.name === 'approval.step.opened') return this.scheduleStep(job.data as StepOpened);
    if (job.name !== 'disposition.created') return { ignored: job.name };
    const { assignments } = job.data as DispositionCreated;
    const queue = this.queues.get(SLA_QUEUE);
    const now = Date.now();
    for (const a of assignments) {
      const dueAt = new Date(a.dueAt);
      if (a.dueSoonAt && new Date(a.dueSoonAt) < dueAt) {
        const at = new Date(a.dueSoonAt);
        await queue.add(
          REMIND_JOB,
          { assignmentId: a.id, at: at.getTime() },
          { jobId: reminderJobId(a.id, 'remind', at), delay: Math.max(0, at.getTime() - now) },
        );
      }
      await queue.add(
        DUE_JOB,
        { assignmentId: a.id, at: dueAt.getTime() },
        { jobId: reminderJobId(a.id, 'due', dueAt), delay: Math.max(0, dueAt.getTime() - now) },
      );
    }
    return { scheduled: assignments.length };
  }

  /** An approval step that opened: a reminder to the approver at its due-soon point and a due notice at its due time. */
  private async scheduleStep(step: StepOpened): Promise<unknown> {
    if (!step.dueAt) return { scheduled: 0 };
    const queue = this.queues.get(SLA_QUEUE);
    const now = Date.now();
    const dueAt = new Date(step.dueAt);
    if (step.dueSoonAt && new Date(step.dueSoonAt) < dueAt) {
      const at = new Date(step.dueSoonAt);
      await queue.add(
        STEP_REMIND_JOB,
        { stepId: step.stepId, at: at.getTime() },
        { jobId: stepJobId(step.stepId, 'remind', at), delay: Math.max(0, at.getTime() - now) },
      );
    }
    await queue.add(
      STEP_DUE_JOB,
      { stepId: step.stepId, at: dueAt.getTime() },
      { jobId: stepJobId(step.stepId, 'due', dueAt), delay: Math.max(0, dueAt.getTime() - now) },
    );
    return { scheduled: 1 };
  }
}
