import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { StoredFileEntity } from '@gesit/files';
import { belowUserCte, ChainOfCommandService, UsersService } from '@gesit/identity';
import {
  AppConfig,
  AppError,
  badInput,
  conflict,
  FieldChecks,
  forbidden,
  inTransaction,
  isUuid,
  Loaders,
  MAX_PAGE_SIZE,
  pageSize,
  type Principal,
} from '@gesit/platform';
import { addDays } from '../shared/local-days';
import { DailyReportsService } from '../daily-reports/daily-reports.service';
import { SupervisionService } from '../shared/supervision.service';
import { TasksJournalService } from '../tasks-journal.service';
import { TASKS_EVENTS } from '../tasks-events';
import { WorkMode } from '../work-mode';
import { firstSharedDate, Period, WEEKDAY_NAMES, weekOverLimit } from './arrangement-rules';
import {
  ARRANGEMENT_STATUS_TEXT,
  WorkArrangementEntity,
  WorkArrangementFileEntity,
  WorkArrangementKind,
  WorkArrangementStatus,
} from './work-arrangement.entity';
import { RequestWorkArrangementInput } from './work-arrangement.types';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_PERIOD_DAYS = 366;
const ARRANGEMENT_MISSING = {
  id: 'Pengaturan kerja fleksibel itu tidak ditemukan atau tidak dapat Anda buka.',
  en: 'That flexible work arrangement was not found or you cannot open it.',
};
const LIVE = [WorkArrangementStatus.SUBMITTED, WorkArrangementStatus.APPROVED];
const KIND_TEXT = { LOCATION: 'fleksibilitas lokasi', TIME: 'fleksibilitas waktu' };

const summary = (a: Pick<WorkArrangementEntity, 'kind' | 'startsOn' | 'endsOn'>): string =>
  `${KIND_TEXT[a.kind]} ${a.startsOn} s.d. ${a.endsOn}`;

/**
 * Flexible-work arrangements (PermenPAN-RB 4/2025): requested by the person, decided by the head of their
 * unit (their superior) or that head's Plh/Plt; LOCATION ones together stay within the weekly limit.
 */
@Injectable()
export class ArrangementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly chain: ChainOfCommandService,
    private readonly users: UsersService,
    private readonly access: SupervisionService,
    private readonly reports: DailyReportsService,
    private readonly journal: TasksJournalService,
  ) {}

  async request(principal: Principal, input: RequestWorkArrangementInput, loaders = new Loaders()): Promise<WorkArrangementEntity> {
    const userId = principal.userId;
    // Every bad field is reported at once.
    const checks = new FieldChecks();
    const reason = input.reason?.trim();
    if (!reason || reason.length < 10)
      checks.add('reason', {
        id: 'Tuliskan alasan pengajuan paling sedikit 10 karakter.',
        en: 'Write the reason for the request in at least 10 characters.',
      });
    const weekdays = [...new Set(input.weekdays)].sort();
    if (weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
      checks.add('weekdays', {
        id: 'Hari kerja (weekdays) diisi angka 1 (Senin) sampai 7 (Minggu).',
        en: 'Working days (weekdays) are numbers 1 (Monday) to 7 (Sunday).',
      });
    if (input.endsOn < input.startsOn)
      checks.add('endsOn', {
        id: `Periode terbalik: ${input.startsOn} sampai ${input.endsOn}.`,
        en: `The period is reversed: ${input.startsOn} to ${input.endsOn}.`,
      });
    else if (input.endsOn > addDays(input.startsOn, MAX_PERIOD_DAYS))
      checks.add('endsOn', {
        id: `Periode pengaturan kerja paling lama ${MAX_PERIOD_DAYS} hari; ajukan lagi untuk periode berikutnya.`,
        en: `A work arrangement lasts at most ${MAX_PERIOD_DAYS} days; request again for the next period.`,
      });
    const { today } = await this.reports.dayOf(userId);
    if (input.startsOn < today)
      checks.add('startsOn', {
        id: `Periode tidak dapat dimulai pada tanggal yang sudah lewat (${input.startsOn}).`,
        en: `The period cannot start on a day that has passed (${input.startsOn}).`,
      });
    const max = this.config.flexLocationMaxDaysPerWeek;
    if (input.kind === WorkArrangementKind.LOCATION) {
      if (!input.workMode || input.workMode === WorkMode.OFFICE)
        checks.add('workMode', {
          id: 'Fleksibilitas lokasi memerlukan tempat kerja selain kantor (workMode HOME, ANYWHERE atau FIELD).',
          en: 'Location flexibility needs a workplace other than the office (workMode HOME, ANYWHERE or FIELD).',
        });
      if (!weekdays.length)
        checks.add('weekdays', {
          id: 'Sebutkan hari-hari bekerja di luar kantor (weekdays).',
          en: 'Name the days worked outside the office (weekdays).',
        });
      else if (weekdays.length > max)
        checks.add('weekdays', {
          id: `Fleksibilitas lokasi paling banyak ${max} hari kerja seminggu (PermenPAN-RB 4/2025 Pasal 13); Anda meminta ${weekdays.length} hari.`,
          en: `Location flexibility is at most ${max} working days a week (PermenPAN-RB 4/2025 article 13); you asked for ${weekdays.length} days.`,
        });
    } else {
      if (!CLOCK.test(input.startTime ?? '') || !CLOCK.test(input.endTime ?? ''))
        checks.add('startTime', {
          id: 'Fleksibilitas waktu memerlukan jam mulai dan selesai berbentuk JJ:mm, misalnya 06:30 dan 15:00.',
          en: 'Time flexibility needs start and end times as HH:mm, for example 06:30 and 15:00.',
        });
      else if (input.endTime! <= input.startTime!)
        checks.add('endTime', {
          id: `Jam selesai ${input.endTime} harus setelah jam mulai ${input.startTime}.`,
          en: `The end time ${input.endTime} must be after the start time ${input.startTime}.`,
        });
    }
    checks.done();
    const values: Pick<WorkArrangementEntity, 'workMode' | 'startTime' | 'endTime'> =
      input.kind === WorkArrangementKind.LOCATION
        ? { workMode: input.workMode!, startTime: null, endTime: null }
        : { workMode: null, startTime: input.startTime!, endTime: input.endTime! };
    const fileIds = [...new Set(input.fileIds ?? [])];
    if (fileIds.length) {
      const files = await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(fileIds.filter(isUuid)) });
      const mine = new Set(files.filter((f) => f.uploadedById === userId).map((f) => f.id));
      const foreign = fileIds.filter((id) => !mine.has(id));
      if (foreign.length)
        throw badInput(
          {
            id: `Lampirkan hanya berkas yang Anda unggah sendiri: ${foreign.map((id) => files.find((f) => f.id === id)?.filename ?? 'berkas tidak dikenal').join(', ')}.`,
            en: `Attach only files you uploaded yourself: ${foreign.map((id) => files.find((f) => f.id === id)?.filename ?? 'an unknown file').join(', ')}.`,
          },
          { field: 'fileIds' },
        );
    }
    const deciderId = await this.chain.superiorOf(userId, loaders);
    if (!deciderId)
      throw conflict({
        id: 'Anda tidak memiliki atasan dalam struktur organisasi yang dapat memutuskan pengajuan ini.',
        en: 'You have no superior in the organisation who could decide this request.',
      });
    const arrangement: WorkArrangementEntity = this.dataSource.getRepository(WorkArrangementEntity).create({
      id: randomUUID(),
      userId,
      kind: input.kind,
      weekdays,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      reason,
      status: WorkArrangementStatus.SUBMITTED,
      deciderId,
      decidedById: null,
      decidedAt: null,
      decisionNote: null,
      ...values,
    });
    return inTransaction(this.dataSource, async (em) => {
      // One person's requests take turns, so that two at once cannot both pass the checks below.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`work-arrangement:${userId}`]);
      await this.checkAgainstOthers(em, arrangement, max);
      await em.insert(WorkArrangementEntity, arrangement);
      if (fileIds.length)
        await em.insert(
          WorkArrangementFileEntity,
          fileIds.map((fileId) => ({ arrangementId: arrangement.id, fileId })),
        );
      await this.journal.record(em, {
        actorId: userId,
        action: 'work-arrangement.requested',
        entityType: 'WorkArrangement',
        entityId: arrangement.id,
        change: { kind: arrangement.kind, weekdays, startsOn: arrangement.startsOn, endsOn: arrangement.endsOn, ...values, deciderId },
        events: [TASKS_EVENTS.job('work-arrangement.requested', { arrangementId: arrangement.id, deciderId })],
      });
      return em.findOneByOrFail(WorkArrangementEntity, { id: arrangement.id });
    });
  }

  async decide(
    principal: Principal,
    id: string,
    approve: boolean,
    note: string | null | undefined,
    loaders = new Loaders(),
  ): Promise<WorkArrangementEntity> {
    const found = await this.visible(principal, id, loaders);
    const owner = (await this.users.byId(loaders).load(found.userId))?.name ?? 'pegawai itu';
    const decider = await this.chain.superiorOf(found.userId, loaders);
    if (!decider || !(await this.access.actsAs(principal, decider, loaders)))
      throw forbidden({
        id: `Pengajuan ${summary(found)} dari ${owner} diputuskan oleh atasannya (kepala unit) atau Plh/Plt-nya; Anda tidak dapat memutuskannya.`,
        en: `The request ${summary(found)} of ${owner} is decided by their superior (the head of unit) or their Plh/Plt; you cannot decide it.`,
      });
    const decisionNote = note?.trim() || null;
    if (!approve && !decisionNote)
      throw badInput(
        { id: `Tuliskan alasan penolakan pengajuan ${owner}.`, en: `Write why you reject the request of ${owner}.` },
        { field: 'note' },
      );
    return inTransaction(this.dataSource, async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`work-arrangement:${found.userId}`]);
      const current = await em.findOneByOrFail(WorkArrangementEntity, { id: found.id });
      if (current.status !== WorkArrangementStatus.SUBMITTED)
        throw conflict({
          id: `Pengajuan ${summary(current)} dari ${owner} sudah diputuskan: ${ARRANGEMENT_STATUS_TEXT[current.status].id}.`,
          en: `The request ${summary(current)} of ${owner} was already decided: ${ARRANGEMENT_STATUS_TEXT[current.status].en}.`,
        });
      // Two requests may each have fitted alone: the limit is checked again against what is approved now.
      if (approve) await this.checkAgainstOthers(em, current, this.config.flexLocationMaxDaysPerWeek, true);
      const status = approve ? WorkArrangementStatus.APPROVED : WorkArrangementStatus.REJECTED;
      await em.update(
        WorkArrangementEntity,
        { id: current.id },
        { status, decidedById: principal.userId, decidedAt: new Date(), decisionNote },
      );
      await this.journal.record(em, {
        actorId: principal.userId,
        actingForId: decider === principal.userId ? null : decider,
        action: approve ? 'work-arrangement.approved' : 'work-arrangement.rejected',
        entityType: 'WorkArrangement',
        entityId: current.id,
        change: { userId: current.userId, note: decisionNote },
        events: [TASKS_EVENTS.job('work-arrangement.decided', { arrangementId: current.id, status })],
      });
      return em.findOneByOrFail(WorkArrangementEntity, { id: current.id });
    });
  }

  async revoke(principal: Principal, id: string, note: string, loaders = new Loaders()): Promise<WorkArrangementEntity> {
    const found = await this.visible(principal, id, loaders);
    const decisionNote = note?.trim();
    if (!decisionNote) throw badInput({ id: 'Tuliskan alasan pencabutan.', en: 'Write the reason for revoking it.' }, { field: 'note' });
    const decider = await this.chain.superiorOf(found.userId, loaders);
    const own = found.userId === principal.userId;
    if (!own && !(decider && (await this.access.actsAs(principal, decider, loaders))))
      throw forbidden({
        id: 'Hanya pemohon atau atasannya (atau Plh/Plt atasan) yang dapat mencabut pengaturan kerja ini.',
        en: "Only the applicant or their superior (or the superior's Plh/Plt) may revoke this work arrangement.",
      });
    return inTransaction(this.dataSource, async (em) => {
      const current = await em.findOneByOrFail(WorkArrangementEntity, { id: found.id });
      if (!LIVE.includes(current.status))
        throw conflict({
          id: `Pengaturan ${summary(current)} sudah ${current.status === 'REJECTED' ? 'ditolak' : 'dicabut'}.`,
          en: `The arrangement ${summary(current)} was already ${current.status === 'REJECTED' ? 'rejected' : 'revoked'}.`,
        });
      await em.update(
        WorkArrangementEntity,
        { id: current.id },
        { status: WorkArrangementStatus.REVOKED, decidedById: principal.userId, decidedAt: new Date(), decisionNote },
      );
      await this.journal.record(em, {
        actorId: principal.userId,
        actingForId: own || decider === principal.userId ? null : decider,
        action: 'work-arrangement.revoked',
        entityType: 'WorkArrangement',
        entityId: current.id,
        change: { userId: current.userId, note: decisionNote },
        events: [TASKS_EVENTS.job('work-arrangement.decided', { arrangementId: current.id, status: WorkArrangementStatus.REVOKED })],
      });
      return em.findOneByOrFail(WorkArrangementEntity, { id: current.id });
    });
  }

  async list(
    principal: Principal,
    userId: string | null | undefined,
    status: WorkArrangementStatus[] | null | undefined,
    loaders = new Loaders(),
  ) {
    const owner = await this.reports.ownerFor(principal, userId, loaders);
    return this.dataSource.getRepository(WorkArrangementEntity).find({
      where: { userId: owner, ...(status?.length ? { status: In(status) } : {}) },
      order: { startsOn: 'DESC', id: 'ASC' },
    });
  }

  /**
   * Requests waiting for the caller's decision, oldest first: of the people whose superior the caller is, or
   * is Plh/Plt for. `after` is the id of the last request of the previous page.
   */
  async toDecide(
    principal: Principal,
    first: number | null | undefined,
    after: string | null | undefined,
    loaders = new Loaders(),
  ): Promise<WorkArrangementEntity[]> {
    const size = pageSize(first ?? MAX_PAGE_SIZE);
    if (after && !isUuid(after))
      throw badInput(
        { id: '"after" harus id pengajuan terakhir yang Anda terima.', en: '"after" must be the id of the last request you received.' },
        { field: 'after' },
      );
    const me = await this.access.viewerIds(principal, loaders);
    // Waiting requests of everyone below (identity's fragment), narrowed to those the caller decides as decide() does.
    const rows: { id: string; user_id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}
       SELECT a.id, a.user_id FROM work_arrangement a
        WHERE a.user_id IN (SELECT id FROM below_user) AND a.status = $2
          AND ($3::uuid IS NULL OR (a.created_at, a.id) > (SELECT created_at, id FROM work_arrangement WHERE id = $3::uuid))
        ORDER BY a.created_at, a.id`,
      [me, WorkArrangementStatus.SUBMITTED, after ?? null],
    );
    const deciders = await Promise.all(rows.map((r) => this.chain.superiorOf(r.user_id, loaders)));
    const mine = rows.filter((_, i) => deciders[i] !== null && me.includes(deciders[i]!)).slice(0, size);
    const found = new Map(
      (await this.dataSource.getRepository(WorkArrangementEntity).findBy({ id: In(mine.map((r) => r.id)) })).map((a) => [a.id, a]),
    );
    return mine.map((r) => found.get(r.id)!).filter(Boolean);
  }

  private async visible(principal: Principal, id: string, loaders: Loaders): Promise<WorkArrangementEntity> {
    const found = isUuid(id) ? await this.dataSource.getRepository(WorkArrangementEntity).findOneBy({ id }) : null;
    if (!found || !(await this.access.oversees(principal, found.userId, loaders))) throw new AppError('NOT_FOUND', ARRANGEMENT_MISSING);
    return found;
  }

  /** Overlaps with the person's other live arrangements of the same kind, and the weekly limit of LOCATION ones. */
  private async checkAgainstOthers(em: EntityManager, arrangement: WorkArrangementEntity, max: number, approving = false): Promise<void> {
    const others = (
      await em.find(WorkArrangementEntity, { where: { userId: arrangement.userId, kind: arrangement.kind, status: In(LIVE) } })
    ).filter((o) => o.id !== arrangement.id && o.startsOn <= arrangement.endsOn && o.endsOn >= arrangement.startsOn);
    if (!approving) {
      for (const other of others) {
        const shared = firstSharedDate(arrangement, other);
        if (shared)
          throw conflict(
            {
              id: `Pengajuan ini bertumpang tindih dengan ${summary(other)} (${ARRANGEMENT_STATUS_TEXT[other.status].id}) pada ${shared}; ubah hari atau periodenya.`,
              en: `This request overlaps ${summary(other)} (${ARRANGEMENT_STATUS_TEXT[other.status].en}) on ${shared}; change the days or the period.`,
            },
            {
              arrangementId: other.id,
            },
          );
      }
    }
    if (arrangement.kind !== WorkArrangementKind.LOCATION) return;
    const approved: Period[] = others.filter((o) => o.status === WorkArrangementStatus.APPROVED);
    const over = weekOverLimit(arrangement, approved, max);
    if (over) {
      throw badInput(
        {
          id:
            `Pada minggu mulai ${over.week} hari kerja di luar kantor menjadi ${over.weekdays.length} (${over.weekdays.map((d) => WEEKDAY_NAMES[d]).join(', ')}) ` +
            `bersama pengaturan yang sudah disetujui, melebihi batas ${max} hari seminggu (PermenPAN-RB 4/2025 Pasal 13).`,
          en:
            `In the week starting ${over.week} the days outside the office become ${over.weekdays.length} (ISO days ${over.weekdays.join(', ')}) ` +
            `with the arrangements already approved, over the limit of ${max} days a week (PermenPAN-RB 4/2025 article 13).`,
        },
        { field: 'weekdays', week: over.week },
      );
    }
  }
}
