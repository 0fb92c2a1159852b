import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobSchedule, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { FILES_QUEUE, RETAIN_JOB, STORAGE_SWEEP_JOB, StorageSweepService } from './storage-sweep.service';

const SWEEP_EVERY_MS = 15 * 60_000;

@Injectable()
@QueueProcessor({ queue: FILES_QUEUE, concurrency: 4 })
export class StorageSweepProcessor implements QueueProcessorHost {
  constructor(private readonly storage: StorageSweepService) {}

  schedules(): JobSchedule[] {
    return [{ id: 'storage-sweep', name: STORAGE_SWEEP_JOB, every: SWEEP_EVERY_MS }];
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case RETAIN_JOB:
        return { retained: await this.storage.retain((job.data as { fileId: string }).fileId) };
      case STORAGE_SWEEP_JOB:
        return this.storage.sweep();
      default:
        throw new Error(`unknown files job "${job.name}"`);
    }
  }
}
