import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STEP_FOLLOW_UPS_DUE_SQL } from '@gesit/approvals';
import { ASSIGNMENT_FOLLOW_UPS_DUE_SQL } from '@gesit/correspondence';
import { inTransaction, OUTBOX_CHANNEL } from '@gesit/platform';
import { REMINDERS } from './reminder-jobs';

/**
 * Finds reminders, due notices and escalations of assignments and approval steps whose time has come but
 * which did not happen (Redis was flushed, a job was lost) and asks for them again through the outbox, in
 * one set-based statement over what correspondence and approvals say is due. The job ids are the ones first
 * scheduled, so work still queued is not doubled, and the jobs themselves notify once. A step's follow-up
 * whose notification exists already went out (steps keep no reminder state of their own).
 */
export const FOLLOW_UP_SWEEP_SQL = `
INSERT INTO outbox (id, queue, name, payload, job_id)
SELECT gen_random_uuid(), '${REMINDERS.queue}', w.name, w.payload, w.job_id FROM (
  SELECT 'assignment.' || f.kind AS name,
         CASE WHEN f.kind = 'escalate' THEN jsonb_build_object('assignmentId', f.id, 'level', f.level, 'dueAt', f.at)
              ELSE jsonb_build_object('assignmentId', f.id, 'at', f.at) END AS payload,
         'assignment-' || f.id || '-' || f.kind || CASE WHEN f.kind = 'escalate' THEN '-' || f.level ELSE '' END || '-' || f.at AS job_id
    FROM (${ASSIGNMENT_FOLLOW_UPS_DUE_SQL}) f
  UNION ALL
  SELECT 'step.' || f.kind, jsonb_build_object('stepId', f.id, 'at', f.at), 'step-' || f.id || '-' || f.kind || '-' || f.at
    FROM (${STEP_FOLLOW_UPS_DUE_SQL}) f
   WHERE NOT EXISTS (SELECT 1 FROM notification n
                      WHERE n.dedupe_key = 'step-' || f.id || '-' || CASE f.kind WHEN 'due' THEN 'overdue' ELSE f.kind END || '-' || f.at)
) w
WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = w.job_id AND o.sent_at IS NULL)
RETURNING id`;

@Injectable()
export class FollowUpSweepService {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns how many jobs it asked for again. */
  async run(): Promise<number> {
    return inTransaction(this.dataSource, async (em) => {
      const count = ((await em.query(FOLLOW_UP_SWEEP_SQL)) as unknown[]).length;
      if (count) await em.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      return count;
    });
  }
}
