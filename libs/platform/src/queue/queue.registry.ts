import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import type { OutboxJob } from './outbox.service';

export const PRODUCER_CONNECTION = Symbol('PRODUCER_CONNECTION');

/** One BullMQ Queue per name, sharing the producer connection. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();

  constructor(
    @Inject(PRODUCER_CONNECTION) readonly connection: IORedis,
    private readonly config: AppConfig,
  ) {}

  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.queuePrefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * Adds jobs straight to their queues, without the outbox: for a processor that derives jobs from a job it is
   * running (a retry of it adds the same deterministic ids again, so nothing is lost or doubled).
   */
  async addNow(...jobs: OutboxJob[]): Promise<void> {
    const now = Date.now();
    for (const job of jobs) {
      const delay = job.runAt ? Math.max(0, job.runAt.getTime() - now) : undefined;
      await this.get(job.queue).add(job.name, job.payload, { jobId: job.jobId, delay, priority: job.priority });
    }
  }

  names(): string[] {
    return [...this.queues.keys()];
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}
