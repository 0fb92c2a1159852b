import { Inject, Injectable } from '@nestjs/common';
import type { NotificationChannel, Recipient } from './notification-channel.port';
import { NOTIFICATION_EMITTER, type NotificationEmitter } from './notification-emitter';
import type { NotificationEntity } from './notification.entity';
import { NotificationChannelKind } from './preferences/notification-kinds';
import type { NotificationType } from './notification.type';

/** One topic per user: a subscriber hears only their own notifications. */
export const notificationTopic = (userId: string): string => `notification-added/${userId}`;

/** A notification on its way through Redis, with its times as ISO strings. */
export interface NotificationMessage {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  entityType: string | null;
  entityId: string | null;
  createdAt: string;
  readAt: string | null;
}

export function fromMessage(message: NotificationMessage): NotificationType {
  return { ...message, createdAt: new Date(message.createdAt), readAt: message.readAt ? new Date(message.readAt) : null };
}

/** Pushes a notification to the user's open `notificationAdded` subscriptions, in whichever API process holds them. */
@Injectable()
export class LiveChannel implements NotificationChannel {
  readonly kind = NotificationChannelKind.IN_APP;
  readonly name = 'live';

  constructor(@Inject(NOTIFICATION_EMITTER) private readonly emitter: NotificationEmitter) {}

  deliver(notification: NotificationEntity, recipient: Recipient): Promise<void> {
    const payload: NotificationMessage = {
      id: notification.id,
      kind: notification.kind,
      title: notification.title,
      body: notification.body,
      entityType: notification.entityType,
      entityId: notification.entityId,
      createdAt: notification.createdAt.toISOString(),
      readAt: notification.readAt?.toISOString() ?? null,
    };
    return new Promise((resolve, reject) =>
      this.emitter.emit({ topic: notificationTopic(recipient.id), payload }, (error) => (error ? reject(error) : resolve())),
    );
  }
}
