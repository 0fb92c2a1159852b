import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobBatcher } from '@gesit/platform';

/** A delivery in flight holds its claim this long; a worker that died mid-send lets go after it. */
export const CLAIM_SECONDS = 120;

type Key = { notificationId: string; channel: string };
type Claim = Key & { claimId: string };
type ClaimOutcome = 'claimed' | 'sent' | 'busy';

const keyOf = (k: Key) => `${k.notificationId}/${k.channel}`;

/**
 * Remembers in PostgreSQL which channel has delivered which notification, so a repeated or retried
 * delivery job sends nothing twice, also after Redis lost its queues. A claim is taken before sending
 * (INSERT … ON CONFLICT) and released when the send fails; no transaction is held while sending. The
 * claims and the records of concurrent jobs go together, one statement per batch.
 *
 * At-least-once for the one gap that cannot be closed: a worker that dies after the mail server took a
 * message but before `sent` is recorded leaves a claim that a retry takes over after CLAIM_SECONDS, and
 * the message goes out again. A lost reminder costs more than a repeated one, and the e-mail keeps one
 * Message-ID per notification, so mail clients fold the copy.
 */
@Injectable()
export class DeliveryLedger {
  private readonly claims = new JobBatcher((items: Claim[]) => this.claimMany(items), { maxBatch: 200, maxRunning: 2 });
  private readonly records = new JobBatcher((items: Key[]) => this.recordSentMany(items), { maxBatch: 200, maxRunning: 2 });

  constructor(private readonly dataSource: DataSource) {}

  /** Runs `send` unless this notification went out on this channel before; true when it ran. */
  async once(notificationId: string, channel: string, send: () => Promise<void>): Promise<boolean> {
    const claimId = randomUUID();
    const outcome = await this.claims.add({ notificationId, channel, claimId });
    if (outcome === 'sent') return false;
    if (outcome === 'busy') throw new Error(`notification ${notificationId} is being delivered by ${channel} elsewhere; retrying later`);
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
    await this.records.add({ notificationId, channel });
    return true;
  }

  private async claimMany(items: Claim[]): Promise<ClaimOutcome[]> {
    // One row may be claimed once per statement: a second job for the same delivery in the batch is busy.
    const first = new Map<string, Claim>();
    for (const item of items) if (!first.has(keyOf(item))) first.set(keyOf(item), item);
    const unique = [...first.values()];
    const claimed: { claim_id: string }[] = await this.dataSource.query(
      `INSERT INTO notification_delivery AS d (notification_id, channel, status, claim_id, claimed_at)
       SELECT t.notification_id, t.channel, 'sending', t.claim_id, now()
         FROM unnest($1::uuid[], $2::text[], $3::uuid[]) AS t(notification_id, channel, claim_id)
       ON CONFLICT (notification_id, channel) DO UPDATE SET claim_id = EXCLUDED.claim_id, claimed_at = now()
         WHERE d.status = 'sending' AND d.claimed_at < now() - make_interval(secs => $4)
       RETURNING d.claim_id`,
      [unique.map((c) => c.notificationId), unique.map((c) => c.channel), unique.map((c) => c.claimId), CLAIM_SECONDS],
    );
    const won = new Set(claimed.map((r) => r.claim_id));
    const lost = unique.filter((c) => !won.has(c.claimId));
    const sent = new Set<string>();
    if (lost.length) {
      const rows: Key[] = await this.dataSource.query(
        `SELECT d.notification_id AS "notificationId", d.channel
           FROM notification_delivery d JOIN unnest($1::uuid[], $2::text[]) AS t(notification_id, channel)
             ON d.notification_id = t.notification_id AND d.channel = t.channel
          WHERE d.status = 'sent'`,
        [lost.map((c) => c.notificationId), lost.map((c) => c.channel)],
      );
      for (const row of rows) sent.add(keyOf(row));
    }
    return items.map((item) => (won.has(item.claimId) ? 'claimed' : sent.has(keyOf(item)) ? 'sent' : 'busy'));
  }

  private async recordSentMany(items: Key[]): Promise<void[]> {
    await this.dataSource.query(
      `UPDATE notification_delivery d SET status = 'sent', sent_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS t(notification_id, channel)
        WHERE d.notification_id = t.notification_id AND d.channel = t.channel`,
      [items.map((k) => k.notificationId), items.map((k) => k.channel)],
    );
    return items.map(() => undefined);
  }
}
