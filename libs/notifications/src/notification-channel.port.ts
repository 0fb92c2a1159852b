import type { NotificationEntity } from './notification.entity';

/** The person a notification goes to, as much as a channel needs to reach them. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
}

/** One way of getting a notification to its person: live push, e-mail; a WhatsApp gateway would be one more. */
export interface NotificationChannel {
  /** Names the channel in the delivery record: renaming one makes every past notification look undelivered on it. */
  readonly name: string;
  /** Sends one notification; throws to have the delivery job retried. */
  deliver(notification: NotificationEntity, recipient: Recipient): Promise<void>;
  /** Lets go of connections on shutdown. */
  close?(): void | Promise<void>;
}

/** Every channel a notification is delivered through. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
