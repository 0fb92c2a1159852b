import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from '../database/transactions';
import { QueueRegistry } from './queue.registry';

interface PendingRow {
  id: string;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  job_id: string | null;
  run_at: Date | null;
  priority: number | null;
}

export const OUTBOX_BATCH = 500;

/**
 * Moves committed outbox rows into BullMQ. Rows are claimed with FOR UPDATE SKIP LOCKED so several
 * relays share the work; a crash after the add and before the commit re-adds the same jobId, which
 * BullMQ ignores, so every job takes effect once.
 */
@Injectable()
export class OutboxRelayService {
  private readonly logger = new Logger(OutboxRelayService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queues: QueueRegistry,
  ) {}

  /** Relays one batch; returns how many rows it sent. */
  async relayBatch(limit = OUTBOX_BATCH): Promise<number> {
    return inTransaction(this.dataSource, async (em) => {
      const rows: PendingRow[] = await em.query(
        `SELECT id, queue, name, payload, job_id, run_at, priority FROM outbox
          WHERE sent_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) return 0;
      const now = Date.now();
      await Promise.all(
        rows.map((row) =>
          this.queues.get(row.queue).add(row.name, row.payload, {
            jobId: row.job_id ?? row.id,
            delay: row.run_at ? Math.max(0, new Date(row.run_at).getTime() - now) : undefined,
            priority: row.priority ?? undefined,
          }),
        ),
      );
      await em.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /** Relays until nothing is pending. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch();
      total += sent;
      if (sent < OUTBOX_BATCH) return total;
    }
  }

  /** Deletes rows sent longer ago than `olderThanDays`. */
  async purgeSent(olderThanDays: number): Promise<number> {
    const result = await this.dataSource.query(`DELETE FROM outbox WHERE sent_at < now() - make_interval(days => $1)`, [olderThanDays]);
    const affected = Array.isArray(result) ? (result[1] as number) : 0;
    if (affected) this.logger.log(`purged ${affected} sent outbox rows`);
    return affected;
  }
}
