import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  ACCOUNT_LOCKED_EVENT,
  DELEGATION_CREATED_JOB,
  DelegationsService,
  IDENTITY_EVENTS_QUEUE,
  type IdentityEvents,
} from '@gesit/identity';
import { inTransaction, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { appointeeNoticeText, officialNoticeText } from './delegation-texts';
import { NotificationsService } from './notifications.service';

type Handlers = { [Name in keyof IdentityEvents]: (payload: IdentityEvents[Name]) => Promise<unknown> };

/**
 * Tells people what identity's events mean for them: the owner of a locked account (the sign-in answer
 * itself never says so), the official and the appointee of a new Plh/Plt. Once each, however often a job runs.
 */
@Injectable()
@QueueProcessor({ queue: IDENTITY_EVENTS_QUEUE, concurrency: 5 })
export class IdentityEventsProcessor implements QueueProcessorHost {
  private readonly handlers: Handlers = {
    [ACCOUNT_LOCKED_EVENT]: (event) => this.accountLocked(event),
    [DELEGATION_CREATED_JOB]: (event) => this.delegationCreated(event),
  };

  constructor(
    private readonly dataSource: DataSource,
    private readonly delegations: DelegationsService,
    private readonly notifications: NotificationsService,
  ) {}

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as keyof IdentityEvents] as ((payload: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`unknown identity event "${job.name}"`);
    return handler(job.data);
  }

  private async accountLocked({ userId, until }: IdentityEvents[typeof ACCOUNT_LOCKED_EVENT]): Promise<unknown> {
    const id = await inTransaction(this.dataSource, (em) =>
      this.notifications.notify(em, {
        userId,
        kind: 'ACCOUNT_LOCKED',
        title: 'Akun Gesit Anda dikunci sementara',
        body: `Ada beberapa kali percobaan masuk dengan kata sandi yang salah, sehingga akun Anda dikunci sampai ${until} (UTC). Jika itu bukan Anda, segera ganti kata sandi dan hubungi administrator.`,
        entityType: 'User',
        entityId: userId,
        dedupeKey: `user-${userId}-locked-${Date.parse(until)}`,
      }),
    );
    return { notified: id !== null };
  }

  private async delegationCreated({ delegationId }: IdentityEvents[typeof DELEGATION_CREATED_JOB]): Promise<unknown> {
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
