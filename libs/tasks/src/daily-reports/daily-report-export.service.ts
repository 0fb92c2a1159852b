import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsersService } from '@gesit/identity';
import { Loaders, type Principal } from '@gesit/platform';
import { CsvEntry, dailyReportCsv } from './daily-report-csv';
import { DailyReportsService } from './daily-reports.service';

/** The e-Kinerja CSV: one row per entry of the person's reports in a date range. */
@Injectable()
export class DailyReportExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: DailyReportsService,
    private readonly users: UsersService,
  ) {}

  async csv(principal: Principal, userId: string | null, from: string, to: string): Promise<{ csv: string; filename: string }> {
    const loaders = new Loaders();
    const owner = await this.reports.ownerFor(principal, userId, loaders);
    this.reports.range(from, to);
    const user = (await this.users.byId(loaders).load(owner))!;
    const rows: Omit<CsvEntry, 'nip' | 'name'>[] = await this.dataSource.query(
      `SELECT to_char(r.date, 'YYYY-MM-DD') AS date, t.title AS target, e.activity, e.start_time AS "startTime", e.end_time AS "endTime",
              e.minutes, e.output, e.output_quantity AS quantity, r.status
         FROM daily_report r JOIN daily_report_entry e ON e.report_id = r.id
         LEFT JOIN performance_target t ON t.id = e.performance_target_id
        WHERE r.user_id = $1 AND r.date BETWEEN $2 AND $3
        ORDER BY r.date, e.start_time, e.position`,
      [owner, from, to],
    );
    return {
      csv: dailyReportCsv(rows.map((r) => ({ ...r, nip: user.nip, name: user.name }))),
      filename: `laporan-harian-${user.nip}-${from}-${to}.csv`,
    };
  }
}
