import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppConfig, type Message, RateLimiter } from '@gesit/platform';

const refused = (retryAfterSeconds: number): Message => ({
  id: `Terlalu banyak percobaan masuk dari alamat jaringan Anda. Tunggu ${retryAfterSeconds} detik, lalu coba lagi.`,
  en: `Too many sign-in attempts from your network address. Wait ${retryAfterSeconds} seconds and try again.`,
});

/**
 * Limits on login and verifyMfa, shared by every API process: per IP address, and per IP address and
 * account, so that guessing one account from one address stops long before the address's own limit.
 * When Redis is away nothing is limited here; the per-account lockout (in PostgreSQL) still stops guessing.
 */
@Injectable()
export class SignInRateLimiter {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** `account` is what the caller typed (NIP or e-mail), so that an unknown account is limited exactly like a known one. */
  async consume(operation: 'login' | 'verify-mfa', ip: string, account: string | null = null, now = Date.now()): Promise<void> {
    await this.limiter.consume(`sign-in-${operation}`, ip, this.config.authRateLimitPerMinute, refused, now);
    if (account === null) return;
    // Hashed: what a caller types is of any length and may hold the key separator.
    const typed = createHash('sha256').update(account.trim().toLowerCase()).digest('base64url');
    await this.limiter.consume(`sign-in-${operation}-account`, `${ip}:${typed}`, this.config.authAccountRateLimitPerMinute, refused, now);
  }
}
