import { Injectable } from '@nestjs/common';
import { AppConfig, type JobSchedule, jobHandlers, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { DigestService } from '../digest/digest.service';
import { FollowUpSweepService } from './follow-up-sweep.service';
import { REMINDERS, type ReminderJobs } from './reminder-jobs';
import { RemindersService } from './reminders.service';

// The digest is due from 07:00 local in each of the three zones; a run every 15 minutes sends it soon after.
const DIGEST_EVERY_MS = 15 * 60_000;

// A remind batch holds its jobs until its live pushes are done; 200 in flight lets the next batch be stored
// meanwhile (a wave of 100,000: 1,882–2,465 reminders/s against 1,492–1,773 at 100, bench/RESULTS.md session 16).
@Injectable()
@QueueProcessor({ queue: REMINDERS.queue, concurrency: 200 })
export class RemindersProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<ReminderJobs>({
    'assignment.remind': ({ assignmentId, at }) => this.reminders.remind(assignmentId, at),
    'assignment.due': ({ assignmentId, at }) => this.reminders.due(assignmentId, at),
    'assignment.escalate': ({ assignmentId, level, dueAt }) => this.reminders.escalate(assignmentId, level, dueAt),
    'step.remind': ({ stepId, at }) => this.reminders.remindStep(stepId, at),
    'step.due': ({ stepId, at }) => this.reminders.stepDue(stepId, at),
    'sla.sweep': async () => ({ requeued: await this.sweep.run() }),
    'sla.daily-digest': async () => ({ sent: await this.digest.run() }),
  });

  constructor(
    private readonly reminders: RemindersService,
    private readonly sweep: FollowUpSweepService,
    private readonly digest: DigestService,
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    return [
      { id: 'sla-sweep', name: 'sla.sweep', every: this.config.sweepIntervalMs },
      { id: 'sla-daily-digest', name: 'sla.daily-digest', every: DIGEST_EVERY_MS },
    ];
  }
}
