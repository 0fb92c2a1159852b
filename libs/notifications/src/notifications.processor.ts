import { Injectable } from '@nestjs/common';
import { AppConfig, type JobSchedule, jobHandlers, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NOTIFICATIONS_QUEUE, type NotificationsJobs, NotificationsService, SWEEP_DELIVERIES_JOB } from './notifications.service';

/** Delivery jobs, and the sweep that asks again for deliveries whose job was lost. */
@Injectable()
// As many deliveries in flight as reminders (100): their reads and ledger writes go in shared batches, so more jobs at
// once cost fewer round trips each; at 20 the live pushes of a reminder wave trailed the stored notifications by minutes.
@QueueProcessor({ queue: NOTIFICATIONS_QUEUE, concurrency: 100 })
export class NotificationsProcessor implements QueueProcessorHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly delivery: NotificationDeliveryService,
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    return [{ id: 'notifications-sweep', name: SWEEP_DELIVERIES_JOB, every: this.config.sweepIntervalMs }];
  }

  readonly process = jobHandlers<NotificationsJobs>({
    'notification.deliver': (data) => this.delivery.deliver(data),
    'notification.sweep': async () => ({ requeued: await this.notifications.sweepUndelivered() }),
  });
}
