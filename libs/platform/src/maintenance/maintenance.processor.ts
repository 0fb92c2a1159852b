import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AuditAnchorService } from '../audit/audit-anchor.service';
import { AppConfig } from '../config/app-config';
import { OutboxRelayService } from '../queue/outbox-relay.service';
import { JobSchedule, QueueProcessor, QueueProcessorHost } from '../queue/queue-processor.decorator';

export const MAINTENANCE_QUEUE = 'maintenance';
const OUTBOX_RETENTION_DAYS = 7;

/** House-keeping of the platform itself. */
@Injectable()
@QueueProcessor({ queue: MAINTENANCE_QUEUE, concurrency: 1 })
export class MaintenanceProcessor implements QueueProcessorHost {
  constructor(
    private readonly relay: OutboxRelayService,
    private readonly auditAnchor: AuditAnchorService,
    private readonly config: AppConfig,
  ) {}

  schedules(): JobSchedule[] {
    return [
      { id: 'outbox-purge-daily', name: 'outbox.purge', pattern: '15 2 * * *', tz: 'Asia/Jakarta' },
      { id: 'audit-checkpoint', name: 'audit.checkpoint', every: this.config.auditCheckpointEveryMinutes * 60_000 },
    ];
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'outbox.purge':
        return { purged: await this.relay.purgeSent(OUTBOX_RETENTION_DAYS) };
      case 'audit.checkpoint': {
        const checkpoint = await this.auditAnchor.write();
        return checkpoint ? { seq: checkpoint.seq, lastEventId: checkpoint.lastEventId } : { skipped: 'empty audit log' };
      }
      default:
        throw new Error(`unknown maintenance job "${job.name}"`);
    }
  }
}
