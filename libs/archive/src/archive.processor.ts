import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { ARCHIVE_QUEUE, ArchiveEvents, IMPORT_RUN_JOB } from './archive-events';
import { ImportRunnerService } from './imports/import-runner.service';

@Injectable()
@QueueProcessor({ queue: ARCHIVE_QUEUE, concurrency: 2 })
export class ArchiveProcessor implements QueueProcessorHost {
  constructor(private readonly imports: ImportRunnerService) {}

  async process(job: Job): Promise<unknown> {
    if (job.name === IMPORT_RUN_JOB) return { status: await this.imports.run((job.data as ArchiveEvents[typeof IMPORT_RUN_JOB]).importId) };
    throw new Error(`unknown archive job "${job.name}"`);
  }
}
