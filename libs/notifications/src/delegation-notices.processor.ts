import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { DELEGATION_CREATED_JOB, type DelegationCreatedEvent, DelegationsService, IDENTITY_EVENTS_QUEUE } from '@gesit/identity';
import { inTransaction, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { appointeeNoticeText, officialNoticeText } from './delegation-texts';
import { NotificationsService } from './notifications.service';

/** Tells the official and the appointee of a new Plh/Plt, once each however often the job runs. */
@Injectable()
@QueueProcessor({ queue: IDENTITY_EVENTS_QUEUE, concurrency: 5 })
export class DelegationNoticesProcessor implements QueueProcessorHost {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delegations: DelegationsService,
    private readonly notifications: NotificationsService,
  ) {}

  async process(job: Job): Promise<unknown> {
    if (job.name !== DELEGATION_CREATED_JOB) return { ignored: job.name };
    const { delegationId } = job.data as DelegationCreatedEvent;
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
