import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { ARCHIVE_OCR_QUEUE, ArchiveEvents, OCR_RECORD_JOB } from '../archive-events';
import { OcrService } from './ocr.service';

@Injectable()
@QueueProcessor({ queue: ARCHIVE_OCR_QUEUE, concurrency: (config: AppConfig) => config.archive.ocrConcurrency })
export class OcrProcessor implements QueueProcessorHost {
  constructor(private readonly ocr: OcrService) {}

  async process(job: Job<ArchiveEvents[typeof OCR_RECORD_JOB]>): Promise<unknown> {
    if (job.name !== OCR_RECORD_JOB) throw new Error(`unknown OCR job "${job.name}"`);
    try {
      return { status: await this.ocr.run(job.data.recordId) };
    } catch (error) {
      // Thrown again, BullMQ retries with backoff; once the record is FAILED there is nothing left to retry.
      if (await this.ocr.recordFailure(job.data.recordId, error)) return { status: 'FAILED' };
      throw error;
    }
  }
}
