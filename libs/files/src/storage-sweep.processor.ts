import { Injectable } from '@nestjs/common';
import { JobSchedule, jobHandlers, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { FILES_QUEUE, type FilesJobs, STORAGE_SWEEP_JOB, StorageSweepService } from './storage-sweep.service';

const SWEEP_EVERY_MS = 15 * 60_000;

@Injectable()
@QueueProcessor({ queue: FILES_QUEUE, concurrency: 4 })
export class StorageSweepProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<FilesJobs>({
    'file.retain': async ({ fileId }) => ({ retained: await this.storage.retain(fileId) }),
    'storage.sweep': () => this.storage.sweep(),
  });

  constructor(private readonly storage: StorageSweepService) {}

  schedules(): JobSchedule[] {
    return [{ id: 'storage-sweep', name: STORAGE_SWEEP_JOB, every: SWEEP_EVERY_MS }];
  }
}
