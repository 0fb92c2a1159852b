import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** A delivery in flight holds its claim this long; a worker that died mid-send lets go after it. */
export const CLAIM_SECONDS = 120;

/**
 * Remembers in PostgreSQL which channel has delivered which notification, so a repeated or retried
 * delivery job sends nothing twice, also after Redis lost its queues. A claim is taken before sending
 * (INSERT … ON CONFLICT) and released when the send fails; no transaction is held while sending.
 *
 * At-least-once for the one gap that cannot be closed: a worker that dies after the mail server took a
 * message but before `sent` is recorded leaves a claim that a retry takes over after CLAIM_SECONDS, and
 * the message goes out again. A lost reminder costs more than a repeated one, and the e-mail keeps one
 * Message-ID per notification, so mail clients fold the copy.
 */
@Injectable()
export class DeliveryLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `send` unless this notification went out on this channel before; true when it ran. */
  async once(notificationId: string, channel: string, send: () => Promise<void>): Promise<boolean> {
    const claimId = randomUUID();
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO notification_delivery AS d (notification_id, channel, status, claim_id, claimed_at)
       VALUES ($1, $2, 'sending', $3, now())
       ON CONFLICT (notification_id, channel) DO UPDATE SET claim_id = EXCLUDED.claim_id, claimed_at = now()
         WHERE d.status = 'sending' AND d.claimed_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [notificationId, channel, claimId, CLAIM_SECONDS],
    );
    if (!claimed.length) {
      const [row]: { status: string }[] = await this.dataSource.query(
        'SELECT status FROM notification_delivery WHERE notification_id = $1 AND channel = $2',
        [notificationId, channel],
      );
      if (row?.status === 'sent') return false;
      throw new Error(`notification ${notificationId} is being delivered by ${channel} elsewhere; retrying later`);
    }
    try {
      await send();
    } catch (error) {
      await this.dataSource.query('DELETE FROM notification_delivery WHERE notification_id = $1 AND channel = $2 AND claim_id = $3', [
        notificationId,
        channel,
        claimId,
      ]);
      throw error;
    }
    await this.dataSource.query(
      `UPDATE notification_delivery SET status = 'sent', sent_at = now() WHERE notification_id = $1 AND channel = $2`,
      [notificationId, channel],
    );
    return true;
  }
}
