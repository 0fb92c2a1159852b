import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { epochMsSql } from '@gesit/platform';
import { SecurityLevel } from '../letters/letter.enums';

/** What reminders and escalation need of an open assignment and its letter, read under the assignment's row lock. */
export interface OpenAssignment {
  id: string;
  letterId: string;
  assigneeId: string;
  dueAt: Date;
  dueSoonAt: Date | null;
  remindedAt: Date | null;
  escalationLevel: number;
  urgency: string;
  letterNumber: string | null;
  agendaNumber: string | null;
  subject: string;
  securityLevel: SecurityLevel;
}

const OPEN = 'a.completed_at IS NULL AND a.cancelled_at IS NULL';

/**
 * The follow-up state of assignments (reminded, escalation level, next escalation), kept by correspondence,
 * which owns the table, for the reminders that notifications runs.
 */
@Injectable()
export class AssignmentFollowUp {
  constructor(private readonly dataSource: DataSource) {}

  /** The open ones among `ids`, locked in id order so that two batches never wait on each other. */
  lockOpen(em: EntityManager, ids: readonly string[]): Promise<OpenAssignment[]> {
    return em.query(
      `SELECT a.id, a.letter_id AS "letterId", a.assignee_id AS "assigneeId", a.due_at AS "dueAt", a.due_soon_at AS "dueSoonAt",
              a.reminded_at AS "remindedAt", a.escalation_level AS "escalationLevel", a.urgency,
              l.number AS "letterNumber", l.agenda_number AS "agendaNumber", l.subject, l.security_level AS "securityLevel"
         FROM disposition_assignment a JOIN letter l ON l.id = a.letter_id
        WHERE a.id = ANY($1::uuid[]) AND ${OPEN}
        ORDER BY a.id
        FOR UPDATE OF a`,
      [ids],
    );
  }

  /** Who holds an open assignment and how urgent it is (null once closed): read before a transaction. */
  async openAssignee(id: string): Promise<{ assigneeId: string; urgency: string } | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.assignee_id AS "assigneeId", a.urgency FROM disposition_assignment a WHERE a.id = $1 AND ${OPEN}`,
      [id],
    );
    return row ?? null;
  }

  /** The write that marks `ids` reminded, for the caller to send along with its own (NotificationsService.notifyMany). */
  markRemindedWrite(ids: readonly string[]): { sql: string; values: unknown[] } {
    return { sql: 'UPDATE disposition_assignment SET reminded_at = now() WHERE id = ANY($1::uuid[])', values: [ids] };
  }

  /** The escalation `level` reached, and when the next is due (null: no one above is left). */
  async escalated(em: EntityManager, id: string, level: number, next: Date | null): Promise<void> {
    await em.query('UPDATE disposition_assignment SET escalation_level = $2, next_escalation_at = $3 WHERE id = $1', [id, level, next]);
  }
}

/**
 * The follow-ups of open assignments whose time has come but which did not happen, for the sweep that repairs
 * lost jobs: rows (kind 'remind' | 'due' | 'escalate', id, at in epoch ms, level). A set-based query owned here,
 * where the table is; the sweep turns the rows into jobs in the same statement.
 */
export const ASSIGNMENT_FOLLOW_UPS_DUE_SQL = `
  SELECT 'remind' AS kind, a.id, ${epochMsSql('a.due_soon_at')} AS at, NULL::int AS level FROM disposition_assignment a
   WHERE ${OPEN} AND a.reminded_at IS NULL AND a.due_soon_at <= now() AND a.due_at > now()
  UNION ALL
  SELECT 'due', a.id, ${epochMsSql('a.due_at')}, NULL FROM disposition_assignment a
   WHERE ${OPEN} AND a.escalation_level = 0 AND a.due_at <= now()
  UNION ALL
  SELECT 'escalate', a.id, ${epochMsSql('a.due_at')}, a.escalation_level + 1 FROM disposition_assignment a
   WHERE ${OPEN} AND a.next_escalation_at <= now()`;

const isoSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Dispositions of the last week with open assignments, created at least `$1` seconds ago, as the
 * `disposition.created` event that announced them: rows (id, payload, assignment_ids), for the sweep that
 * repairs new-work notices whose event job was lost with Redis. A top-level disposition of an outgoing letter
 * (its internal recipients) announces nothing of its own, so it is left out. Owned here, where the tables are.
 */
export const DISPOSITION_EVENTS_SQL = `
  SELECT d.id,
         jsonb_build_object('letterId', d.letter_id, 'dispositionId', d.id, 'assignments',
           jsonb_agg(jsonb_build_object('id', a.id, 'assigneeId', a.assignee_id, 'dueAt', ${isoSql('a.due_at')},
                                        'dueSoonAt', ${isoSql('a.due_soon_at')}))) AS payload,
         array_agg(a.id) AS assignment_ids
    FROM disposition d
    JOIN disposition_assignment a ON a.disposition_id = d.id
    JOIN letter l ON l.id = d.letter_id
   WHERE ${OPEN} AND d.withdrawn_at IS NULL
     AND d.created_at > now() - interval '7 days' AND d.created_at <= now() - make_interval(secs => $1)
     AND NOT (l.direction = 'OUTGOING' AND d.parent_assignment_id IS NULL)
   GROUP BY d.id`;
