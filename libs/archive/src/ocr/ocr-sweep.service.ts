import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, MICROSECOND_CURSOR, OUTBOX_CHANNEL, QueueRegistry } from '@gesit/platform';
import { ARCHIVE_OCR_QUEUE, OCR_JOB_ID_PREFIX, OCR_RECORD_JOB, ocrJobId } from '../archive-events';

/** Records checked per round trip to Redis, oldest first. */
export const OCR_SWEEP_BATCH = 1_000;
/** Batches per sweep: a backlog of queued OCR is walked through in pages, and the next sweep starts again. */
export const OCR_SWEEP_MAX_BATCHES = 50;

/**
 * Asks again for the OCR of PENDING records whose job is gone (Redis was flushed or lost its data): not waiting
 * in the outbox and without a job under its deterministic id in Redis. Per batch, one statement finds the
 * records, one round trip to Redis checks their jobs, one statement puts the missing ones into the outbox.
 */
@Injectable()
export class OcrSweepService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  /** Returns how many OCR jobs it asked for again. */
  async run(): Promise<number> {
    let requeued = 0;
    let after: { at: string; id: string } | null = null;
    for (let batch = 0; batch < OCR_SWEEP_MAX_BATCHES; batch++) {
      const pending: { id: string; at: string }[] = await this.dataSource.query(
        `SELECT r.id, ${MICROSECOND_CURSOR('r.archived_at')} AS at FROM archive_record r
          WHERE r.ocr_status = 'PENDING' AND r.destroyed_at IS NULL
            AND ($3::timestamptz IS NULL OR (r.archived_at, r.id) > ($3::timestamptz, $4::uuid))
            AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = $2 || r.id AND o.sent_at IS NULL)
          ORDER BY r.archived_at, r.id LIMIT $1`,
        [OCR_SWEEP_BATCH, OCR_JOB_ID_PREFIX, after?.at ?? null, after?.id ?? null],
      );
      requeued += await this.requeueLost(pending.map((r) => r.id));
      if (pending.length < OCR_SWEEP_BATCH) break;
      after = pending[pending.length - 1];
    }
    return requeued;
  }

  private async requeueLost(pending: string[]): Promise<number> {
    if (!pending.length) return 0;
    const queue = this.queues.get(ARCHIVE_OCR_QUEUE);
    const pipeline = this.queues.connection.pipeline();
    for (const id of pending) pipeline.exists(queue.toKey(ocrJobId(id)));
    const exists = (await pipeline.exec()) ?? [];
    const lost = pending.filter((_, i) => {
      const [error, count] = exists[i] ?? [null, 1];
      if (error) throw error;
      return count === 0;
    });
    if (!lost.length) return 0;
    return inTransaction(this.dataSource, async (em) => {
      const rows: unknown[] = await em.query(
        `INSERT INTO outbox (id, queue, name, payload, job_id)
         SELECT gen_random_uuid(), $1, $2, jsonb_build_object('recordId', r.id), $4 || r.id
           FROM archive_record r WHERE r.id = ANY($3::uuid[]) AND r.ocr_status = 'PENDING'
         RETURNING id`,
        [ARCHIVE_OCR_QUEUE, OCR_RECORD_JOB, lost, OCR_JOB_ID_PREFIX],
      );
      if (rows.length) await em.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      return rows.length;
    });
  }
}
