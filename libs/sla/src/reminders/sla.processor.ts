import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobSchedule, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { DUE_JOB, ESCALATE_JOB, REMIND_JOB, RemindersService, SLA_QUEUE } from './reminders.service';
import { SlaSweepService } from './sla-sweep.service';

export const SWEEP_JOB = 'sla.sweep';
const SWEEP_EVERY_MS = 2 * 60_000;

@Injectable()
@QueueProcessor({ queue: SLA_QUEUE, concurrency: 50 })
export class SlaProcessor implements QueueProcessorHost {
  constructor(
    private readonly reminders: RemindersService,
    private readonly sweep: SlaSweepService,
  ) {}

  schedules(): JobSchedule[] {
    return [{ id: 'sla-sweep', name: SWEEP_JOB, every: SWEEP_EVERY_MS }];
  }

  async process(job: Job): Promise<unknown> {
    const data = job.data as { assignmentId: string; at: number; level: number; dueAt: number };
    switch (job.name) {
      case REMIND_JOB:
        return this.reminders.remind(data.assignmentId, data.at);
      case DUE_JOB:
        return this.reminders.due(data.assignmentId, data.at);
      case ESCALATE_JOB:
        return this.reminders.escalate(data.assignmentId, data.level, data.dueAt);
      case SWEEP_JOB:
        return { requeued: await this.sweep.run() };
      default:
        throw new Error(`unknown SLA job "${job.name}"`);
    }
  }
}
