import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobSchedule, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { ARCHIVE_QUEUE, ArchiveEvents, IMPORT_RUN_JOB, RETENTION_SWEEP_JOB } from './archive-events';
import { ImportRunnerService } from './imports/import-runner.service';
import { RetentionService } from './retention/retention.service';

@Injectable()
@QueueProcessor({ queue: ARCHIVE_QUEUE, concurrency: 2 })
export class ArchiveProcessor implements QueueProcessorHost {
  constructor(
    private readonly imports: ImportRunnerService,
    private readonly retention: RetentionService,
  ) {}

  schedules(): JobSchedule[] {
    // Daily, shortly after midnight in western Indonesia; the statement compares each unit's own date.
    return [{ id: 'archive-retention', name: RETENTION_SWEEP_JOB, pattern: '15 0 * * *', tz: DEFAULT_TIME_ZONE }];
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case IMPORT_RUN_JOB:
        return { status: await this.imports.run((job.data as ArchiveEvents[typeof IMPORT_RUN_JOB]).importId) };
      case RETENTION_SWEEP_JOB:
        return { moved: (await this.retention.sweep()).moved.length };
      default:
        throw new Error(`unknown archive job "${job.name}"`);
    }
  }
}
