import { Inject, Injectable, Logger } from '@nestjs/common';
import { CalendarService } from '@gesit/calendar';
import { PeopleDirectory } from '@gesit/identity';
import { AppConfig, type JobSchedule, jobHandlers, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { DeliveryLedger } from './delivery-ledger';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type Recipient } from './notification-channel.port';
import type { NotificationEntity } from './notification.entity';
import {
  type DeliverNotificationJob,
  NOTIFICATIONS_QUEUE,
  type NotificationsJobs,
  NotificationsService,
  SWEEP_DELIVERIES_JOB,
} from './notifications.service';
import { NotificationChannelKind } from './preferences/notification-kinds';
import { heldUntil, NEVER_HELD } from './quiet-hours/quiet-hours';

/**
 * Delivers a stored notification through the channels its recipient chose, each at most once however often
 * the job runs. Outside the recipient's working hours only the in-app part goes at once; e-mail and WhatsApp
 * follow in a job delayed to the start of their next working day.
 */
@Injectable()
// As many deliveries in flight as reminders (100): their reads and ledger writes go in shared batches, so more jobs at
// once cost fewer round trips each; at 20 the live pushes of a reminder wave trailed the stored notifications by minutes.
@QueueProcessor({ queue: NOTIFICATIONS_QUEUE, concurrency: 100 })
export class NotificationsProcessor implements QueueProcessorHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly ledger: DeliveryLedger,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    private readonly config: AppConfig,
    private readonly people: PeopleDirectory,
    private readonly calendar: CalendarService,
  ) {}

  schedules(): JobSchedule[] {
    return [{ id: 'notifications-sweep', name: SWEEP_DELIVERIES_JOB, every: this.config.sweepIntervalMs }];
  }

  readonly process = jobHandlers<NotificationsJobs>({
    'notification.deliver': (data) => this.deliverNotification(data),
    'notification.sweep': async () => ({ requeued: await this.notifications.sweepUndelivered() }),
  });

  private async deliverNotification(data: DeliverNotificationJob): Promise<unknown> {
    const found = await this.notifications.forDelivery(String(data.notificationId));
    if (!found) return { skipped: 'notification or recipient gone' };
    const { notification, recipient } = found;
    if (!data.held && !found.channels.includes(NotificationChannelKind.IN_APP)) await this.notifications.markReadOnArrival(notification.id);
    const chosen = this.channels.filter((c) => found.channels.includes(c.kind) && (c.reaches?.(recipient) ?? true));
    const inApp = chosen.filter((c) => c.kind === NotificationChannelKind.IN_APP);
    const outside = chosen.filter((c) => c.kind !== NotificationChannelKind.IN_APP);
    let now = chosen;
    let held: Date | null = null;
    if (data.held) now = outside;
    else if (outside.length && (held = await this.holdUntil(notification, recipient))) {
      await this.notifications.holdDelivery(notification.id, notification.kind, held);
      now = inApp;
    }
    const sent = await this.deliver(notification, recipient, now);
    if (data.held) await this.notifications.releaseHold(notification.id);
    return held ? { sent, heldUntil: held.toISOString() } : { sent };
  }

  /** Null unless the notification came outside the working hours of the recipient's unit (people without a unit have none). */
  private async holdUntil(notification: NotificationEntity, recipient: Recipient): Promise<Date | null> {
    if (NEVER_HELD.has(notification.kind)) return null;
    const unitId = (await this.people.placed([recipient.id])).get(recipient.id)?.unitId;
    if (!unitId) return null;
    return heldUntil(notification.createdAt, new Date(), await this.calendar.calendarFor(unitId));
  }

  private async deliver(notification: NotificationEntity, recipient: Recipient, channels: NotificationChannel[]): Promise<string[]> {
    // Channels go independently: a slow or failing mail server must not hold back the live push.
    const outcomes = await Promise.all(
      channels.map(async (channel) => {
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
    return outcomes.filter((o) => o.sent).map((o) => o.channel);
  }
}
