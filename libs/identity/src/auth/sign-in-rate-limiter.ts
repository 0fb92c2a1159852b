import { Inject, Injectable, Logger } from '@nestjs/common';
import type IORedis from 'ioredis';
import { createHash } from 'node:crypto';
import { AppConfig, AppError, PRODUCER_CONNECTION } from '@gesit/platform';

const WINDOW_SECONDS = 60;

/**
 * Limits on login and verifyMfa, counted in Redis so that every API process shares them (fixed one-minute
 * windows: INCR, and EXPIRE on the first hit): per IP address, and per IP address and account, so that
 * guessing one account from one address stops long before the address's own limit.
 */
@Injectable()
export class SignInRateLimiter {
  private readonly logger = new Logger(SignInRateLimiter.name);

  constructor(
    @Inject(PRODUCER_CONNECTION) private readonly redis: IORedis,
    private readonly config: AppConfig,
  ) {}

  /** `account` is what the caller typed (NIP or e-mail), so that an unknown account is limited exactly like a known one. */
  async consume(operation: 'login' | 'verify-mfa', ip: string, account: string | null = null, now = Date.now()): Promise<void> {
    const window = Math.floor(now / 1000 / WINDOW_SECONDS);
    const prefix = `${this.config.queuePrefix}:sign-in-limit:${operation}`;
    const ipKey = `${prefix}:${ip}:${window}`;
    // Hashed: what a caller types is of any length and may hold the key separator.
    const accountKey =
      account === null
        ? null
        : `${prefix}:${ip}:account:${createHash('sha256').update(account.trim().toLowerCase()).digest('base64url')}:${window}`;
    let perIp: number;
    let perAccount = 0;
    try {
      const transaction = this.redis.multi().incr(ipKey).expire(ipKey, WINDOW_SECONDS, 'NX');
      if (accountKey) transaction.incr(accountKey).expire(accountKey, WINDOW_SECONDS, 'NX');
      const results = await transaction.exec();
      perIp = Number(results?.[0]?.[1] ?? 0);
      if (accountKey) perAccount = Number(results?.[2]?.[1] ?? 0);
    } catch (error) {
      // Redis holds no state we cannot lose; the per-account lockout (in PostgreSQL) still stops guessing.
      this.logger.warn({ err: error }, 'sign-in rate limit not checked: Redis is unavailable');
      return;
    }
    if (perIp > this.config.authRateLimitPerMinute || perAccount > this.config.authAccountRateLimitPerMinute) {
      const retryAfterSeconds = WINDOW_SECONDS - (Math.floor(now / 1000) % WINDOW_SECONDS);
      throw new AppError(
        'FORBIDDEN',
        `Too many sign-in attempts from your network address. Wait ${retryAfterSeconds} seconds and try again.`,
        { retryAfterSeconds },
      );
    }
  }
}
