import { Injectable } from '@nestjs/common';
import { AppConfig, jobHandlers, QueueProcessor, QueueProcessorHost } from '@gesit/platform';
import { ARCHIVE_OCR_QUEUE, type ArchiveEvents } from '../archive-events';
import { OcrService } from './ocr.service';

@Injectable()
@QueueProcessor({ queue: ARCHIVE_OCR_QUEUE, concurrency: (config: AppConfig) => config.archive.ocrConcurrency })
export class OcrProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<Pick<ArchiveEvents, 'archive.record.ocr'>>({
    'archive.record.ocr': ({ recordId }) => this.run(recordId),
  });

  constructor(private readonly ocr: OcrService) {}

  private async run(recordId: string): Promise<unknown> {
    try {
      return { status: await this.ocr.run(recordId) };
    } catch (error) {
      // Thrown again, BullMQ retries with backoff; once the record is FAILED there is nothing left to retry.
      if (await this.ocr.recordFailure(recordId, error)) return { status: 'FAILED' };
      throw error;
    }
  }
}
