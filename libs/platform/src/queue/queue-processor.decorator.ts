import { SetMetadata } from '@nestjs/common';
import type { Job, JobsOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';

export const QUEUE_PROCESSOR = Symbol('QUEUE_PROCESSOR');

export interface QueueProcessorOptions {
  queue: string;
  /** Jobs run at once; a function reads it from the settings (e.g. ARCHIVE_OCR_CONCURRENCY). */
  concurrency?: number | ((config: AppConfig) => number);
}

/** A periodic job, upserted once at worker start with BullMQ's job schedulers. */
export interface JobSchedule {
  id: string;
  name: string;
  /** cron pattern (with `tz`) or a fixed interval in ms */
  pattern?: string;
  tz?: string;
  every?: number;
  data?: Record<string, unknown>;
  opts?: JobsOptions;
}

export interface QueueProcessorHost {
  process(job: Job): Promise<unknown>;
  schedules?(): JobSchedule[];
}

/** Marks a provider as the handler of every job of one queue (run only in the worker app). */
export const QueueProcessor = (options: QueueProcessorOptions): ClassDecorator => SetMetadata(QUEUE_PROCESSOR, options);
