import { Injectable } from '@nestjs/common';
import { AuditAnchorService } from '../audit/audit-anchor.service';
import { AppConfig } from '../config/app-config';
import { OutboxRelayService } from '../queue/outbox-relay.service';
import { jobHandlers } from '../queue/job-contract';
import { JobSchedule, QueueProcessor, QueueProcessorHost } from '../queue/queue-processor.decorator';

export const MAINTENANCE_QUEUE = 'maintenance';

/** The platform's periodic jobs: name → payload. */
export interface MaintenanceJobs {
  'outbox.purge': Record<string, never>;
  'audit.checkpoint': Record<string, never>;
}
const OUTBOX_RETENTION_DAYS = 7;

/** House-keeping of the platform itself. */
@Injectable()
@QueueProcessor({ queue: MAINTENANCE_QUEUE, concurrency: 1 })
export class MaintenanceProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<MaintenanceJobs>({
    'outbox.purge': async () => ({ purged: await this.relay.purgeSent(OUTBOX_RETENTION_DAYS) }),
    'audit.checkpoint': async () => {
      const checkpoint = await this.auditAnchor.write();
      return checkpoint ? { seq: checkpoint.seq, lastEventId: checkpoint.lastEventId } : { skipped: 'empty audit log' };
    },
  });

  constructor(
    private readonly relay: OutboxRelayService,
    private readonly auditAnchor: AuditAnchorService,
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    return [
      // 19:15 UTC is 02:15 in western Indonesia (03:15 WITA, 04:15 WIT): the quietest hour of every office.
      { id: 'outbox-purge-daily', name: 'outbox.purge', pattern: '15 19 * * *', tz: 'UTC' },
      { id: 'audit-checkpoint', name: 'audit.checkpoint', every: this.config.auditCheckpointEveryMinutes * 60_000 },
    ];
  }
}
