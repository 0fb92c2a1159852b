import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { belowUserCte, UsersService } from '@gesit/identity';
import { Loaders, type Principal } from '@gesit/platform';
import { SupervisionService } from '../shared/supervision.service';
import { CsvEntry, dailyReportCsv } from './daily-report-csv';
import { DailyReportsService } from './daily-reports.service';

/**
 * The e-Kinerja CSV: one row per entry of the reports in a date range, of one person (`userId`: the caller or
 * someone below them) or, without it, of everyone the caller may see: themselves, the officials whose Plh/Plt
 * they are, and everyone below those in the chain of command.
 */
@Injectable()
export class DailyReportExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: DailyReportsService,
    private readonly supervision: SupervisionService,
    private readonly users: UsersService,
  ) {}

  async csv(principal: Principal, userId: string | null, from: string, to: string): Promise<{ csv: string; filename: string }> {
    const loaders = new Loaders();
    const owner = userId ? await this.reports.ownerFor(principal, userId, loaders) : null;
    this.reports.range(from, to);
    const people = owner ? [owner] : await this.visible(principal, loaders);
    const rows: (Omit<CsvEntry, 'nip' | 'name'> & { userId: string })[] = await this.dataSource.query(
      `SELECT r.user_id AS "userId", to_char(r.date, 'YYYY-MM-DD') AS date, t.title AS target, e.activity,
              e.start_time AS "startTime", e.end_time AS "endTime", e.minutes, e.output, e.output_quantity AS quantity, r.status
         FROM daily_report r JOIN daily_report_entry e ON e.report_id = r.id
         LEFT JOIN performance_target t ON t.id = e.performance_target_id
        WHERE r.user_id = ANY($1::uuid[]) AND r.date BETWEEN $2 AND $3
        ORDER BY r.date, e.start_time, e.position`,
      [people, from, to],
    );
    const users = new Map(
      (await this.users.byId(loaders).loadMany([...new Set([principal.userId, ...rows.map((r) => r.userId)])])).flatMap((u) =>
        u && !(u instanceof Error) ? [[u.id, u] as const] : [],
      ),
    );
    const entries = rows
      .map(({ userId: id, ...r }) => ({ ...r, nip: users.get(id)?.nip ?? '', name: users.get(id)?.name ?? '' }))
      // Date first, then person, then the day's entries in order (the statement's order within a person).
      .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'id') || a.nip.localeCompare(b.nip));
    const named = users.get(owner ?? principal.userId)!;
    return {
      csv: dailyReportCsv(entries),
      filename:
        owner || people.length === 1
          ? `laporan-harian-${named.nip}-${from}-${to}.csv`
          : `laporan-harian-tim-${named.nip}-${from}-${to}.csv`,
    };
  }

  /** The caller, the officials they act for, and everyone below them in the chain of command. */
  private async visible(principal: Principal, loaders: Loaders): Promise<string[]> {
    const me = await this.supervision.viewerIds(principal, loaders);
    const below: { id: string }[] = await this.dataSource.query(`WITH RECURSIVE ${belowUserCte('$1::uuid[]')} SELECT id FROM below_user`, [
      me,
    ]);
    return [...new Set([...me, ...below.map((b) => b.id)])];
  }
}
