import type { Language } from '@gesit/platform';
import type { NotificationEntity } from './notification.entity';
import type { NotificationChannelKind } from './preferences/notification-kinds';

/** The person a notification goes to, as much as a channel needs to reach them. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
  /** International form without '+', e.g. 6281234567890; null when the person has not given one. */
  phone: string | null;
  /** The language of their e-mail and WhatsApp notices. */
  language: Language;
}

/** Title and body in `language`; Indonesian for a notice written without an English text. */
export function noticeIn(notification: NotificationEntity, language: Language): { title: string; body: string | null } {
  return language === 'en' && notification.titleEn
    ? { title: notification.titleEn, body: notification.bodyEn ?? null }
    : { title: notification.title, body: notification.body };
}

/** One way of getting a notification to its person: live push, e-mail, WhatsApp. */
export interface NotificationChannel {
  /** Names the channel in the delivery record: renaming one makes every past notification look undelivered on it. */
  readonly name: string;
  /** The channel people choose in their preferences. */
  readonly kind: NotificationChannelKind;
  /** Whether the recipient can be reached this way at all (e.g. has a phone number). */
  reaches?(recipient: Recipient): boolean;
  /** Sends one notification; throws to have the delivery job retried. */
  deliver(notification: NotificationEntity, recipient: Recipient): Promise<void>;
  /** Lets go of connections on shutdown. */
  close?(): void | Promise<void>;
}

/** Every channel a notification is delivered through. */
export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
