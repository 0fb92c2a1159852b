import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Between, DataSource, EntityManager, In } from 'typeorm';
import { CalendarService, localDate, type UnitCalendar } from '@gesit/calendar';
import { StoredFileEntity } from '@gesit/files';
import { belowUserCte, ChainOfCommandService, PeopleDirectory, UsersService } from '@gesit/identity';
import {
  AppConfig,
  AppError,
  badInput,
  conflict,
  forbidden,
  inTransaction,
  isUniqueViolation,
  isUuid,
  Loaders,
  MAX_PAGE_SIZE,
  type Message,
  pageSize,
  type Principal,
} from '@gesit/platform';
import { addDays, isWorkingDate, workingDayAfter } from '../shared/local-days';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { SupervisionService } from '../shared/supervision.service';
import { TaskEntity } from '../tasks/task.entity';
import { TasksJournalService } from '../tasks-journal.service';
import { TASKS_EVENTS } from '../tasks-events';
import { checkEntries } from './daily-report-rules';
import { DailyReportEntity, DailyReportEntryEntity, DailyReportEvidenceEntity, DailyReportStatus } from './daily-report.entity';
import { ReviewDailyReportInput, SaveDailyReportInput } from './daily-report.types';

const MAX_RANGE_DAYS = 366;
const REPORT_MISSING = {
  id: 'Laporan harian itu tidak ditemukan atau tidak dapat Anda buka.',
  en: 'That daily report was not found or you cannot open it.',
};

export interface PersonDay {
  timeZone: string;
  calendar: UnitCalendar;
  today: string;
}

/** Daily work reports: one per person and date, DRAFT until submitted, reviewed by the superior or their Plh/Plt. */
@Injectable()
export class DailyReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly people: PeopleDirectory,
    private readonly chain: ChainOfCommandService,
    private readonly users: UsersService,
    private readonly access: SupervisionService,
    private readonly journal: TasksJournalService,
  ) {}

  /** The person's zone, working calendar and local date today. */
  async dayOf(userId: string, now = new Date()): Promise<PersonDay> {
    const place = (await this.people.placed([userId])).get(userId);
    const calendar = await this.calendar.calendarFor(place?.unitId ?? null);
    return { timeZone: calendar.timeZone, calendar, today: localDate(now, calendar.timeZone) };
  }

  /** The last date on which a report for `date` may be submitted: the end of the N-th working day after it. */
  deadlineOf(date: string, calendar: UnitCalendar): string {
    return workingDayAfter(date, this.config.dailyReportDeadlineWorkingDays, calendar);
  }

  async save(principal: Principal, input: SaveDailyReportInput, loaders = new Loaders(), now = new Date()): Promise<DailyReportEntity> {
    const userId = principal.userId;
    const checked = checkEntries(input.entries);
    const note = input.note?.trim() || null;
    const { calendar, today } = await this.dayOf(userId, now);
    if (input.date > today)
      throw badInput(
        {
          id: `Laporan untuk ${input.date} belum dapat dibuat: tanggal itu belum tiba (hari ini ${today}).`,
          en: `The report for ${input.date} cannot be written yet: that day has not come (today is ${today}).`,
        },
        { field: 'date' },
      );
    if (!isWorkingDate(input.date, calendar) && !note && input.entries.some((e) => !e.taskId)) {
      throw badInput(
        {
          id: `${input.date} bukan hari kerja: setiap kegiatan lembur perlu tugas yang dikerjakan, atau isi catatan (note) yang menjelaskan alasannya.`,
          en: `${input.date} is not a working day: every overtime activity needs the task it worked on, or a note explaining why.`,
        },
        { field: 'note' },
      );
    }
    const taskIds = [...new Set(input.entries.map((e) => e.taskId).filter((id): id is string => Boolean(id)))];
    const targetIds = [...new Set(input.entries.map((e) => e.performanceTargetId).filter((id): id is string => Boolean(id)))];
    const fileIds = [...new Set(input.entries.flatMap((e) => e.evidenceFileIds ?? []))];
    await this.checkReferences(userId, taskIds, targetIds, fileIds);
    input.entries.forEach((e, i) => {
      if (e.outputQuantity !== null && e.outputQuantity !== undefined && (!Number.isInteger(e.outputQuantity) || e.outputQuantity < 0))
        throw badInput(
          {
            id: `Kegiatan ke-${i + 1}: kuantitas keluaran harus bilangan bulat 0 atau lebih.`,
            en: `Activity ${i + 1}: the output quantity must be a whole number, 0 or more.`,
          },
          {
            field: `entries.${i}.outputQuantity`,
          },
        );
    });
    const reviewerId = input.submit ? await this.chain.superiorOf(userId, loaders) : null;
    const deadline = this.deadlineOf(input.date, calendar);
    const total = checked.reduce((sum, e) => sum + e.minutes, 0);
    try {
      return await inTransaction(this.dataSource, async (em) => {
        const [current]: Pick<DailyReportEntity, 'id' | 'status' | 'reviewedById' | 'reviewedAt' | 'reviewNote'>[] = await em.query(
          `SELECT id, status, reviewed_by_id AS "reviewedById", reviewed_at AS "reviewedAt", review_note AS "reviewNote"
             FROM daily_report WHERE user_id = $1 AND date = $2 FOR UPDATE`,
          [userId, input.date],
        );
        if (current?.status === DailyReportStatus.APPROVED)
          throw conflict({
            id: `Laporan harian ${input.date} sudah disetujui atasan dan terkunci.`,
            en: `The daily report of ${input.date} was approved by the superior and is locked.`,
          });
        if (current?.status === DailyReportStatus.SUBMITTED)
          throw conflict({
            id: `Laporan harian ${input.date} sudah dikirim dan menunggu pemeriksaan atasan; tunggu sampai dikembalikan untuk mengubahnya.`,
            en: `The daily report of ${input.date} was submitted and awaits the superior's review; wait until it is returned to change it.`,
          });
        // A report the superior returned is open again, whatever the deadline: the return reopened it.
        if (input.submit && current?.status !== DailyReportStatus.RETURNED && today > deadline) {
          throw badInput(
            {
              id: `Batas waktu pengiriman laporan ${input.date} sudah lewat (paling lambat akhir hari kerja ${deadline}); minta atasan Anda membukanya kembali.`,
              en: `The deadline for the report of ${input.date} has passed (the end of the working day ${deadline} at the latest); ask your superior to reopen it.`,
            },
            { field: 'submit', deadline },
          );
        }
        const id = current?.id ?? randomUUID();
        const values = {
          workMode: input.workMode,
          status: input.submit ? DailyReportStatus.SUBMITTED : (current?.status ?? DailyReportStatus.DRAFT),
          totalMinutes: total,
          note,
          submittedAt: input.submit ? now : null,
        };
        if (current) {
          await em.update(DailyReportEntity, { id }, values);
          await em.delete(DailyReportEntryEntity, { reportId: id });
        } else {
          await em.insert(DailyReportEntity, { id, userId, date: input.date, ...values });
        }
        const entries = checked.map((e, position) => ({
          id: randomUUID(),
          reportId: id,
          position,
          ...e,
          taskId: input.entries[position].taskId ?? null,
          performanceTargetId: input.entries[position].performanceTargetId ?? null,
          outputQuantity: input.entries[position].outputQuantity ?? null,
          output: input.entries[position].output?.trim() || null,
        }));
        await em.insert(DailyReportEntryEntity, entries);
        const evidence = entries.flatMap((e, i) =>
          [...new Set(input.entries[i].evidenceFileIds ?? [])].map((fileId) => ({ entryId: e.id, fileId })),
        );
        if (evidence.length) await em.insert(DailyReportEvidenceEntity, evidence);
        await this.journal.record(em, {
          actorId: userId,
          action: input.submit ? 'daily-report.submitted' : 'daily-report.saved',
          entityType: 'DailyReport',
          entityId: id,
          change: { date: input.date, workMode: input.workMode, totalMinutes: total, entries: entries.length },
          events: input.submit ? [TASKS_EVENTS.job('daily-report.submitted', { reportId: id, reviewerId })] : [],
        });
        // What was written, without reading it back: saving is the hot path of the day.
        return em.create(DailyReportEntity, {
          id,
          userId,
          date: input.date,
          ...values,
          reviewedById: current?.reviewedById ?? null,
          reviewedAt: current?.reviewedAt ?? null,
          reviewNote: current?.reviewNote ?? null,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'daily_report_user_date_key'))
        throw conflict({
          id: `Laporan harian ${input.date} baru saja disimpan dari tempat lain; muat ulang lalu coba lagi.`,
          en: `The daily report of ${input.date} was just saved elsewhere; reload and try again.`,
        });
      throw error;
    }
  }

  async review(principal: Principal, input: ReviewDailyReportInput, loaders = new Loaders()): Promise<DailyReportEntity> {
    const report = isUuid(input.reportId) ? await this.dataSource.getRepository(DailyReportEntity).findOneBy({ id: input.reportId }) : null;
    if (!report || !(await this.access.oversees(principal, report.userId, loaders))) throw new AppError('NOT_FOUND', REPORT_MISSING);
    const owner = (await this.users.byId(loaders).load(report.userId))?.name ?? 'pegawai itu';
    const superior = await this.chain.superiorOf(report.userId, loaders);
    if (!superior || !(await this.access.actsAs(principal, superior, loaders))) {
      const name = superior ? (await this.users.byId(loaders).load(superior))?.name : null;
      throw forbidden({
        id: `Laporan harian ${owner} diperiksa oleh atasan langsungnya${name ? `, ${name},` : ''} atau Plh/Plt-nya; Anda tidak dapat memeriksanya.`,
        en: `The daily report of ${owner} is reviewed by their direct superior${name ? `, ${name},` : ''} or their Plh/Plt; you cannot review it.`,
      });
    }
    const note = input.note?.trim() || null;
    if (!input.approve && !note)
      throw badInput(
        {
          id: `Tuliskan catatan (note) yang menjelaskan apa yang perlu diperbaiki ${owner} pada laporan ${report.date}.`,
          en: `Write a note saying what ${owner} needs to fix in the report of ${report.date}.`,
        },
        {
          field: 'note',
        },
      );
    return inTransaction(this.dataSource, async (em) => {
      const [current]: { status: DailyReportStatus }[] = await em.query('SELECT status FROM daily_report WHERE id = $1 FOR UPDATE', [
        report.id,
      ]);
      // Returning a draft reopens it: the way a superior lets a late report still be submitted.
      const reopening = current.status === DailyReportStatus.DRAFT && !input.approve;
      if (current.status !== DailyReportStatus.SUBMITTED && !reopening) {
        const states: Record<DailyReportStatus, Message> = {
          DRAFT: { id: 'belum dikirim', en: 'not submitted yet' },
          SUBMITTED: { id: 'menunggu pemeriksaan', en: 'waiting for review' },
          APPROVED: { id: 'sudah disetujui', en: 'already approved' },
          RETURNED: { id: 'sudah dikembalikan', en: 'already returned' },
        };
        const state = states[current.status];
        throw conflict({
          id: `Laporan harian ${owner} tanggal ${report.date} ${state.id}; hanya laporan yang menunggu pemeriksaan yang dapat diperiksa.`,
          en: `The daily report of ${owner} for ${report.date} is ${state.en}; only a report awaiting review can be reviewed.`,
        });
      }
      const status = input.approve ? DailyReportStatus.APPROVED : DailyReportStatus.RETURNED;
      const now = new Date();
      await em.update(DailyReportEntity, { id: report.id }, { status, reviewedById: principal.userId, reviewedAt: now, reviewNote: note });
      await this.journal.record(em, {
        actorId: principal.userId,
        actingForId: superior === principal.userId ? null : superior,
        action: input.approve ? 'daily-report.approved' : reopening ? 'daily-report.reopened' : 'daily-report.returned',
        entityType: 'DailyReport',
        entityId: report.id,
        change: { userId: report.userId, date: report.date, note },
        events: [TASKS_EVENTS.job('daily-report.reviewed', { reportId: report.id, approved: input.approve })],
      });
      return em.findOneByOrFail(DailyReportEntity, { id: report.id });
    });
  }

  async list(
    principal: Principal,
    userId: string | null | undefined,
    from: string,
    to: string,
    loaders = new Loaders(),
  ): Promise<DailyReportEntity[]> {
    const owner = await this.ownerFor(principal, userId, loaders);
    this.range(from, to);
    return this.dataSource.getRepository(DailyReportEntity).find({
      where: { userId: owner, date: Between(from, to) },
      order: { date: 'ASC' },
    });
  }

  /** Submitted reports of the people whose direct superior the caller is (or acts for), oldest first. */
  async toReview(
    principal: Principal,
    first: number | null | undefined,
    after: string | null | undefined,
    loaders = new Loaders(),
  ): Promise<DailyReportEntity[]> {
    const size = pageSize(first ?? MAX_PAGE_SIZE);
    if (after && !isUuid(after))
      throw badInput(
        { id: '"after" harus id laporan terakhir yang Anda terima.', en: '"after" must be the id of the last report you received.' },
        { field: 'after' },
      );
    const me = await this.access.viewerIds(principal, loaders);
    // Submitted reports of everyone below (identity's fragment), narrowed to the direct reports by their superior.
    const rows: { id: string; user_id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}
       SELECT r.id, r.user_id FROM daily_report r
        WHERE r.user_id IN (SELECT id FROM below_user) AND r.status = 'SUBMITTED'
          AND ($2::uuid IS NULL OR (r.submitted_at, r.id) > (SELECT submitted_at, id FROM daily_report WHERE id = $2::uuid))
        ORDER BY r.submitted_at, r.id`,
      [me, after ?? null],
    );
    const superiors = await Promise.all(rows.map((r) => this.chain.superiorOf(r.user_id, loaders)));
    const direct = rows.filter((_, i) => superiors[i] !== null && me.includes(superiors[i]!)).slice(0, size);
    const found = new Map(
      (await this.dataSource.getRepository(DailyReportEntity).findBy({ id: In(direct.map((r) => r.id)) })).map((r) => [r.id, r]),
    );
    return direct.map((r) => found.get(r.id)!).filter(Boolean);
  }

  /** The owner whose reports the caller asks for: themselves, or someone below them. */
  async ownerFor(principal: Principal, userId: string | null | undefined, loaders: Loaders): Promise<string> {
    const owner = userId ?? principal.userId;
    const user = isUuid(owner) ? await this.users.byId(loaders).load(owner) : null;
    if (!user) throw new AppError('NOT_FOUND', { id: 'Pegawai itu tidak ditemukan.', en: 'That employee was not found.' });
    if (!(await this.access.oversees(principal, owner, loaders)))
      throw forbidden({
        id: `Anda hanya dapat melihat laporan harian Anda sendiri dan orang di bawah Anda; ${user.name} tidak berada di bawah Anda.`,
        en: `You can see only your own daily reports and those of people below you; ${user.name} is not below you.`,
      });
    return owner;
  }

  range(from: string, to: string): void {
    if (to < from)
      throw badInput(
        { id: `Rentang tanggal terbalik: ${from} sampai ${to}.`, en: `The date range is reversed: ${from} to ${to}.` },
        { field: 'to' },
      );
    if (to > addDays(from, MAX_RANGE_DAYS))
      throw badInput(
        { id: `Rentang tanggal paling panjang ${MAX_RANGE_DAYS} hari.`, en: `A date range is at most ${MAX_RANGE_DAYS} days.` },
        { field: 'to' },
      );
  }

  private async checkReferences(userId: string, taskIds: string[], targetIds: string[], fileIds: string[]): Promise<void> {
    for (const [field, ids] of [
      ['taskId', taskIds],
      ['performanceTargetId', targetIds],
      ['evidenceFileIds', fileIds],
    ] as const) {
      const bad = ids.find((id) => !isUuid(id));
      if (bad) throw badInput({ id: `"${bad}" bukan id yang dikenal.`, en: `"${bad}" is not a known id.` }, { field: `entries.${field}` });
    }
    if (taskIds.length) {
      const tasks = await this.dataSource.getRepository(TaskEntity).findBy({ id: In(taskIds) });
      const mine: { task_id: string }[] = await this.dataSource.query(
        'SELECT task_id FROM task_assignee WHERE user_id = $1 AND task_id = ANY($2::uuid[])',
        [userId, taskIds],
      );
      const assigned = new Set(mine.map((r) => r.task_id));
      const foreign = tasks.filter((t) => !assigned.has(t.id) && t.creatorId !== userId);
      if (tasks.length < taskIds.length)
        throw badInput(
          { id: 'Tugas yang disebut pada laporan tidak ditemukan.', en: 'A task named in the report was not found.' },
          { field: 'entries.taskId' },
        );
      if (foreign.length)
        throw badInput(
          {
            id: `Laporkan hanya tugas Anda sendiri; tugas ${foreign.map((t) => `"${t.title}"`).join(', ')} bukan tugas Anda.`,
            en: `Report only your own tasks; ${foreign.map((t) => `"${t.title}"`).join(', ')} are not yours.`,
          },
          {
            field: 'entries.taskId',
          },
        );
    }
    if (targetIds.length) {
      const targets = await this.dataSource.getRepository(PerformanceTargetEntity).findBy({ id: In(targetIds) });
      const foreign = targets.filter((t) => t.userId !== userId);
      if (targets.length < targetIds.length)
        throw badInput(
          {
            id: 'Rencana hasil kerja yang disebut pada laporan tidak ditemukan.',
            en: 'A performance target named in the report was not found.',
          },
          { field: 'entries.performanceTargetId' },
        );
      if (foreign.length)
        throw badInput(
          {
            id: `Rencana hasil kerja ${foreign.map((t) => `"${t.title}"`).join(', ')} bukan milik Anda.`,
            en: `The performance targets ${foreign.map((t) => `"${t.title}"`).join(', ')} are not yours.`,
          },
          {
            field: 'entries.performanceTargetId',
          },
        );
    }
    if (fileIds.length) {
      const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds) });
      const mine = new Set(files.filter((f) => f.uploadedById === userId).map((f) => f.id));
      const foreign = fileIds.filter((id) => !mine.has(id));
      if (foreign.length)
        throw badInput(
          {
            id: `Lampirkan hanya bukti yang Anda unggah sendiri (POST /files); berkas ini bukan unggahan Anda: ${foreign.map((id) => files.find((f) => f.id === id)?.filename ?? 'berkas tidak dikenal').join(', ')}.`,
            en: `Attach only evidence you uploaded yourself (POST /files); these files are not yours: ${foreign.map((id) => files.find((f) => f.id === id)?.filename ?? 'an unknown file').join(', ')}.`,
          },
          {
            field: 'entries.evidenceFileIds',
          },
        );
    }
  }

  /** The entries of reports, for the CSV export and loaders. */
  entriesOf(em: EntityManager, reportIds: string[]): Promise<DailyReportEntryEntity[]> {
    return em.getRepository(DailyReportEntryEntity).find({ where: { reportId: In(reportIds) }, order: { position: 'ASC' } });
  }
}
