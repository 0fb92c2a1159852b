import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Counter, Gauge, Registry } from 'prom-client';

const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;
// A scrape must answer even when Redis does not; the queue series are then left out.
const SCRAPE_TIMEOUT_MS = 2_000;

const logger = new Logger('Metrics');

/**
 * Queue depth per state, and the number of jobs that failed for good, read from Redis on every scrape.
 * Both are properties of the shared queues, not of this process: every API instance reports the same
 * values, so aggregate them with max(), not sum(). Failures come from BullMQ's own metrics, which the
 * workers record when they are created with the `metrics` option.
 */
export function registerQueueMetrics(registry: Registry, queues: () => Queue[]): void {
  let snapshot: Promise<QueueSnapshot[]> | null = null;
  // Both collectors run in the same scrape; they share one round of Redis reads.
  const read = (): Promise<QueueSnapshot[]> => {
    snapshot ??= readQueues(queues()).finally(() => setImmediate(() => (snapshot = null)));
    return snapshot;
  };

  new Gauge({
    name: 'gesit_queue_jobs',
    help: 'Jobs in each BullMQ queue by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, counts } of await read()) {
        for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
      }
    },
  });
  new Counter({
    name: 'gesit_queue_jobs_failed_total',
    help: 'Jobs of each BullMQ queue that failed after their last attempt',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const { queue, failedTotal } of await read()) this.inc({ queue }, failedTotal);
    },
  });
}

interface QueueSnapshot {
  queue: string;
  counts: Record<string, number>;
  failedTotal: number;
}

async function readQueues(queues: Queue[]): Promise<QueueSnapshot[]> {
  const reading = Promise.all(
    queues.map(async (queue) => {
      const [counts, failed] = await Promise.all([queue.getJobCounts(...STATES), queue.getMetrics('failed', 0, 0)]);
      return { queue: queue.name, counts, failedTotal: failed.meta.count };
    }),
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${SCRAPE_TIMEOUT_MS} ms`)), SCRAPE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([reading, timeout]);
  } catch (error) {
    reading.catch(() => undefined);
    logger.warn(`queue metrics left out of this scrape: ${(error as Error).message}`);
    return [];
  } finally {
    clearTimeout(timer);
  }
}
