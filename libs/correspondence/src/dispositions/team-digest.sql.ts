import { PLACED_USERS, teamCte } from '@gesit/identity';
import type { LetterAudience } from '../letters/letter-audience';
import { notClassifiedSql } from '../letters/letter.enums';

/**
 * The digest of many leaders in one query: a set-based read over assignments and letters (owned here) and
 * the chain of command (identity's fragments), for notifications' daily digest. Parameters: $1 leader ids,
 * $2 their zones, $3 their local dates, $4 the working day before (its 07:00 local starts the "new" window;
 * null: the last 24 hours), $5 now, $6 the number of examples per category. One row per example (at most $6 per leader and category), each with the category's total
 * and the start of the leader's "new" window.
 *
 * Over the open assignments (neither completed nor withdrawn) of the leader and everyone below them in
 * the chain of command: new = created since the start of the window; due today = due from now until the
 * end of the leader's local day; overdue = due before now. Due today and overdue do not overlap. A
 * CONFIDENTIAL or SECRET letter the leader is not named on is counted and shown as `hidden`: no number,
 * no subject, no assignee.
 */
export const teamDigestSql = (audience: LetterAudience): string => `
WITH RECURSIVE
leader(leader_id, tz, day, new_from, day_end) AS (
  SELECT l.id, l.tz, l.day,
         COALESCE((l.prev + time '07:00') AT TIME ZONE l.tz, $5::timestamptz - interval '24 hours'),
         (l.day + 1)::timestamp AT TIME ZONE l.tz
    FROM unnest($1::uuid[], $2::text[], $3::date[], $4::date[]) AS l(id, tz, day, prev)
),
${teamCte('leader')},
item AS (
  SELECT l.leader_id, l.new_from, a.id, a.letter_id, a.assignee_id, a.created_at, a.due_at,
         (a.created_at >= l.new_from AND a.created_at <= $5) AS is_new,
         (a.due_at >= $5 AND a.due_at < l.day_end) AS is_due_today,
         (a.due_at < $5) AS is_overdue
    FROM leader l
    JOIN team t ON t.leader_id = l.leader_id
    JOIN disposition_assignment a ON a.assignee_id = t.member_id AND a.completed_at IS NULL AND a.cancelled_at IS NULL
),
hit AS (
  SELECT i.*, c.category,
         count(*) OVER (PARTITION BY i.leader_id, c.category) AS total,
         row_number() OVER (PARTITION BY i.leader_id, c.category
                            ORDER BY CASE WHEN c.category = 'new' THEN i.created_at END DESC,
                                     i.due_at, i.id) AS rn
    FROM item i
    CROSS JOIN LATERAL (VALUES ('new', i.is_new), ('dueToday', i.is_due_today), ('overdue', i.is_overdue)) AS c(category, applies)
   WHERE c.applies
)
SELECT h.leader_id, h.new_from, h.category, h.total::int AS total, h.due_at, v.hidden,
       CASE WHEN NOT v.hidden THEN l.number END AS number,
       CASE WHEN NOT v.hidden THEN l.agenda_number END AS agenda_number,
       CASE WHEN ${notClassifiedSql('l.security_level')} THEN l.subject END AS subject,
       CASE WHEN NOT v.hidden THEN u.name END AS assignee_name
  FROM hit h
  JOIN letter l ON l.id = h.letter_id
  JOIN ${PLACED_USERS} u ON u.id = h.assignee_id
  CROSS JOIN LATERAL (SELECT NOT (${notClassifiedSql('l.security_level')} OR ${audience.namedAmong('l.id', '= h.leader_id')}) AS hidden) v
 WHERE h.rn <= $6
 ORDER BY h.leader_id, h.category, h.rn`;
