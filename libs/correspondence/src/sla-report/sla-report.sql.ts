import { PLACED_USERS, unitSubtreeCte } from '@gesit/identity';

/**
 * The SLA report in one statement: a set-based read over assignments (owned here), with where their
 * assignees sit from identity's fragments. $1 the report's unit, $2/$3 the period of disposition creation,
 * $4 whether sub-units count, $5 now. Assignments belong to the unit of their assignee's position.
 */
export const SLA_REPORT_SQL = `
WITH RECURSIVE ${unitSubtreeCte('$1')},
scope(unit_id, subunit_id) AS (
  SELECT $1::uuid, NULL::uuid
  UNION ALL
  SELECT id, top FROM subtree WHERE $4
),
rows AS (
  SELECT a.assignee_id, s.subunit_id, a.due_at, a.due_soon_at, a.completed_at, a.completion_working_minutes,
         a.completed_at IS NOT NULL AND a.completed_at <= a.due_at AS on_time,
         a.completed_at IS NOT NULL AND a.completed_at > a.due_at AS late,
         a.completed_at IS NULL AND a.due_at < $5 AS overdue,
         a.completed_at IS NULL AND a.due_at >= $5 AND a.due_soon_at <= $5 AS due_soon,
         a.completed_at IS NULL AND a.due_at >= $5 AND (a.due_soon_at IS NULL OR a.due_soon_at > $5) AS on_track
    FROM disposition_assignment a
    JOIN disposition d ON d.id = a.disposition_id
    JOIN ${PLACED_USERS} pu ON pu.id = a.assignee_id
    JOIN scope s ON s.unit_id = pu.unit_id
   WHERE a.cancelled_at IS NULL AND d.created_at >= $2 AND d.created_at < $3
)
SELECT 'total' AS grouping, NULL::uuid AS key,
       count(*)::int AS total, count(*) FILTER (WHERE on_time)::int AS on_time, count(*) FILTER (WHERE late)::int AS late,
       count(*) FILTER (WHERE on_track)::int AS on_track, count(*) FILTER (WHERE due_soon)::int AS due_soon,
       count(*) FILTER (WHERE overdue)::int AS overdue,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY completion_working_minutes) / 60.0 AS median_hours,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY completion_working_minutes) / 60.0 AS p90_hours
  FROM rows
UNION ALL
SELECT 'assignee', assignee_id,
       count(*)::int, count(*) FILTER (WHERE on_time)::int, count(*) FILTER (WHERE late)::int,
       count(*) FILTER (WHERE on_track)::int, count(*) FILTER (WHERE due_soon)::int, count(*) FILTER (WHERE overdue)::int,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY completion_working_minutes) / 60.0, NULL
  FROM rows GROUP BY assignee_id
UNION ALL
SELECT 'subunit', subunit_id,
       count(*)::int, count(*) FILTER (WHERE on_time)::int, count(*) FILTER (WHERE late)::int,
       count(*) FILTER (WHERE on_track)::int, count(*) FILTER (WHERE due_soon)::int, count(*) FILTER (WHERE overdue)::int,
       NULL, NULL
  FROM rows WHERE subunit_id IS NOT NULL GROUP BY subunit_id
`;
