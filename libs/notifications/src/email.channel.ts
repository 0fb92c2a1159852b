import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '@gesit/platform';
import { type NotificationChannel, noticeIn, type Recipient } from './notification-channel.port';
import type { NotificationEntity } from './notification.entity';
import { NotificationChannelKind } from './preferences/notification-kinds';

type SmtpSettings = NonNullable<AppConfig['smtp']>;

/** Sends a notification as a plain-text e-mail over SMTP, in the recipient's language. */
export class EmailChannel implements NotificationChannel {
  readonly kind = NotificationChannelKind.EMAIL;
  readonly name = 'email';
  private readonly transport: Transporter;

  constructor(
    private readonly smtp: SmtpSettings,
    private readonly appUrl: string,
  ) {
    this.transport = createTransport(smtp.url);
  }

  async deliver(notification: NotificationEntity, recipient: Recipient): Promise<void> {
    await this.transport.sendMail({
      from: this.smtp.from,
      to: { name: recipient.name, address: recipient.email },
      subject: `[Gesit] ${noticeIn(notification, recipient.language).title}`,
      text: emailText(notification, recipient, this.appUrl),
      // One id per notification lets mail clients fold a copy sent again after a lost acknowledgement.
      messageId: `<notification-${notification.id}@gesit>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}

const FRAME = {
  id: {
    greeting: (name: string) => `Yth. ${name},`,
    open: (appUrl: string) => `Silakan buka Gesit (${appUrl}) untuk melihat rinciannya dan menindaklanjuti.`,
    automatic: 'Pesan ini dikirim otomatis oleh Gesit. Mohon tidak membalas e-mail ini.',
  },
  en: {
    greeting: (name: string) => `Dear ${name},`,
    open: (appUrl: string) => `Open Gesit (${appUrl}) to see the details and follow up.`,
    automatic: 'This message was sent automatically by Gesit. Please do not reply to this e-mail.',
  },
};

export function emailText(notification: NotificationEntity, recipient: Recipient, appUrl: string): string {
  const frame = FRAME[recipient.language];
  const { title, body } = noticeIn(notification, recipient.language);
  return [frame.greeting(recipient.name), '', title, ...(body ? ['', body] : []), '', frame.open(appUrl), '', '--', frame.automatic].join(
    '\n',
  );
}
