export { NotificationEntity } from './notification.entity';
export { NotificationDeliveryEntity } from './notification-delivery.entity';
export { NotificationType } from './notification.type';
export { NotificationsService, type NotifyInput, NOTIFICATIONS_QUEUE, DELIVER_NOTIFICATION_JOB } from './notifications.service';
export { type NotificationChannel, type Recipient, NOTIFICATION_CHANNELS } from './notification-channel.port';
export { NOTIFICATION_EMITTER, type NotificationEmitter } from './notification-emitter';
export { NotificationsModule, NotificationsWorkerModule } from './notifications.module';
