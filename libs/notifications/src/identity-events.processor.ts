import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AccountLocked, type DelegationCreated, DelegationsService, IDENTITY_EVENTS, type IdentityEvents } from '@gesit/identity';
import { inTransaction, jobHandlers, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { appointeeNoticeText, officialNoticeText } from './delegation-texts';
import { NotificationsService } from './notifications.service';

/**
 * Tells people what identity's events mean for them: the owner of a locked account (the sign-in answer
 * itself never says so), the official and the appointee of a new Plh/Plt. Once each, however often a job runs.
 */
@Injectable()
@QueueProcessor({ queue: IDENTITY_EVENTS.queue, concurrency: 5 })
export class IdentityEventsProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<IdentityEvents>({
    'user.locked': (event) => this.accountLocked(event),
    'delegation.created': (event) => this.delegationCreated(event),
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly delegations: DelegationsService,
    private readonly notifications: NotificationsService,
  ) {}

  private async accountLocked({ userId, until }: AccountLocked): Promise<unknown> {
    const id = await inTransaction(this.dataSource, (em) =>
      this.notifications.notify(em, {
        userId,
        kind: 'ACCOUNT_LOCKED',
        title: 'Akun Gesit Anda dikunci sementara',
        body: `Ada beberapa kali percobaan masuk dengan kata sandi yang salah, sehingga akun Anda dikunci sampai ${until} (UTC). Jika itu bukan Anda, segera ganti kata sandi dan hubungi administrator.`,
        titleEn: 'Your Gesit account is locked for a while',
        bodyEn: `There were several sign-in attempts with a wrong password, so your account is locked until ${until} (UTC). If that was not you, change your password now and contact the administrator.`,
        entityType: 'User',
        entityId: userId,
        dedupeKey: `user-${userId}-locked-${Date.parse(until)}`,
      }),
    );
    return { notified: id !== null };
  }

  private async delegationCreated({ delegationId }: DelegationCreated): Promise<unknown> {
    const notice = await this.delegations.notice(delegationId);
    if (!notice) return { skipped: 'delegation gone' };
    const ids = await inTransaction(this.dataSource, (em) =>
      this.notifications.notifyMany(em, [
        {
          userId: notice.official.id,
          ...officialNoticeText(notice),
          entityType: 'Delegation',
          entityId: notice.id,
          dedupeKey: `delegation-${notice.id}-official`,
        },
        {
          userId: notice.appointee.id,
          ...appointeeNoticeText(notice),
          entityType: 'Delegation',
          entityId: notice.id,
          dedupeKey: `delegation-${notice.id}-appointee`,
        },
      ]),
    );
    return { notified: ids.filter(Boolean).length };
  }
}
