import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { ACCOUNT_LOCKED_EVENT, type AccountLocked, IDENTITY_EVENTS_QUEUE } from '@gesit/identity';
import { inTransaction, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { NotificationsService } from './notifications.service';

/** Tells the owner of an account that it was locked: the sign-in answer itself never says so. */
@Injectable()
@QueueProcessor({ queue: IDENTITY_EVENTS_QUEUE, concurrency: 5 })
export class IdentityEventsProcessor implements QueueProcessorHost {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  async process(job: Job): Promise<unknown> {
    if (job.name !== ACCOUNT_LOCKED_EVENT) return { ignored: job.name };
    const { userId, until } = job.data as AccountLocked;
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
}
