import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction, OUTBOX_CHANNEL } from '@gesit/platform';
import { DUE_JOB, ESCALATE_JOB, REMIND_JOB, SLA_QUEUE, STEP_DUE_JOB, STEP_REMIND_JOB } from './reminders.service';

// Milliseconds truncated as a JavaScript Date holds them: a cast to bigint rounds, and a time with a
// fraction of a millisecond past .5 then names a job the job itself does not recognise (it skips).
const MS = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::bigint`;
const OPEN = 'a.completed_at IS NULL AND a.cancelled_at IS NULL';

/**
 * Finds reminders, due notices and escalations of assignments and approval steps whose time has come
 * but which did not happen (Redis was flushed, a job was lost) and asks for them again through the outbox, in one set-based statement.
 * The job ids are the ones first scheduled, so work still queued is not doubled, and the jobs
 * themselves notify once.
 */
export const SWEEP_SQL = `
INSERT INTO outbox (id, queue, name, payload, job_id)
SELECT gen_random_uuid(), '${SLA_QUEUE}', w.name, w.payload, w.job_id FROM (
  SELECT '${REMIND_JOB}' AS name, jsonb_build_object('assignmentId', a.id, 'at', ${MS('a.due_soon_at')}) AS payload,
         'assignment-' || a.id || '-remind-' || ${MS('a.due_soon_at')} AS job_id
    FROM disposition_assignment a
   WHERE ${OPEN} AND a.reminded_at IS NULL AND a.due_soon_at <= now() AND a.due_at > now()
  UNION ALL
  SELECT '${DUE_JOB}', jsonb_build_object('assignmentId', a.id, 'at', ${MS('a.due_at')}),
         'assignment-' || a.id || '-due-' || ${MS('a.due_at')}
    FROM disposition_assignment a
   WHERE ${OPEN} AND a.escalation_level = 0 AND a.due_at <= now()
  UNION ALL
  SELECT '${ESCALATE_JOB}', jsonb_build_object('assignmentId', a.id, 'level', a.escalation_level + 1, 'dueAt', ${MS('a.due_at')}),
         'assignment-' || a.id || '-escalate-' || (a.escalation_level + 1) || '-' || ${MS('a.due_at')}
    FROM disposition_assignment a
   WHERE ${OPEN} AND a.next_escalation_at <= now()
  UNION ALL
  -- Approval steps keep no reminder state of their own: the notification's dedupe key says it went out.
  SELECT '${STEP_REMIND_JOB}', jsonb_build_object('stepId', s.id, 'at', ${MS('s.due_soon_at')}),
         'step-' || s.id || '-remind-' || ${MS('s.due_soon_at')}
    FROM approval_step s
   WHERE s.status = 'PENDING' AND s.due_soon_at <= now() AND s.due_at > now()
     AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.dedupe_key = 'step-' || s.id || '-remind-' || ${MS('s.due_soon_at')})
  UNION ALL
  SELECT '${STEP_DUE_JOB}', jsonb_build_object('stepId', s.id, 'at', ${MS('s.due_at')}),
         'step-' || s.id || '-due-' || ${MS('s.due_at')}
    FROM approval_step s
   WHERE s.status = 'PENDING' AND s.due_at <= now()
     AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.dedupe_key = 'step-' || s.id || '-overdue-' || ${MS('s.due_at')})
) w
WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.job_id = w.job_id AND o.sent_at IS NULL)
RETURNING id`;

@Injectable()
export class SlaSweepService {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns how many jobs it asked for again. */
  async run(): Promise<number> {
    return inTransaction(this.dataSource, async (em) => {
      const count = ((await em.query(SWEEP_SQL)) as unknown[]).length;
      if (count) await em.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      return count;
    });
  }
}
