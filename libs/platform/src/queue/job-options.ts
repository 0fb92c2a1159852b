import type { JobsOptions } from 'bullmq';

/** Retry and clean-up policy of ordinary background work: retried with exponential backoff, kept for inspection a while. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50_000 },
};

/** Periodic sweeps: the next run repairs what one missed, so few retries. */
export const SCHEDULED_JOB_OPTIONS: JobsOptions = {
  attempts: 2,
  backoff: { type: 'fixed', delay: 5_000 },
  removeOnComplete: { age: 3600, count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
};

/** How long a shutting-down worker waits for running jobs before it lets go. */
export const WORKER_CLOSE_TIMEOUT_MS = 10_000;
