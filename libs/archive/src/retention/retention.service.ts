import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, inTransaction } from '@gesit/platform';

export interface RetentionSweepResult {
  moved: { id: string; number: string; from: string; to: string }[];
}

/**
 * Moves closed dossiers through the retention phases (ACTIVE → INACTIVE → DUE_FOR_DISPOSAL) in one statement,
 * by the calendar date of each dossier's unit; never one on legal hold, and never back.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async sweep(): Promise<RetentionSweepResult> {
    return inTransaction(this.dataSource, async (em) => {
      const moved: RetentionSweepResult['moved'] = await em.query(
        `WITH due AS (
           SELECT d.id, d.phase AS "from",
                  CASE WHEN (now() AT TIME ZONE u.timezone)::date < d.active_until THEN 'ACTIVE'
                       WHEN (now() AT TIME ZONE u.timezone)::date < d.inactive_until THEN 'INACTIVE'
                       ELSE 'DUE_FOR_DISPOSAL' END AS "to"
             FROM dossier d JOIN unit u ON u.id = d.unit_id
            WHERE d.closed_at IS NOT NULL AND NOT d.legal_hold AND d.phase IN ('ACTIVE', 'INACTIVE')
            FOR UPDATE OF d),
         moved AS (
           UPDATE dossier d SET phase = due."to" FROM due
            WHERE d.id = due.id AND due."to" <> due."from"
              AND (due."from" = 'ACTIVE' OR due."to" = 'DUE_FOR_DISPOSAL')
           RETURNING d.id, d.number, due."from", due."to")
         SELECT * FROM moved`,
      );
      for (const m of moved)
        await this.audit.record(em, {
          actorId: null,
          action: 'dossier.phase-changed',
          entityType: 'Dossier',
          entityId: m.id,
          change: { number: m.number, from: m.from, to: m.to },
        });
      if (moved.length) this.logger.log(`retention: ${moved.length} dossiers moved on`);
      return { moved };
    });
  }
}
