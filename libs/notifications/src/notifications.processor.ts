import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig, type JobSchedule, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { DeliveryLedger } from './delivery-ledger';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';
import { DELIVER_NOTIFICATION_JOB, NOTIFICATIONS_QUEUE, NotificationsService, SWEEP_DELIVERIES_JOB } from './notifications.service';

/** Delivers a stored notification through every channel, each at most once however often the job runs. */
@Injectable()
@QueueProcessor({ queue: NOTIFICATIONS_QUEUE, concurrency: 20 })
export class NotificationsProcessor implements QueueProcessorHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly ledger: DeliveryLedger,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    return [{ id: 'notifications-sweep', name: SWEEP_DELIVERIES_JOB, every: this.config.sweepIntervalMs }];
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === SWEEP_DELIVERIES_JOB) return { requeued: await this.notifications.sweepUndelivered() };
    if (job.name !== DELIVER_NOTIFICATION_JOB) throw new Error(`unknown notifications job "${job.name}"`);
    const found = await this.notifications.forDelivery(String(job.data.notificationId));
    if (!found) return { skipped: 'notification or recipient gone' };
    const { notification, recipient } = found;
    // Channels go independently: a slow or failing mail server must not hold back the live push.
    const outcomes = await Promise.all(
      this.channels.map(async (channel) => {
        try {
          return {
            channel: channel.name,
            sent: await this.ledger.once(notification.id, channel.name, () => channel.deliver(notification, recipient)),
          };
        } catch (error) {
          this.logger.warn(`notification ${notification.id} via ${channel.name}: ${(error as Error).message}`);
          return { channel: channel.name, failed: true };
        }
      }),
    );
    const failed = outcomes.filter((o) => o.failed).map((o) => o.channel);
    // The job is retried as a whole; the ledger skips the channels that delivered already.
    if (failed.length) throw new Error(`notification ${notification.id} not delivered via ${failed.join(', ')}`);
    return { sent: outcomes.filter((o) => o.sent).map((o) => o.channel) };
  }
}
