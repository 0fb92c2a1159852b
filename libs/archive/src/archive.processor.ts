import { Injectable } from '@nestjs/common';
import { AppConfig, JobSchedule, jobHandlers, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { ARCHIVE_QUEUE, type ArchiveEvents, OCR_SWEEP_JOB, RETENTION_SWEEP_JOB } from './archive-events';
import { OcrSweepService } from './ocr/ocr-sweep.service';
import { ImportRunnerService } from './imports/import-runner.service';
import { RetentionService } from './retention/retention.service';

@Injectable()
@QueueProcessor({ queue: ARCHIVE_QUEUE, concurrency: 2 })
export class ArchiveProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<Omit<ArchiveEvents, 'archive.record.ocr'>>({
    'archive.import.run': async ({ importId }, job) => {
      try {
        return { status: await this.imports.run(importId) };
      } catch (error) {
        if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.imports.giveUp(importId);
        throw error;
      }
    },
    'archive.retention.sweep': async () => ({ moved: (await this.retention.sweep()).moved.length }),
    'archive.ocr.sweep': async () => ({ requeued: await this.ocrSweep.run() }),
  });

  constructor(
    private readonly imports: ImportRunnerService,
    private readonly retention: RetentionService,
    private readonly ocrSweep: OcrSweepService,
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    // Daily, shortly after midnight in western Indonesia; the statement compares each unit's own date.
    return [
      { id: 'archive-retention', name: RETENTION_SWEEP_JOB, pattern: '15 0 * * *', tz: DEFAULT_TIME_ZONE },
      // OCR jobs lost with Redis are asked for again, as the other sweeps repair their own jobs.
      { id: 'archive-ocr-sweep', name: OCR_SWEEP_JOB, every: this.config.sweepIntervalMs },
    ];
  }
}
