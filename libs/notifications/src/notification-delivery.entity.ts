import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export type DeliveryStatus = 'sending' | 'sent';

/**
 * One notification on one channel: claimed before the send, marked sent after it. It lives in
 * PostgreSQL beside the notification, so that losing Redis (and every queued job with it) never makes
 * a retried delivery send again.
 */
@Entity('notification_delivery')
export class NotificationDeliveryEntity {
  @PrimaryColumn('uuid')
  @ForeignKey(() => NotificationEntity, { onDelete: 'CASCADE' })
  notificationId: string;

  @PrimaryColumn('text')
  channel: string;

  @Column('text')
  status: DeliveryStatus;

  /** Who holds the claim: a worker that took over a stale claim must not have its own released by the first. */
  @Column('uuid')
  claimId: string;

  @Column('timestamptz')
  claimedAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
