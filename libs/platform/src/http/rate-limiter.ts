import { Inject, Injectable, Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { AppError } from '../errors/errors';
import type { Message } from '../errors/message';
import { PRODUCER_CONNECTION } from '../queue/queue.registry';

const WINDOW_SECONDS = 60;

/** The seconds left in the fixed one-minute window that `now` falls in. */
export const retryAfterSeconds = (now: number): number => WINDOW_SECONDS - (Math.floor(now / 1000) % WINDOW_SECONDS);

/**
 * Per-minute limits counted in Redis, so that every API process shares them (fixed one-minute windows:
 * INCRBY, and EXPIRE on the first hit). When Redis is unavailable nothing is limited: losing a limit for
 * a while is better than refusing everyone.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(PRODUCER_CONNECTION) private readonly redis: IORedis,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts one use of `bucket` by `key` (e.g. an IP address); throws FORBIDDEN with `message` and
   * `retryAfterSeconds` once more than `perMinute` uses fall in the current minute.
   */
  async consume(
    bucket: string,
    key: string,
    perMinute: number,
    message: (retryAfterSeconds: number) => Message,
    now = Date.now(),
  ): Promise<void> {
    const window = Math.floor(now / 1000 / WINDOW_SECONDS);
    const redisKey = `${this.config.queuePrefix}:rate-limit:${bucket}:${key}:${window}`;
    let count: number;
    try {
      const results = await this.redis.multi().incr(redisKey).expire(redisKey, WINDOW_SECONDS, 'NX').exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch (error) {
      this.logger.warn({ err: error }, `rate limit ${bucket} not checked: Redis is unavailable`);
      return;
    }
    if (count > perMinute) {
      const retryAfter = retryAfterSeconds(now);
      throw new AppError('FORBIDDEN', message(retryAfter), { retryAfterSeconds: retryAfter });
    }
  }
}
