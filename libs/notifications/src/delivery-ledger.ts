import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AppConfig, PRODUCER_CONNECTION } from '@gesit/platform';

/** A delivery in flight holds its claim this long; a worker that died mid-send lets go after it. */
const CLAIM_SECONDS = 120;
/** Longer than BullMQ keeps failed jobs (14 days), so no retry outlives the record of what it already sent. */
const SENT_SECONDS = 30 * 24 * 3600;

/**
 * Remembers which channel has delivered which notification, so a repeated or retried delivery job sends
 * nothing twice. A claim is taken before sending and released when the send fails.
 */
@Injectable()
export class DeliveryLedger {
  constructor(
    @Inject(PRODUCER_CONNECTION) private readonly redis: IORedis,
    private readonly config: AppConfig,
  ) {}

  /** Runs `send` unless this notification went out on this channel before; true when it ran. */
  async once(notificationId: string, channel: string, send: () => Promise<void>): Promise<boolean> {
    const key = `${this.config.queuePrefix}:notification-delivery:${notificationId}:${channel}`;
    if (!(await this.redis.set(key, 'sending', 'EX', CLAIM_SECONDS, 'NX'))) {
      if ((await this.redis.get(key)) === 'sent') return false;
      throw new Error(`notification ${notificationId} is being delivered by ${channel} elsewhere; retrying later`);
    }
    try {
      await send();
    } catch (error) {
      await this.redis.del(key);
      throw error;
    }
    await this.redis.set(key, 'sent', 'EX', SENT_SECONDS);
    return true;
  }
}
