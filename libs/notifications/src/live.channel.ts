import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, type Language } from '@gesit/platform';
import type { NotificationChannel, Recipient } from './notification-channel.port';
import { NOTIFICATION_EMITTER, type NotificationEmitter } from './notification-emitter';
import type { NotificationEntity } from './notification.entity';
import { NotificationChannelKind } from './preferences/notification-kinds';
import type { NotificationType } from './notification.type';

/**
 * One topic (a Redis pub/sub channel) per user: a subscriber hears only their own notifications. Under the queues'
 * prefix, so that deployments or test runs sharing a Redis do not hear each other's.
 */
export const notificationTopic = (prefix: string, userId: string): string => `${prefix}:notification-added/${userId}`;

/** A notification on its way through Redis, with its times as ISO strings. */
export interface NotificationMessage {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  /** Absent in messages published before English twins existed. */
  titleEn?: string | null;
  bodyEn?: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The notification as the subscriber reads it: in English when their connection asked for it and a twin exists. */
export function fromMessage({ titleEn, bodyEn, ...message }: NotificationMessage, language: Language): NotificationType {
  const english = language === 'en' && titleEn ? { title: titleEn, body: bodyEn ?? null } : {};
  return { ...message, ...english, createdAt: new Date(message.createdAt), readAt: message.readAt ? new Date(message.readAt) : null };
}

/** Pushes a notification to the user's open `notificationAdded` subscriptions, in whichever API process holds them. */
@Injectable()
export class LiveChannel implements NotificationChannel {
  readonly kind = NotificationChannelKind.IN_APP;
  readonly name = 'live';

  constructor(
    @Inject(NOTIFICATION_EMITTER) private readonly emitter: NotificationEmitter,
    private readonly config: AppConfig,
  ) {}

  deliver(notification: NotificationEntity, recipient: Recipient): Promise<void> {
    const payload: NotificationMessage = {
      id: notification.id,
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      titleEn: notification.titleEn,
      bodyEn: notification.bodyEn,
      entityType: notification.entityType,
      entityId: notification.entityId,
      createdAt: notification.createdAt.toISOString(),
      readAt: notification.readAt?.toISOString() ?? null,
    };
    return new Promise((resolve, reject) =>
      this.emitter.emit({ topic: notificationTopic(this.config.queuePrefix, recipient.id), payload }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }
}
