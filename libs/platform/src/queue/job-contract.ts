import type { Job } from 'bullmq';
import type { OutboxJob } from './outbox.service';

/**
 * A queue and the jobs it carries: each job name with its payload type (`Jobs`). A library declares one
 * per queue it owns and exports it from its index; producers build jobs with `job()` and consumers handle
 * them with `jobHandlers()`, so both sides are checked against the same map.
 */
export interface QueueContract<Jobs extends object> {
  readonly queue: string;
  /** An outbox job of this queue, typed by its name. */
  job<Name extends keyof Jobs & string>(name: Name, payload: Jobs[Name], options?: Pick<OutboxJob, 'jobId' | 'runAt'>): OutboxJob;
}

export function defineQueue<Jobs extends object>(queue: string): QueueContract<Jobs> {
  return {
    queue,
    job: (name, payload, options) => ({ queue, name, payload: payload as Record<string, unknown>, ...options }),
  };
}

/** The payload type of one job of a queue contract. */
export type JobPayload<C, Name> = C extends QueueContract<infer Jobs> ? (Name extends keyof Jobs ? Jobs[Name] : never) : never;

/** One handler per job name, each receiving that job's payload. */
export type JobHandlers<Jobs extends object> = { [Name in keyof Jobs & string]: (payload: Jobs[Name], job: Job) => Promise<unknown> };

/**
 * A processor's `process` from one handler per job name. A consumer of another context's events lists
 * only those it acts on (`ignoreOthers`); a queue's own processor must handle every job, and an unknown
 * name fails the job so that it shows among the failed jobs.
 */
export function jobHandlers<Jobs extends object>(handlers: JobHandlers<Jobs>): (job: Job) => Promise<unknown>;
export function jobHandlers<Jobs extends object>(
  handlers: Partial<JobHandlers<Jobs>>,
  options: { ignoreOthers: true },
): (job: Job) => Promise<unknown>;
export function jobHandlers<Jobs extends object>(
  handlers: Partial<JobHandlers<Jobs>>,
  options?: { ignoreOthers: true },
): (job: Job) => Promise<unknown> {
  return (job) => {
    const handler = (handlers as Record<string, ((payload: unknown, job: Job) => Promise<unknown>) | undefined>)[job.name];
    if (handler) return handler(job.data, job);
    if (options?.ignoreOthers) return Promise.resolve({ ignored: job.name });
    return Promise.reject(new Error(`unknown job "${job.name}" on queue "${job.queueName}"`));
  };
}
