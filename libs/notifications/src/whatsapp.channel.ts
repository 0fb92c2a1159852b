import type { WhatsAppSettings } from '@gesit/platform';
import { type NotificationChannel, noticeIn, type Recipient } from './notification-channel.port';
import type { NotificationEntity } from './notification.entity';
import { NotificationChannelKind } from './preferences/notification-kinds';

/** WhatsApp template parameters may not hold new lines or tabs, nor more than four spaces in a row, and are limited in length. */
const MAX_PARAMETER = 1000;
export const templateParameter = (text: string): string => {
  const flat = text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {4,}/g, '   ')
    .trim();
  return flat.length > MAX_PARAMETER ? `${flat.slice(0, MAX_PARAMETER - 1)}…` : flat;
};

/**
 * The Cloud API request for one notification: the approved template in the recipient's language, with the title and
 * the text as its two body parameters.
 */
export function templateMessage(
  settings: Pick<WhatsAppSettings, 'template' | 'language' | 'templateEn' | 'languageEn'>,
  notification: NotificationEntity,
  recipient: Pick<Recipient, 'language'> & { phone: string },
) {
  const english = recipient.language === 'en';
  const { title, body } = noticeIn(notification, recipient.language);
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: recipient.phone,
    type: 'template',
    template: {
      name: english ? settings.templateEn : settings.template,
      language: { code: english ? settings.languageEn : settings.language },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: templateParameter(title) },
            { type: 'text', text: templateParameter(body ?? title) },
          ],
        },
      ],
    },
  };
}

/**
 * Sends a notification as a WhatsApp template message through the WhatsApp Business Cloud API (Meta). Only
 * template messages may start a conversation, so every notification uses one approved template.
 */
export class WhatsAppChannel implements NotificationChannel {
  readonly kind = NotificationChannelKind.WHATSAPP;
  readonly name = 'whatsapp';

  constructor(private readonly settings: WhatsAppSettings) {}

  reaches(recipient: Recipient): boolean {
    return !!recipient.phone;
  }

  async deliver(notification: NotificationEntity, recipient: Recipient): Promise<void> {
    if (!recipient.phone) return;
    const response = await fetch(`${this.settings.apiUrl}/${this.settings.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.settings.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(templateMessage(this.settings, notification, { ...recipient, phone: recipient.phone })),
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    if (!response.ok) {
      // The API explains itself in error.message; the token never appears in it.
      const detail = await response.text().catch(() => '');
      throw new Error(`WhatsApp API answered ${response.status}: ${detail.slice(0, 300)}`);
    }
  }
}
