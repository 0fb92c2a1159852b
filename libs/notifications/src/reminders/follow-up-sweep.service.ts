import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APPROVAL_EVENTS, OPENED_STEP_EVENTS_SQL, STEP_FOLLOW_UPS_DUE_SQL } from '@gesit/approvals';
import { ASSIGNMENT_FOLLOW_UPS_DUE_SQL, CORRESPONDENCE_EVENTS, DISPOSITION_EVENTS_SQL } from '@gesit/correspondence';
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

/**
 * New work whose notice is missing ($1 seconds after it was created: its event job was lost with Redis) is
 * announced again through the outbox: the `disposition.created` of a disposition with an assignee not yet told,
 * the `approval.step.opened` of a step whose approver was not. The notices' dedupe keys make a repeat harmless,
 * and a job id per piece of work keeps one repair queued at a time.
 */
export const NOTICE_REPAIR_SQL = `
INSERT INTO outbox (id, queue, name, payload, job_id)
SELECT gen_random_uuid(), w.queue, w.name, w.payload, w.job_id FROM (
  SELECT '${CORRESPONDENCE_EVENTS.queue}' AS queue, 'disposition.created' AS name, e.payload, 'disposition-' || e.id || '-notice' AS job_id
    FROM (${DISPOSITION_EVENTS_SQL}) e
   WHERE EXISTS (SELECT 1 FROM unnest(e.assignment_ids) x(id)
                  WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.dedupe_key = 'assignment-' || x.id || '-received'))
  UNION ALL
  SELECT '${APPROVAL_EVENTS.queue}', 'approval.step.opened', s.payload, 'step-' || s.id || '-notice'
    FROM (${OPENED_STEP_EVENTS_SQL}) s
   WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.dedupe_key = 'step-' || s.id || '-waiting')
) w
WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = w.job_id AND o.sent_at IS NULL)
RETURNING id`;

/** An event job normally runs within seconds; only work older than this without its notice counts as lost. */
export const NOTICE_REPAIR_GRACE_SECONDS = 120;

@Injectable()
export class FollowUpSweepService {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns how many jobs it asked for again: follow-ups and new-work notices. */
  async run(): Promise<number> {
    return (await this.sweep(FOLLOW_UP_SWEEP_SQL, [])) + (await this.repairNotices());
  }

  /** Announces again new work whose notice is missing `graceSeconds` after it was created; returns how many events. */
  repairNotices(graceSeconds = NOTICE_REPAIR_GRACE_SECONDS): Promise<number> {
    return this.sweep(NOTICE_REPAIR_SQL, [graceSeconds]);
  }

  private sweep(sql: string, params: unknown[]): Promise<number> {
    return inTransaction(this.dataSource, async (em) => {
      const count = ((await em.query(sql, params)) as unknown[]).length;
      if (count) await em.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      return count;
    });
  }
}
