import { Injectable } from '@nestjs/common';
import { AppConfig, type JobSchedule, jobHandlers, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { DailyReportRemindersService } from './daily-reports/daily-report-reminders.service';
import { TASK_FOLLOW_UPS, type TaskFollowUpJobs } from './task-follow-ups';
import { TaskFollowUpService, TaskFollowUpSweepService } from './tasks/task-follow-up.service';

// The report reminders are due from 15:30 local in each zone; a run every 5 minutes sends them soon after.
const REPORT_REMINDERS_EVERY_MS = 5 * 60_000;

@Injectable()
@QueueProcessor({ queue: TASK_FOLLOW_UPS.queue, concurrency: 20 })
export class TaskFollowUpProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<TaskFollowUpJobs>({
    'task.remind': ({ taskId, at }) => this.tasks.remind(taskId, at),
    'task.due': ({ taskId, at }) => this.tasks.due(taskId, at),
    'task.escalate': ({ taskId, level, dueAt }) => this.tasks.escalate(taskId, level, dueAt),
    'task.sweep': async () => ({ requeued: await this.sweep.run() }),
    'daily-report.reminders': async () => ({ sent: await this.reports.run() }),
  });

  constructor(
    private readonly tasks: TaskFollowUpService,
    private readonly sweep: TaskFollowUpSweepService,
    private readonly reports: DailyReportRemindersService,
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    return [
      { id: 'daily-report-reminders', name: 'daily-report.reminders', every: REPORT_REMINDERS_EVERY_MS },
      { id: 'task-follow-up-sweep', name: 'task.sweep', every: this.config.sweepIntervalMs },
    ];
  }
}
