import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ApprovalAudienceModule, StepFollowUp } from '@gesit/approvals';
import { CalendarModule } from '@gesit/calendar';
import { AssignmentFollowUp, DispositionLoaders, LetterAccessModule, LetterLoaders } from '@gesit/correspondence';
import { IdentityModule } from '@gesit/identity';
import { AppConfig } from '@gesit/platform';
import { DeliveryLedger } from './delivery-ledger';
import { DigestService } from './digest/digest.service';
import { EmailChannel } from './email.channel';
import { IdentityEventsProcessor } from './identity-events.processor';
import { LiveChannel } from './live.channel';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './notification-channel.port';
import { closeEmitter, NOTIFICATION_EMITTER, notificationEmitterProvider, type NotificationEmitter } from './notification-emitter';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { FollowUpSweepService } from './reminders/follow-up-sweep.service';
import { RemindersProcessor } from './reminders/reminders.processor';
import { RemindersService } from './reminders/reminders.service';
import { ApprovalEventsProcessor, CorrespondenceEventsProcessor } from './reminders/work-events.processor';
import { NotificationPreferencesResolver } from './preferences/notification-preferences.resolver';
import { NotificationPreferencesService } from './preferences/notification-preferences.service';
import { WhatsAppChannel } from './whatsapp.channel';
import { WorkNoticesService } from './work-notices/work-notices.service';
import { DeputyNotices } from './deputy-notices.service';

/** Storing notifications, the GraphQL surface and the Redis emitter that live subscriptions listen on (API and worker). */
@Module({
  imports: [IdentityModule],
  providers: [
    NotificationsService,
    NotificationsResolver,
    NotificationPreferencesService,
    NotificationPreferencesResolver,
    notificationEmitterProvider,
    LiveChannel,
    DeliveryLedger,
    DeputyNotices,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [AppConfig, LiveChannel],
      // E-mail and WhatsApp are channels only where they are configured.
      useFactory: (config: AppConfig, live: LiveChannel): NotificationChannel[] => [
        live,
        ...(config.smtp ? [new EmailChannel(config.smtp, config.publicBaseUrl)] : []),
        ...(config.whatsapp ? [new WhatsAppChannel(config.whatsapp)] : []),
      ],
    },
  ],
  exports: [NotificationsService, NOTIFICATION_EMITTER, NOTIFICATION_CHANNELS, DeliveryLedger, DeputyNotices],
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

/**
 * The worker's side: delivery jobs, notices of other contexts' events, and the follow-up of work (reminders,
 * due notices, escalation, the sweep that repairs lost jobs, the leaders' daily digest).
 */
@Module({
  imports: [NotificationsModule, IdentityModule, CalendarModule, LetterAccessModule, ApprovalAudienceModule],
  providers: [
    NotificationsProcessor,
    NotificationDeliveryService,
    IdentityEventsProcessor,
    CorrespondenceEventsProcessor,
    ApprovalEventsProcessor,
    RemindersProcessor,
    RemindersService,
    FollowUpSweepService,
    DigestService,
    WorkNoticesService,
    // What the follow-up and the notices read of letters, assignments and steps; each needs only the database.
    AssignmentFollowUp,
    StepFollowUp,
    LetterLoaders,
    DispositionLoaders,
  ],
  exports: [RemindersService, FollowUpSweepService, DigestService],
})
export class NotificationsWorkerModule {}
