import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CORRESPONDENCE_EVENTS_QUEUE } from '@gesit/correspondence';
import { QueueProcessor, QueueProcessorHost, QueueRegistry } from '@gesit/platform';
import { reminderJobId } from './reminder-texts';
import { DUE_JOB, REMIND_JOB, SLA_QUEUE } from './reminders.service';

interface DispositionCreated {
  assignments: { id: string; dueAt: string; dueSoonAt?: string | null }[];
}

/**
 * Turns correspondence events into the SLA's delayed jobs: a reminder at the due-soon point and a due
 * notice at the due time of every new assignment. Completion and withdrawal need nothing here: the
 * jobs re-read the assignment and do nothing once it is closed.
 */
@Injectable()
@QueueProcessor({ queue: CORRESPONDENCE_EVENTS_QUEUE, concurrency: 20 })
export class CorrespondenceEventsProcessor implements QueueProcessorHost {
  constructor(private readonly queues: QueueRegistry) {}

  async process(job: Job): Promise<unknown> {
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
}
