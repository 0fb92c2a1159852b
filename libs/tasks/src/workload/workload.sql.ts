import { formatClock, localDate, type WorkingCalendar } from '@gesit/calendar';
import { PLACED_USERS, unitSubtreeCte, USERS_SHOWN } from '@gesit/identity';
import { instantOf, weekStart } from '../shared/local-days';
import { planningDays, reportDaysThisWeek } from './capacity';

/**
 * The team workload in one set-based statement for a whole unit subtree: asking identity person by person
 * would make a 400-person subtree 400 round trips (see bench/scenarios/workload). Where people sit comes
 * from identity's PLACED_USERS and unit subtree fragments, and the users shown from its USERS_SHOWN; the rest are hybrid work's own tables,
 * with the open tasks and disposition assignments through the workload tally.
 *
 * Parameters: $1 unit id, $2 now, $3 end of the planning horizon, $4 Monday of this week (local date),
 * $5 today (local date), $6 working dates of this week before today.
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
arrangements AS (
  SELECT user_id, json_agg(json_build_object(
           'kind', kind, 'workMode', work_mode, 'weekdays', weekdays, 'startTime', start_time, 'endTime', end_time,
           'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD'))) AS list
    FROM work_arrangement
   WHERE status = 'APPROVED' AND user_id IN (SELECT id FROM people) AND ends_on >= $5::date AND starts_on <= ($5::date + 31)
   GROUP BY user_id
)
SELECT pe.id, pe.unit_id AS "unitId", us.shown AS "user",
       coalesce(tl.open_tasks, 0) AS "openTasks",
       -- The tally's due times are sorted: width_bucket counts those at or before a time by binary search (due
       -- before now: at or before a microsecond earlier), and the running sum of estimates gives the planned minutes.
       coalesce(width_bucket($2::timestamptz - interval '1 microsecond', tl.task_due), 0) AS "overdueTasks",
       coalesce(tl.task_planned[width_bucket($3::timestamptz, tl.task_due)], 0) AS "plannedTaskMinutes",
       coalesce(cardinality(tl.assignment_due), 0) AS "openAssignments",
       coalesce(width_bucket($2::timestamptz - interval '1 microsecond', tl.assignment_due), 0) AS "overdueAssignments",
       coalesce(w.minutes, 0) AS "minutesReportedThisWeek", coalesce(w.submitted_days, 0) AS "submittedDays",
       w.today_mode AS "reportedModeToday", coalesce(tl.pending_reports, 0) AS "pendingReports",
       tl.last_work_mode AS "lastWorkMode", coalesce(ar.list, '[]'::json) AS arrangements
  FROM people pe
  -- The user as the answer shows them: no entity per row (400 of them cost more than the rest of the statement).
  JOIN ${USERS_SHOWN} us ON us.id = pe.id
  -- Open work, reports waiting and the last report's mode, kept per person by the tally's triggers (migration
  -- WorkloadTally): one row a person where counting them here read every person's tasks, assignments and reports.
  LEFT JOIN workload_tally tl ON tl.user_id = pe.id
  LEFT JOIN week w ON w.user_id = pe.id
  LEFT JOIN arrangements ar ON ar.user_id = pe.id
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
  return { params: [unitId, now, horizonEnd, monday, today, reportDays], today, reportDays };
}
