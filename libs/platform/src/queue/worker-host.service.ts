import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { MetricsTime, Worker } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { SCHEDULED_JOB_OPTIONS, WORKER_CLOSE_TIMEOUT_MS } from './job-options';
import { JobSchedule, QUEUE_PROCESSOR, QueueProcessorHost, QueueProcessorOptions } from './queue-processor.decorator';
import { QueueRegistry } from './queue.registry';
import { createRedisConnection } from './redis-connection';

/**
 * How often the worker checks that its job schedulers still exist: a flushed or replaced Redis loses
 * them, and without them the sweeps that repair lost work would never run again.
 */
const SCHEDULER_CHECK_MS = 10_000;

/** Starts a BullMQ worker for every @QueueProcessor provider and upserts their job schedulers. */
@Injectable()
export class WorkerHostService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHostService.name);
  private readonly workers: Worker[] = [];
  private readonly schedules: { queue: string; schedule: JobSchedule }[] = [];
  private checkTimer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly queues: QueueRegistry,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const options = this.reflector.get<QueueProcessorOptions | undefined>(QUEUE_PROCESSOR, metatype);
      if (!options) continue;
      const host = instance as QueueProcessorHost;
      const worker = new Worker(options.queue, (job) => host.process(job), {
        connection: createRedisConnection(this.config.redisUrl, 'worker'),
        prefix: this.config.queuePrefix,
        concurrency: typeof options.concurrency === 'function' ? options.concurrency(this.config) : (options.concurrency ?? 10),
        lockDuration: this.config.jobLockMs,
        stalledInterval: this.config.jobLockMs,
        // Per-minute counts of completed and failed jobs, which /metrics reports.
        metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(`${options.queue}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
      );
      worker.on('error', (error) => this.logger.error(`${options.queue} worker: ${error.message}`));
      this.workers.push(worker);
      for (const schedule of host.schedules?.() ?? []) {
        this.schedules.push({ queue: options.queue, schedule });
        await this.upsert(options.queue, schedule);
      }
      this.logger.log(`processing queue "${options.queue}" with ${metatype.name}`);
    }
    this.checkTimer = setInterval(() => void this.restoreLostSchedules(), SCHEDULER_CHECK_MS);
    this.checkTimer.unref();
  }

  private upsert(queue: string, schedule: JobSchedule): Promise<unknown> {
    return this.queues
      .get(queue)
      .upsertJobScheduler(schedule.id, schedule.pattern ? { pattern: schedule.pattern, tz: schedule.tz } : { every: schedule.every }, {
        name: schedule.name,
        data: schedule.data ?? {},
        opts: { ...SCHEDULED_JOB_OPTIONS, ...schedule.opts },
      });
  }

  /** Upserts the schedulers Redis no longer has; an existing one is left alone so its next run is not moved. */
  private async restoreLostSchedules(): Promise<void> {
    // While Redis is away a check can wait long; never stack them.
    if (this.checking) return;
    this.checking = true;
    try {
      for (const { queue, schedule } of this.schedules) {
        if (await this.queues.get(queue).getJobScheduler(schedule.id)) continue;
        await this.upsert(queue, schedule);
        this.logger.warn(`job scheduler "${schedule.id}" was missing from Redis; created it again`);
      }
    } catch (error) {
      this.logger.warn(`checking the job schedulers: ${(error as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.checkTimer) clearInterval(this.checkTimer);
    await Promise.all(
      this.workers.map(async (worker) => {
        const closing = worker.close();
        const timedOut = await Promise.race([
          closing.then(() => false),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(true), WORKER_CLOSE_TIMEOUT_MS).unref()),
        ]);
        // close() can hang when Redis is gone; force it rather than block the shutdown.
        if (timedOut) await worker.close(true).catch(() => undefined);
        await worker.disconnect().catch(() => undefined);
      }),
    );
  }
}
