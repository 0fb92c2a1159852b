import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeopleDirectory, UsersService } from '@gesit/identity';
import { UnitEntity, UnitsService } from '@gesit/organisation';
import { badInput, forbidden, isUuid, Loaders, notFound, Principal } from '@gesit/platform';
import { SLA_REPORT_SQL } from './sla-report.sql';
import { SlaAssigneeRowType, SlaReportType, SlaUnitRowType } from './sla-report.types';

interface Row {
  grouping: 'total' | 'assignee' | 'subunit';
  key: string | null;
  total: number;
  on_time: number;
  late: number;
  on_track: number;
  due_soon: number;
  overdue: number;
  median_hours: number | null;
  p90_hours: number | null;
}

const MAX_PERIOD_MS = 5 * 366 * 86_400_000;

export const onTimeRate = (onTime: number, late: number): number | null => (onTime + late ? onTime / (onTime + late) : null);

/** Leaders' SLA report: counts, on-time rate and completion times in working hours, computed in SQL. */
@Injectable()
export class SlaReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly people: PeopleDirectory,
  ) {}

  async report(
    principal: Principal,
    input: { unitId: string; from: Date; to: Date; includeSubunits?: boolean | null },
    loaders: Loaders,
  ): Promise<SlaReportType> {
    if (input.from.getTime() >= input.to.getTime()) throw badInput({ id: '"from" harus sebelum "to".', en: '"from" must be before "to".' });
    if (input.to.getTime() - input.from.getTime() > MAX_PERIOD_MS)
      throw badInput({
        id: 'Laporan mencakup paling lama lima tahun; pilih periode yang lebih pendek.',
        en: 'A report covers at most five years; choose a shorter period.',
      });
    const unit = isUuid(input.unitId) ? await this.units.byId(loaders).load(input.unitId) : null;
    if (!unit) throw notFound({ id: 'Unit', en: 'Unit' });
    await this.authorise(principal, unit);
    const includeSubunits = input.includeSubunits ?? true;
    const rows: Row[] = await this.dataSource.query(SLA_REPORT_SQL, [unit.id, input.from, input.to, includeSubunits, new Date()]);
    const total = rows.find((r) => r.grouping === 'total')!;
    const byAssignee = await Promise.all(
      rows
        .filter((r) => r.grouping === 'assignee')
        .map(async (r): Promise<SlaAssigneeRowType> => ({
          assignee: await this.users.byId(loaders).load(r.key!),
          open: r.on_track + r.due_soon + r.overdue,
          overdue: r.overdue,
          completedOnTime: r.on_time,
          completedLate: r.late,
          medianCompletionWorkingHours: r.median_hours === null ? null : Number(r.median_hours),
        })),
    );
    byAssignee.sort(
      (a, b) =>
        b.overdue - a.overdue || String((a.assignee as { name: string }).name).localeCompare(String((b.assignee as { name: string }).name)),
    );
    const children = includeSubunits ? await this.units.childrenOf(loaders).load(unit.id) : [];
    const bySubunit = children.map((child): SlaUnitRowType => {
      const r = rows.find((row) => row.grouping === 'subunit' && row.key === child.id);
      return {
        unit: child,
        total: r?.total ?? 0,
        open: r ? r.on_track + r.due_soon + r.overdue : 0,
        overdue: r?.overdue ?? 0,
        completedOnTime: r?.on_time ?? 0,
        completedLate: r?.late ?? 0,
        onTimeRate: r ? onTimeRate(r.on_time, r.late) : null,
      };
    });
    return {
      unit,
      from: input.from,
      to: input.to,
      total: total.total,
      completedOnTime: total.on_time,
      completedLate: total.late,
      openOnTrack: total.on_track,
      openDueSoon: total.due_soon,
      openOverdue: total.overdue,
      onTimeRate: onTimeRate(total.on_time, total.late),
      medianCompletionWorkingHours: total.median_hours === null ? null : Number(total.median_hours),
      p90CompletionWorkingHours: total.p90_hours === null ? null : Number(total.p90_hours),
      byAssignee,
      bySubunit,
    };
  }

  /** ADMINs see any unit; LEADERs their own unit and the units below it. */
  private async authorise(principal: Principal, unit: UnitEntity): Promise<void> {
    if (principal.roles.includes('ADMIN')) return;
    if (!principal.roles.includes('LEADER'))
      throw forbidden({
        id: 'Laporan SLA hanya untuk pimpinan dan administrator.',
        en: 'The SLA report is for leaders and administrators.',
      });
    const leader = (await this.people.placed([principal.userId])).get(principal.userId);
    const ancestry = await this.units.ancestry(unit.id);
    if (!leader || !ancestry.includes(leader.unitId))
      throw forbidden({
        id: 'Anda dapat membaca laporan SLA unit Anda sendiri dan unit di bawahnya.',
        en: 'You can read the SLA report of your own unit and the units below it.',
      });
  }
}
