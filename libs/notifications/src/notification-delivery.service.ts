import { Inject, Injectable, Logger } from '@nestjs/common';
import { CalendarService } from '@gesit/calendar';
import { PeopleDirectory } from '@gesit/identity';
import { DeliveryLedger } from './delivery-ledger';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type Recipient } from './notification-channel.port';
import type { NotificationEntity } from './notification.entity';
import { type DeliverNotificationJob, type Delivery, NotificationsService } from './notifications.service';
import { NotificationChannelKind } from './preferences/notification-kinds';
import { heldUntil, NEVER_HELD } from './quiet-hours/quiet-hours';

/**
 * Delivers a stored notification through the channels its recipient chose, each at most once however often it
 * is asked (the ledger). Outside the recipient's working hours only the in-app part goes at once; e-mail and
 * WhatsApp follow in a job delayed to the start of their next working day.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);

  constructor(
    private readonly notifications: NotificationsService,
    private readonly ledger: DeliveryLedger,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
    private readonly people: PeopleDirectory,
    private readonly calendar: CalendarService,
  ) {}

  /** What a delivery job does; throws when a channel failed, so that the job is retried (the ledger skips the rest). */
  async deliver(data: DeliverNotificationJob): Promise<{ sent: string[]; heldUntil?: string } | { skipped: string }> {
    const found = await this.notifications.forDelivery(String(data.notificationId));
    if (!found) return { skipped: 'notification or recipient gone' };
    const { notification, recipient } = found;
    if (!data.held && !found.channels.includes(NotificationChannelKind.IN_APP)) await this.notifications.markReadOnArrival(notification.id);
    const { chosen, inApp, outside } = this.channelsFor(found);
    let now = chosen;
    let held: Date | null = null;
    if (data.held) now = outside;
    else if (outside.length && (held = await this.holdUntil(notification, recipient))) {
      await this.notifications.holdDelivery(notification.id, notification.kind, held);
      now = inApp;
    }
    const sent = await this.send(notification, recipient, now);
    if (data.held) await this.notifications.releaseHold(notification.id);
    return held ? { sent, heldUntil: held.toISOString() } : { sent };
  }

  /**
   * For notifications stored without a queued job (`notifyMany` with `queue: false`), once their transaction has
   * committed: the live push goes straight from this process, so a reminder wave costs one job per reminder, not two.
   * What is left (e-mail and WhatsApp, whose servers may be slow, and a push that failed) is queued as a delivery job
   * and done there. A notification this process dies before pushing is found by the sweep (`sweepUndelivered`).
   */
  async deliverNow(notificationIds: string[]): Promise<void> {
    const queued = new Set<string>();
    await Promise.all(
      notificationIds.map(async (notificationId) => {
        try {
          const found = await this.notifications.forDelivery(notificationId);
          if (!found) return;
          const { inApp, outside } = this.channelsFor(found);
          // The job also marks read on arrival what its person chose not to see in the app.
          if (outside.length || !inApp.length) queued.add(notificationId);
          await this.send(found.notification, found.recipient, inApp);
        } catch (error) {
          this.logger.warn(`notification ${notificationId}: ${(error as Error).message}; queued for another try`);
          queued.add(notificationId);
        }
      }),
    );
    if (queued.size) await this.notifications.queueDeliveries([...queued]);
  }

  private channelsFor(found: Delivery): { chosen: NotificationChannel[]; inApp: NotificationChannel[]; outside: NotificationChannel[] } {
    const chosen = this.channels.filter((c) => found.channels.includes(c.kind) && (c.reaches?.(found.recipient) ?? true));
    return {
      chosen,
      inApp: chosen.filter((c) => c.kind === NotificationChannelKind.IN_APP),
      outside: chosen.filter((c) => c.kind !== NotificationChannelKind.IN_APP),
    };
  }

  /** Null unless the notification came outside the working hours of the recipient's unit (people without a unit have none). */
  private async holdUntil(notification: NotificationEntity, recipient: Recipient): Promise<Date | null> {
    if (NEVER_HELD.has(notification.kind)) return null;
    const unitId = (await this.people.placed([recipient.id])).get(recipient.id)?.unitId;
    if (!unitId) return null;
    return heldUntil(notification.createdAt, new Date(), await this.calendar.calendarFor(unitId));
  }

  private async send(notification: NotificationEntity, recipient: Recipient, channels: NotificationChannel[]): Promise<string[]> {
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
    if (failed.length) throw new Error(`notification ${notification.id} not delivered via ${failed.join(', ')}`);
    return outcomes.filter((o) => o.sent).map((o) => o.channel);
  }
}
