import { Inject, Injectable, Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AppConfig, AppError, PRODUCER_CONNECTION } from '@gesit/platform';

const WINDOW_SECONDS = 60;

/**
 * Per-IP limits on login and verifyMfa, counted in Redis so that every API process shares them
 * (fixed one-minute windows: INCR, and EXPIRE on the first hit).
 */
@Injectable()
export class SignInRateLimiter {
  private readonly logger = new Logger(SignInRateLimiter.name);

  constructor(
    @Inject(PRODUCER_CONNECTION) private readonly redis: IORedis,
    private readonly config: AppConfig,
  ) {}

  async consume(operation: 'login' | 'verify-mfa', ip: string, now = Date.now()): Promise<void> {
    const window = Math.floor(now / 1000 / WINDOW_SECONDS);
    const key = `${this.config.queuePrefix}:sign-in-limit:${operation}:${ip}:${window}`;
    let count: number;
    try {
      const results = await this.redis.multi().incr(key).expire(key, WINDOW_SECONDS, 'NX').exec();
      count = Number(results?.[0]?.[1] ?? 0);
    } catch (error) {
      // Redis holds no state we cannot lose; the per-account lockout (in PostgreSQL) still stops guessing.
      this.logger.warn({ err: error }, 'sign-in rate limit not checked: Redis is unavailable');
      return;
    }
    if (count > this.config.authRateLimitPerMinute) {
      const retryAfterSeconds = WINDOW_SECONDS - (Math.floor(now / 1000) % WINDOW_SECONDS);
      throw new AppError(
        'FORBIDDEN',
        `Too many sign-in attempts from your network address. Wait ${retryAfterSeconds} seconds and try again.`,
        {
          retryAfterSeconds,
        },
      );
    }
  }
}
