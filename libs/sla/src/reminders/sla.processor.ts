import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig, JobSchedule, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { DigestService } from '../digest/digest.service';
import { DUE_JOB, ESCALATE_JOB, REMIND_JOB, RemindersService, SLA_QUEUE, STEP_DUE_JOB, STEP_REMIND_JOB } from './reminders.service';
import { SlaSweepService } from './sla-sweep.service';

export const SWEEP_JOB = 'sla.sweep';
export const DIGEST_JOB = 'sla.daily-digest';
// The digest is due from 07:00 local in each of the three zones; a run every 15 minutes sends it soon after.
const DIGEST_EVERY_MS = 15 * 60_000;

@Injectable()
@QueueProcessor({ queue: SLA_QUEUE, concurrency: 100 })
export class SlaProcessor implements QueueProcessorHost {
  constructor(
    private readonly reminders: RemindersService,
    private readonly sweep: SlaSweepService,
    private readonly digest: DigestService,
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    return [
      { id: 'sla-sweep', name: SWEEP_JOB, every: this.config.sweepIntervalMs },
      { id: 'sla-daily-digest', name: DIGEST_JOB, every: DIGEST_EVERY_MS },
    ];
  }

  async process(job: Job): Promise<unknown> {
    const data = job.data as { assignmentId: string; stepId: string; at: number; level: number; dueAt: number };
    switch (job.name) {
      case REMIND_JOB:
        return this.reminders.remind(data.assignmentId, data.at);
      case DUE_JOB:
        return this.reminders.due(data.assignmentId, data.at);
      case ESCALATE_JOB:
        return this.reminders.escalate(data.assignmentId, data.level, data.dueAt);
      case STEP_REMIND_JOB:
        return this.reminders.remindStep(data.stepId, data.at);
      case STEP_DUE_JOB:
        return this.reminders.stepDue(data.stepId, data.at);
      case SWEEP_JOB:
        return { requeued: await this.sweep.run() };
      case DIGEST_JOB:
        return { sent: await this.digest.run() };
      default:
        throw new Error(`unknown SLA job "${job.name}"`);
    }
  }
}
