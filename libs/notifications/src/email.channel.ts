import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '@gesit/platform';
import type { NotificationChannel, Recipient } from './notification-channel.port';
import type { NotificationEntity } from './notification.entity';
import { NotificationChannelKind } from './preferences/notification-kinds';

type SmtpSettings = NonNullable<AppConfig['smtp']>;

/** Sends a notification as a plain-text e-mail in Indonesian over SMTP. */
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
      subject: `[Gesit] ${notification.title}`,
      text: emailText(notification, recipient, this.appUrl),
      // One id per notification lets mail clients fold a copy sent again after a lost acknowledgement.
      messageId: `<notification-${notification.id}@gesit>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}

export function emailText(notification: NotificationEntity, recipient: Recipient, appUrl: string): string {
  return [
    `Yth. ${recipient.name},`,
    '',
    notification.title,
    ...(notification.body ? ['', notification.body] : []),
    '',
    `Silakan buka Gesit (${appUrl}) untuk melihat rinciannya dan menindaklanjuti.`,
    '',
    '--',
    'Pesan ini dikirim otomatis oleh Gesit. Mohon tidak membalas e-mail ini.',
  ].join('\n');
}
