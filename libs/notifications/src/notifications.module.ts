import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { IdentityModule } from '@gesit/identity';
import { AppConfig } from '@gesit/platform';
import { DeliveryLedger } from './delivery-ledger';
import { EmailChannel } from './email.channel';
import { IdentityEventsProcessor } from './identity-events.processor';
import { LiveChannel } from './live.channel';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';
import { closeEmitter, NOTIFICATION_EMITTER, notificationEmitterProvider, type NotificationEmitter } from './notification-emitter';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';

/** Storing notifications, the GraphQL surface and the Redis emitter that live subscriptions listen on (API and worker). */
@Module({
  providers: [
    NotificationsService,
    NotificationsResolver,
    notificationEmitterProvider,
    LiveChannel,
    DeliveryLedger,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [AppConfig, LiveChannel],
      // E-mail is a channel only where SMTP is configured.
      useFactory: (config: AppConfig, live: LiveChannel): NotificationChannel[] =>
        config.smtp ? [live, new EmailChannel(config.smtp, config.publicBaseUrl)] : [live],
    },
  ],
  exports: [NotificationsService, NOTIFICATION_EMITTER, NOTIFICATION_CHANNELS, DeliveryLedger],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(
    @Inject(NOTIFICATION_EMITTER) private readonly emitter: NotificationEmitter,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.channels.map((channel) => channel.close?.()));
    await closeEmitter(this.emitter);
  }
}

/** The delivery jobs and the notices of other contexts' events (worker only). */
@Module({
  imports: [NotificationsModule, IdentityModule],
  providers: [NotificationsProcessor, IdentityEventsProcessor],
})
export class NotificationsWorkerModule {}
