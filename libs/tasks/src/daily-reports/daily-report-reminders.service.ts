import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CalendarService, localDate, overrideOn, type UnitCalendar } from '@gesit/calendar';
import { ChainOfCommandService, PLACED_USERS } from '@gesit/identity';
import { DeputyNotices, NotificationsService, type NotifyInput } from '@gesit/notifications';
import { inTransaction, Loaders } from '@gesit/platform';
import { reminderDateAt, shiftedReminderMinute, waitedTooLong } from './daily-report-reminder-rules';
import { PersonalCalendars } from '../shared/personal-calendars.service';

// Notifications of one run share transactions of this many.
const NOTIFY_BATCH = 200;

export const missingReportKey = (userId: string, date: string): string => `daily-report-missing-${userId}-${date}`;
export const waitingReportsKey = (reviewerId: string, date: string): string => `daily-reports-waiting-${reviewerId}-${date}`;

/**
 * The daily report reminders, run every few minutes by the worker: from 15:30 local time on working days of
 * each person's unit (half an hour before the end of their shifted hours, for those on an approved TIME
 * arrangement), people with no report for the day are reminded once, and reviewers once a day of the
 * reports that have waited more than two working days. The notification's dedupe key makes each go out once.
 */
@Injectable()
export class DailyReportRemindersService {
  private readonly logger = new Logger(DailyReportRemindersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly chain: ChainOfCommandService,
    private readonly notifications: NotificationsService,
    private readonly personal: PersonalCalendars,
    private readonly deputies: DeputyNotices,
  ) {}

  /** Sends what is due at `now`; `userIds` limits the run to those people (as owners and as reviewers). */
  async run(now = new Date(), options: { userIds?: string[] } = {}): Promise<number> {
    const people: { id: string; unit_id: string }[] = await this.dataSource.query(
      `SELECT pu.id, pu.unit_id FROM ${PLACED_USERS} pu WHERE $1::uuid[] IS NULL OR pu.id = ANY($1::uuid[])`,
      [options.userIds ?? null],
    );
    const calendars = new Map<string, UnitCalendar>();
    for (const unitId of new Set(people.map((p) => p.unit_id))) calendars.set(unitId, await this.calendar.calendarFor(unitId));
    // Shifted hours (an approved TIME arrangement on the person's local date today) move their reminder.
    const own = await this.personal.many(people.map((p) => p.id));
    const dueDate = new Map(
      people.map((p) => {
        const cal = own.get(p.id)!;
        const shifted = overrideOn(localDate(now, cal.timeZone), cal);
        return [p.id, reminderDateAt(now, cal, shifted ? shiftedReminderMinute(shifted.endMinute) : undefined)];
      }),
    );
    const due = people.filter((p) => dueDate.get(p.id));
    if (!due.length) return 0;

    const reported: { user_id: string }[] = await this.dataSource.query(
      `SELECT r.user_id FROM daily_report r JOIN unnest($1::uuid[], $2::date[]) AS d(user_id, date) ON d.user_id = r.user_id AND d.date = r.date`,
      [due.map((p) => p.id), due.map((p) => dueDate.get(p.id))],
    );
    const hasReport = new Set(reported.map((r) => r.user_id));
    const inputs: NotifyInput[] = due
      .filter((p) => !hasReport.has(p.id))
      .map((p) => ({
        userId: p.id,
        kind: 'daily-report.missing',
        title: `Laporan kinerja harian ${dueDate.get(p.id)} belum Anda isi`,
        body: 'Isi kegiatan hari ini sebelum pulang; laporan dapat dikirim paling lambat akhir hari kerja berikutnya.',
        titleEn: `You have not filled in your daily performance report for ${dueDate.get(p.id)}`,
        bodyEn: "Fill in today's activities before you leave; the report may be sent until the end of the next working day.",
        entityType: 'User',
        entityId: p.id,
        dedupeKey: missingReportKey(p.id, dueDate.get(p.id)!),
      }));
    inputs.push(...(await this.waitingForReview(now, dueDate, calendars, people)));
    let sent = 0;
    for (let i = 0; i < inputs.length; i += NOTIFY_BATCH) {
      const ids = await inTransaction(this.dataSource, (em) => this.notifications.notifyMany(em, inputs.slice(i, i + NOTIFY_BATCH)));
      sent += ids.filter(Boolean).length;
    }
    if (sent) this.logger.log(`sent ${sent} daily report reminder(s)`);
    return sent;
  }

  /**
   * One reminder per reviewer whose day it is, counting the submitted reports of their direct reports that waited
   * too long; their Plh/Plt of today gets it too.
   */
  private async waitingForReview(
    now: Date,
    dueDate: Map<string, string | null>,
    calendars: Map<string, UnitCalendar>,
    people: { id: string; unit_id: string }[],
  ): Promise<NotifyInput[]> {
    const waiting: { user_id: string; unit_id: string; submitted_at: Date }[] = await this.dataSource.query(
      `SELECT r.user_id, pu.unit_id, r.submitted_at FROM daily_report r JOIN ${PLACED_USERS} pu ON pu.id = r.user_id
        WHERE r.status = 'SUBMITTED' AND r.submitted_at < $1::timestamptz - interval '2 days'`,
      [now],
    );
    const loaders = new Loaders();
    const counts = new Map<string, number>();
    for (const report of waiting) {
      const cal = calendars.get(report.unit_id) ?? (await this.calendar.calendarFor(report.unit_id));
      if (!waitedTooLong(localDate(report.submitted_at, cal.timeZone), localDate(now, cal.timeZone), cal)) continue;
      const reviewer = await this.chain.superiorOf(report.user_id, loaders);
      if (reviewer && dueDate.get(reviewer)) counts.set(reviewer, (counts.get(reviewer) ?? 0) + 1);
    }
    const known = new Set(people.map((p) => p.id));
    return this.deputies.withDeputies(
      [...counts]
        .filter(([reviewer]) => known.has(reviewer))
        .map(([reviewer, count]) => ({
          userId: reviewer,
          kind: 'daily-report.review-overdue',
          title: `${count} laporan kinerja harian menunggu pemeriksaan Anda lebih dari dua hari kerja`,
          body: 'Buka daftar laporan yang perlu diperiksa, lalu setujui atau kembalikan dengan catatan.',
          titleEn: `${count} daily performance reports have waited for your review for more than two working days`,
          bodyEn: 'Open the list of reports to review, then approve them or return them with a note.',
          entityType: 'User',
          entityId: reviewer,
          dedupeKey: waitingReportsKey(reviewer, dueDate.get(reviewer)!),
        })),
    );
  }
}
