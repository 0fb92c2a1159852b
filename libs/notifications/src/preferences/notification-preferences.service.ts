import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsersService } from '@gesit/identity';
import { AuditService, badInput, inTransaction } from '@gesit/platform';
import { checkPreference, effectiveChannels, NOTIFICATION_KINDS, NotificationChannelKind } from './notification-kinds';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import type { NotificationPreferenceType } from './notification-preference.type';

/** Which channels each person receives each kind of notification on. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** Every kind, with the channels the user receives it on (their choice or the default). */
  async list(userId: string): Promise<NotificationPreferenceType[]> {
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId });
    const chosen = new Map(rows.map((r) => [r.kind, r.channels]));
    return NOTIFICATION_KINDS.map(({ kind, meaning, work }) => ({
      kind,
      meaning,
      alwaysInApp: work,
      channels: effectiveChannels(kind, chosen.get(kind) ?? null),
    }));
  }

  async set(userId: string, kind: string, requested: NotificationChannelKind[]): Promise<NotificationPreferenceType> {
    const channels = checkPreference(kind, requested);
    if (channels.includes(NotificationChannelKind.WHATSAPP) && !(await this.users.get(userId)).phone) {
      throw badInput(
        {
          id: 'Untuk menerima notifikasi lewat WhatsApp, isi dulu nomor telepon seluler Anda (setMyPhone).',
          en: 'To receive notifications by WhatsApp, first enter your mobile number (setMyPhone).',
        },
        { field: 'channels' },
      );
    }
    await inTransaction(this.dataSource, async (em) => {
      await em.query(
        `INSERT INTO notification_preference (user_id, kind, channels) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, kind) DO UPDATE SET channels = EXCLUDED.channels, updated_at = now()`,
        [userId, kind, channels],
      );
      await this.audit.record(em, {
        actorId: userId,
        action: 'notification-preference.set',
        entityType: 'NotificationPreference',
        entityId: `${userId}/${kind}`,
        change: { kind, channels },
      });
    });
    const info = NOTIFICATION_KINDS.find((k) => k.kind === kind)!;
    return { kind, meaning: info.meaning, alwaysInApp: info.work, channels };
  }
}
