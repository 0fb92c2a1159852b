import { formatClock, localDate, type WorkingCalendar } from '@gesit/calendar';
import { PLACED_USERS, unitSubtreeCte, USERS_SHOWN } from '@gesit/identity';
import { instantOf, weekStart } from '../shared/local-days';
import { OPEN_STATUSES } from '../tasks/task-status';
import { planningDays, reportDaysThisWeek } from './capacity';

/**
 * The team workload in one set-based statement for a whole unit subtree: asking identity person by person
 * would make a 400-person subtree 400 round trips (see bench/scenarios/workload). Where people sit comes
 * from identity's PLACED_USERS and unit subtree fragments, and the users shown from its USERS_SHOWN; the rest are hybrid work's own tables and the
 * open disposition assignments.
 *
 * Parameters: $1 unit id, $2 now, $3 end of the planning horizon, $4 Monday of this week (local date),
 * $5 today (local date), $6 working dates of this week before today, $7 open task statuses.
 */
export const TEAM_WORKLOAD_SQL = `
WITH RECURSIVE ${unitSubtreeCte('$1::uuid')},
people AS NOT MATERIALIZED (
  SELECT pu.id, pu.name, pu.unit_id FROM ${PLACED_USERS} pu WHERE pu.unit_id = $1::uuid OR pu.unit_id IN (SELECT id FROM subtree)
),
week AS (
  SELECT user_id,
         coalesce(sum(total_minutes) FILTER (WHERE status <> 'DRAFT'), 0)::int AS minutes,
         (count(*) FILTER (WHERE date = ANY($6::date[]) AND status IN ('SUBMITTED', 'APPROVED')))::int AS submitted_days,
         max(work_mode) FILTER (WHERE date = $5::date) AS today_mode
    FROM daily_report
   WHERE user_id IN (SELECT id FROM people) AND date BETWEEN $4::date AND $5::date
   GROUP BY user_id
),
pending AS (
  SELECT user_id, count(*)::int AS pending FROM daily_report
   WHERE status = 'SUBMITTED' AND user_id IN (SELECT id FROM people) GROUP BY user_id
),
arrangements AS (
  SELECT user_id, json_agg(json_build_object(
           'kind', kind, 'workMode', work_mode, 'weekdays', weekdays, 'startTime', start_time, 'endTime', end_time,
           'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD'))) AS list
    FROM work_arrangement
   WHERE status = 'APPROVED' AND user_id IN (SELECT id FROM people) AND ends_on >= $5::date AND starts_on <= ($5::date + 31)
   GROUP BY user_id
)
SELECT pe.id, pe.unit_id AS "unitId", us.shown AS "user",
       t.open AS "openTasks", t.overdue AS "overdueTasks", t.planned AS "plannedTaskMinutes",
       a.open AS "openAssignments", a.overdue AS "overdueAssignments",
       coalesce(w.minutes, 0) AS "minutesReportedThisWeek", coalesce(w.submitted_days, 0) AS "submittedDays",
       w.today_mode AS "reportedModeToday", coalesce(pd.pending, 0) AS "pendingReports",
       last.work_mode AS "lastWorkMode", coalesce(ar.list, '[]'::json) AS arrangements
  FROM people pe
  -- The user as the answer shows them: no entity per row (400 of them cost more than the rest of the statement).
  JOIN ${USERS_SHOWN} us ON us.id = pe.id
  -- Per person through indexes (the task assignees', and correspondence's partial index of open assignments by
  -- assignee): a few rows each, where a set-wide count would read every open task and assignment of the organisation.
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS open, (count(*) FILTER (WHERE t.due_at < $2))::int AS overdue,
           coalesce(sum(t.estimate_minutes) FILTER (WHERE t.due_at <= $3), 0)::int AS planned
      FROM task_assignee ta JOIN task t ON t.id = ta.task_id
     WHERE ta.user_id = pe.id AND t.status = ANY($7::text[])
  ) t
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS open, (count(*) FILTER (WHERE da.due_at < $2))::int AS overdue
      FROM disposition_assignment da
     -- Open means not completed and not withdrawn, written as correspondence's partial index of open assignments is.
     WHERE da.assignee_id = pe.id AND da.completed_at IS NULL AND da.cancelled_at IS NULL
  ) a
  LEFT JOIN week w ON w.user_id = pe.id
  LEFT JOIN pending pd ON pd.user_id = pe.id
  LEFT JOIN arrangements ar ON ar.user_id = pe.id
  LEFT JOIN LATERAL (SELECT work_mode FROM daily_report r WHERE r.user_id = pe.id ORDER BY r.date DESC LIMIT 1) last ON true
 ORDER BY pe.name, pe.id`;

/** The statement's parameters for a unit at `now`, from the unit's calendar; with the local date and this week's report days. */
export function teamWorkloadParams(
  unitId: string,
  cal: WorkingCalendar,
  now: Date,
): { params: unknown[]; today: string; reportDays: string[] } {
  const today = localDate(now, cal.timeZone);
  const days = planningDays(today, cal);
  const horizonEnd = instantOf(days[days.length - 1], formatClock(cal.endMinute), cal.timeZone);
  const monday = weekStart(today);
  const reportDays = reportDaysThisWeek(monday, today, cal);
  return { params: [unitId, now, horizonEnd, monday, today, reportDays, OPEN_STATUSES], today, reportDays };
}
