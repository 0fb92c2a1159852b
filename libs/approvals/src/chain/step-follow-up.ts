import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { SecurityLevel } from '@gesit/correspondence';
import { epochMsSql } from '@gesit/platform';
import { ApprovalStepKind } from './approval.enums';

/** What reminders need of a PENDING approval step and its letter, read under the step's row lock. */
export interface PendingStep {
  id: string;
  letterId: string;
  approverId: string;
  kind: ApprovalStepKind;
  dueAt: Date | null;
  dueSoonAt: Date | null;
  subject: string;
  securityLevel: SecurityLevel;
}

/** Pending approval steps as the reminders that notifications runs need them; approvals owns the table. */
@Injectable()
export class StepFollowUp {
  constructor(private readonly dataSource: DataSource) {}

  async lockPending(em: EntityManager, id: string): Promise<PendingStep | null> {
    const [row] = await em.query(
      `SELECT s.id, s.letter_id AS "letterId", s.approver_id AS "approverId", s.kind, s.due_at AS "dueAt", s.due_soon_at AS "dueSoonAt",
              l.subject, l.security_level AS "securityLevel"
         FROM approval_step s JOIN letter l ON l.id = s.letter_id
        WHERE s.id = $1 AND s.status = 'PENDING'
        FOR UPDATE OF s`,
      [id],
    );
    return row ?? null;
  }

  /** Whose turn a PENDING step is (null once decided): read before a transaction. */
  async pendingApprover(id: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT approver_id FROM approval_step WHERE id = $1 AND status = 'PENDING'`, [id]);
    return row?.approver_id ?? null;
  }
}

/**
 * Reminder points of PENDING steps that have passed, for the sweep that repairs lost jobs: rows (kind
 * 'remind' | 'due', id, at in epoch ms). Steps keep no reminder state of their own, so the sweep leaves out
 * those whose notification exists. A set-based query owned here, where the table is.
 */
export const STEP_FOLLOW_UPS_DUE_SQL = `
  SELECT 'remind' AS kind, s.id, ${epochMsSql('s.due_soon_at')} AS at FROM approval_step s
   WHERE s.status = 'PENDING' AND s.due_soon_at <= now() AND s.due_at > now()
  UNION ALL
  SELECT 'due', s.id, ${epochMsSql('s.due_at')} FROM approval_step s
   WHERE s.status = 'PENDING' AND s.due_at <= now()`;

/**
 * PENDING steps opened in the last week, at least `$1` seconds ago, as the `approval.step.opened` event that
 * announced them: rows (id, payload), for the sweep that repairs "approval waiting" notices whose event job
 * was lost with Redis. Owned here, where the table is.
 */
export const OPENED_STEP_EVENTS_SQL = `
  SELECT s.id,
         jsonb_build_object('stepId', s.id, 'letterId', s.letter_id, 'approverId', s.approver_id, 'kind', s.kind,
           'dueAt', to_char(s.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'dueSoonAt', to_char(s.due_soon_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS payload
    FROM approval_step s
   WHERE s.status = 'PENDING' AND s.opened_at > now() - interval '7 days' AND s.opened_at <= now() - make_interval(secs => $1)`;
