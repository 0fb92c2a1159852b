import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService, withOverrides } from '@gesit/calendar';
import { PeopleDirectory, type UserType } from '@gesit/identity';
import { UnitsService } from '@gesit/organisation';
import { AppError, forbidden, isUuid, Loaders, type Principal } from '@gesit/platform';
import { hoursOverride } from '../shared/personal-calendars.service';
import { SupervisionService } from '../shared/supervision.service';
import { WorkMode } from '../work-mode';
import { arrangedMode, capacityMinutes, planningDays, TimeArrangement } from './capacity';
import { WorkloadRowType } from './workload-row.type';
import { TEAM_WORKLOAD_SQL, teamWorkloadParams } from './workload.sql';

interface WorkloadSqlRow {
  id: string;
  unitId: string;
  user: UserType;
  openTasks: number;
  overdueTasks: number;
  plannedTaskMinutes: number;
  openAssignments: number;
  overdueAssignments: number;
  minutesReportedThisWeek: number;
  submittedDays: number;
  reportedModeToday: WorkMode | null;
  pendingReports: number;
  lastWorkMode: WorkMode | null;
  arrangements: TimeArrangement[];
}

/** Who is doing what, where, and who is overloaded: one row per person of a unit and its sub-units. */
@Injectable()
export class WorkloadService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly access: SupervisionService,
    private readonly people: PeopleDirectory,
    private readonly units: UnitsService,
  ) {}

  async team(principal: Principal, unitId: string, loaders = new Loaders(), now = new Date()): Promise<WorkloadRowType[]> {
    const ancestry = isUuid(unitId) ? await this.units.ancestry(unitId) : [];
    if (!ancestry.length) throw new AppError('NOT_FOUND', { id: 'Unit kerja itu tidak ditemukan.', en: 'That unit was not found.' });
    // A leader (or an official whose Plh/Plt the caller is) placed in the unit or one above it.
    const viewers = await this.people.placed(await this.access.viewerIds(principal, loaders));
    const leads = [...viewers.values()].some(
      (p) => ancestry.includes(p.unitId) && (p.roles.includes('LEADER') || p.roles.includes('ADMIN')),
    );
    if (!leads)
      throw forbidden({
        id: 'Beban kerja tim hanya dapat dilihat pimpinan unit itu atau unit di atasnya (atau Plh/Plt-nya).',
        en: "A team's workload can be seen only by the leaders of that unit or a unit above it (or their Plh/Plt).",
      });
    // The unit's calendar sets the horizon and the week; each person's capacity uses their own unit's hours.
    const cal = await this.calendar.calendarFor(unitId);
    const { params, today, reportDays } = teamWorkloadParams(unitId, cal, now);
    const rows: WorkloadSqlRow[] = await this.dataSource.query(TEAM_WORKLOAD_SQL, params);
    const calendars = new Map<string, Awaited<ReturnType<CalendarService['calendarFor']>>>();
    for (const id of new Set(rows.map((r) => r.unitId))) calendars.set(id, await this.calendar.calendarFor(id));
    // People of a unit on the same hours (the unit's, or the same shifted hours) have the same capacity: counted once.
    const capacities = new Map<string, number>();
    const capacityOf = (r: WorkloadSqlRow): number => {
      const overrides = r.arrangements
        .filter((a) => a.kind === 'TIME' && a.startTime && a.endTime)
        .map((a) => hoursOverride({ ...a, startTime: a.startTime!, endTime: a.endTime! }));
      const key = overrides.length ? `${r.unitId} ${JSON.stringify(overrides)}` : r.unitId;
      let minutes = capacities.get(key);
      if (minutes === undefined) {
        // The person's own calendar: their unit's, with the hours of their approved TIME arrangements.
        const own = withOverrides(calendars.get(r.unitId) ?? cal, overrides);
        capacities.set(key, (minutes = capacityMinutes(planningDays(today, own), own)));
      }
      return minutes;
    };
    return rows.map((r) => ({
      userId: r.id,
      user: r.user,
      openTasks: r.openTasks,
      overdueTasks: r.overdueTasks,
      openAssignments: r.openAssignments,
      overdueAssignments: r.overdueAssignments,
      plannedMinutes: r.plannedTaskMinutes,
      capacityMinutes: capacityOf(r),
      minutesReportedThisWeek: r.minutesReportedThisWeek,
      missingReports: Math.max(0, reportDays.length - r.submittedDays),
      pendingReports: r.pendingReports,
      workModeToday: r.reportedModeToday ?? (arrangedMode(today, r.arrangements) as WorkMode | null),
      lastWorkMode: r.lastWorkMode,
    }));
  }
}
