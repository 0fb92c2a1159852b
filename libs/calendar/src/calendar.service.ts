import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DEFAULT_TIME_ZONE, UnitsService } from '@gesit/organisation';
import {
  AuditService,
  badInput,
  conflict,
  findOrNotFound,
  inTransaction,
  isUniqueViolation,
  isUuid,
  notFound,
  Principal,
} from '@gesit/platform';
import { HolidayEntity, HolidayKind, SlaPolicyEntity, Urgency, WorkingHoursEntity } from './calendar.entities';
import { parseHolidayDecree } from './holidays-import';
import { addWorkingMinutes, DEFAULT_WORKING_HOURS, parseClock, WorkingCalendar } from './working-time';

// Holidays and hours change a few times a year; other API processes see a change within this time.
const CACHE_TTL_MS = 60_000;
const MAX_SLA_HOURS = 10_000;

export interface UnitCalendar extends WorkingCalendar {
  unitId: string | null;
  hours: { weekdays: number[]; start: string; end: string };
}

interface CacheEntry<T> {
  value: Promise<T>;
  at: number;
}

/** Working calendars of units, holidays and SLA policies: the data behind every due time. */
@Injectable()
export class CalendarService {
  private readonly calendars = new Map<string, CacheEntry<UnitCalendar>>();
  private policies: CacheEntry<Map<Urgency, SlaPolicyEntity>> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly units: UnitsService,
  ) {}

  /**
   * The calendar of a unit: its own hours or the nearest ancestor's, national holidays plus regional ones of
   * the unit and its ancestors. Inside a transaction pass its `em`: a cache miss then reads through it.
   */
  calendarFor(unitId: string | null, em: EntityManager = this.dataSource.manager): Promise<UnitCalendar> {
    const key = unitId ?? '';
    const cached = this.calendars.get(key);
    if (cached && Date.now() - cached.at < CACHE_TTL_MS) return cached.value;
    const value = this.loadCalendar(unitId, em);
    this.calendars.set(key, { value, at: Date.now() });
    value.catch(() => this.calendars.delete(key));
    return value;
  }

  private async loadCalendar(unitId: string | null, em: EntityManager): Promise<UnitCalendar> {
    // Not a uuid cannot be a unit: NOT_FOUND, as elsewhere, rather than a database error.
    if (unitId && !isUuid(unitId)) throw notFound({ id: 'Unit', en: 'Unit' });
    const chainIds = unitId ? await this.units.ancestry(unitId, em) : [];
    if (unitId && !chainIds.length) throw notFound({ id: 'Unit', en: 'Unit' });
    const timeZone = unitId ? await this.units.timeZone(unitId, em) : DEFAULT_TIME_ZONE;
    const hoursRows = await em
      .getRepository(WorkingHoursEntity)
      .query(`SELECT unit_id, weekdays, start, "end" FROM working_hours WHERE unit_id = ANY($1::uuid[]) OR unit_id IS NULL`, [chainIds]);
    const own = chainIds.map((id) => hoursRows.find((r: { unit_id: string | null }) => r.unit_id === id)).find(Boolean);
    const fallback = hoursRows.find((r: { unit_id: string | null }) => r.unit_id === null);
    const hours = own ?? fallback ?? DEFAULT_WORKING_HOURS;
    const holidays: { date: string }[] = await em.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holiday WHERE unit_id IS NULL OR unit_id = ANY($1::uuid[])`,
      [chainIds],
    );
    return {
      unitId,
      timeZone,
      weekdays: hours.weekdays,
      startMinute: parseClock(hours.start),
      endMinute: parseClock(hours.end),
      holidays: new Set(holidays.map((h) => h.date)),
      hours: { weekdays: [...hours.weekdays], start: hours.start, end: hours.end },
    };
  }

  /** The instant `workingHours` working hours after `start` in the unit's calendar. */
  async dueAt(start: Date, workingHours: number, unitId: string | null, em?: EntityManager): Promise<Date> {
    // The DateTime scalar lets an unparsable string through as an Invalid Date.
    if (!(start instanceof Date) || Number.isNaN(start.getTime()))
      throw badInput({
        id: 'start harus berupa tanggal dan jam seperti 2026-08-14T15:00:00+09:00.',
        en: 'start must be a date and time like 2026-08-14T15:00:00+09:00.',
      });
    if (!Number.isFinite(workingHours) || workingHours <= 0 || workingHours > MAX_SLA_HOURS) {
      throw badInput({
        id: `workingHours harus antara 1 dan ${MAX_SLA_HOURS}.`,
        en: `workingHours must be between 1 and ${MAX_SLA_HOURS}.`,
      });
    }
    return addWorkingMinutes(start, workingHours * 60, await this.calendarFor(unitId, em));
  }

  async policy(urgency: Urgency, em?: EntityManager): Promise<SlaPolicyEntity> {
    const policies = await this.policyMap(em);
    const policy = policies.get(urgency);
    if (!policy) throw new Error(`no SLA policy for ${urgency}; the migrations seed one for every urgency`);
    return policy;
  }

  async policyList(): Promise<SlaPolicyEntity[]> {
    const order = [Urgency.VERY_URGENT, Urgency.URGENT, Urgency.NORMAL];
    return [...(await this.policyMap()).values()].sort((a, b) => order.indexOf(a.urgency) - order.indexOf(b.urgency));
  }

  private policyMap(em: EntityManager = this.dataSource.manager): Promise<Map<Urgency, SlaPolicyEntity>> {
    if (this.policies && Date.now() - this.policies.at < CACHE_TTL_MS) return this.policies.value;
    const value = em
      .getRepository(SlaPolicyEntity)
      .find()
      .then((rows) => new Map(rows.map((r) => [r.urgency, r])));
    this.policies = { value, at: Date.now() };
    return value;
  }

  holidays(year: number): Promise<HolidayEntity[]> {
    if (!Number.isInteger(year) || year < 1900 || year > 2200)
      throw badInput({ id: 'year harus berupa tahun seperti 2026.', en: 'year must be a year like 2026.' });
    return this.dataSource
      .getRepository(HolidayEntity)
      .createQueryBuilder('h')
      .where('h.date >= :from AND h.date <= :to', { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('h.date', 'ASC')
      .addOrderBy('h.kind', 'ASC')
      .getMany();
  }

  async addHoliday(
    actor: Principal,
    input: { date: string; name: string; kind: HolidayKind; unitId?: string | null },
  ): Promise<HolidayEntity> {
    const name = input.name.trim();
    if (!name) throw badInput({ id: 'Beri nama hari libur itu.', en: 'Give the holiday a name.' });
    if (input.kind === HolidayKind.REGIONAL && !input.unitId)
      throw badInput({
        id: 'Libur REGIONAL memerlukan unitId: unit (beserta sub-unitnya) tempat libur itu berlaku.',
        en: 'A REGIONAL holiday needs unitId: the unit (and its sub-units) it applies to.',
      });
    if (input.kind !== HolidayKind.REGIONAL && input.unitId)
      throw badInput({
        id: `Libur ${input.kind} berlaku untuk semua orang; kosongkan unitId.`,
        en: `A ${input.kind} holiday applies to everyone; leave unitId empty.`,
      });
    if (input.unitId) await this.calendarFor(input.unitId);
    try {
      return await this.change(actor, 'holiday.added', 'Holiday', async (em) => {
        const holiday = await em.save(em.create(HolidayEntity, { date: input.date, name, kind: input.kind, unitId: input.unitId ?? null }));
        return { entityId: holiday.id, value: holiday };
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict({
          id: `${input.date} sudah tercatat sebagai libur ${input.kind}${input.unitId ? ' untuk unit itu' : ''}.`,
          en: `${input.date} is already recorded as a ${input.kind} holiday${input.unitId ? ' for that unit' : ''}.`,
        });
      throw error;
    }
  }

  async removeHoliday(actor: Principal, id: string): Promise<boolean> {
    return this.change(actor, 'holiday.removed', 'Holiday', async (em) => {
      const holiday = await findOrNotFound(em, HolidayEntity, id, { id: 'Hari libur', en: 'Holiday' });
      await em.delete(HolidayEntity, { id });
      return { entityId: id, value: true, change: holiday };
    });
  }

  /** Loads a year's decree (same JSON shape as data/holidays-id-2026.json); days already present are kept. */
  async importHolidays(actor: Principal, json: string): Promise<number> {
    const decree = parseHolidayDecree(json);
    return this.change(actor, 'holiday.imported', 'HolidayYear', async (em) => {
      const result = await em
        .createQueryBuilder()
        .insert()
        .into(HolidayEntity)
        .values(decree.rows.map((r) => ({ ...r, unitId: null })))
        .orIgnore()
        .execute();
      const count = result.identifiers.filter(Boolean).length;
      return { entityId: String(decree.year), value: count, change: { source: decree.source, added: count } };
    });
  }

  async setWorkingHours(
    actor: Principal,
    input: { unitId?: string | null; weekdays: number[]; start: string; end: string },
  ): Promise<WorkingHoursEntity> {
    const weekdays = [...new Set(input.weekdays)].sort();
    if (!weekdays.length || weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
      throw badInput({
        id: 'weekdays harus memuat paling sedikit satu nomor hari ISO, 1 (Senin) sampai 7 (Minggu).',
        en: 'weekdays must list ISO weekday numbers 1 (Monday) to 7 (Sunday), at least one.',
      });
    }
    let start: number;
    let end: number;
    try {
      start = parseClock(input.start);
      end = parseClock(input.end);
    } catch {
      throw badInput({
        id: `Jam kerja ditulis JJ:MM dari 00:00 sampai 24:00; "${input.start}"–"${input.end}" tidak demikian.`,
        en: `Working hours are written HH:MM from 00:00 to 24:00; "${input.start}"–"${input.end}" are not.`,
      });
    }
    if (start >= end)
      throw badInput({
        id: `Hari kerja harus berakhir setelah dimulai (${input.start}–${input.end}).`,
        en: `The working day must end after it starts (${input.start}–${input.end}).`,
      });
    if (input.unitId) await this.calendarFor(input.unitId);
    const unitId = input.unitId ?? null;
    return this.change(actor, 'working-hours.set', 'WorkingHours', async (em) => {
      await em.query(
        `INSERT INTO working_hours (unit_id, weekdays, start, "end") VALUES ($1, $2, $3, $4)
         ON CONFLICT (unit_id) DO UPDATE SET weekdays = EXCLUDED.weekdays, start = EXCLUDED.start, "end" = EXCLUDED."end"`,
        [unitId, weekdays, input.start, input.end],
      );
      const row = await em.findOneByOrFail(WorkingHoursEntity, { unitId: unitId ?? IsNull() });
      return { entityId: unitId ?? 'default', value: row };
    });
  }

  async setSlaPolicy(
    actor: Principal,
    input: { urgency: Urgency; workingHours: number; remindAtFraction?: number | null; escalateEveryWorkingHours?: number | null },
  ): Promise<SlaPolicyEntity> {
    const current = await this.policy(input.urgency);
    const next = {
      urgency: input.urgency,
      workingHours: input.workingHours,
      remindAtFraction: input.remindAtFraction ?? current.remindAtFraction,
      escalateEveryWorkingHours: input.escalateEveryWorkingHours ?? current.escalateEveryWorkingHours,
    };
    if (!Number.isInteger(next.workingHours) || next.workingHours < 1 || next.workingHours > MAX_SLA_HOURS) {
      throw badInput({
        id: `workingHours harus bilangan bulat antara 1 dan ${MAX_SLA_HOURS}.`,
        en: `workingHours must be a whole number between 1 and ${MAX_SLA_HOURS}.`,
      });
    }
    if (!(next.remindAtFraction > 0 && next.remindAtFraction < 1))
      throw badInput({
        id: 'remindAtFraction harus antara 0 dan 1, misalnya 0.75.',
        en: 'remindAtFraction must be between 0 and 1, e.g. 0.75.',
      });
    if (!Number.isInteger(next.escalateEveryWorkingHours) || next.escalateEveryWorkingHours < 1) {
      throw badInput({
        id: 'escalateEveryWorkingHours harus bilangan bulat jam, paling sedikit 1.',
        en: 'escalateEveryWorkingHours must be a whole number of hours, at least 1.',
      });
    }
    return this.change(actor, 'sla-policy.set', 'SlaPolicy', async (em) => {
      const saved = await em.save(SlaPolicyEntity, next);
      return { entityId: next.urgency, value: saved };
    });
  }

  /** One transaction for the change and its audit event; this process's caches forget what it touched. */
  private async change<T>(
    actor: Principal,
    action: string,
    entityType: string,
    work: (em: EntityManager) => Promise<{ entityId: string; value: T; change?: unknown }>,
  ): Promise<T> {
    const result = await inTransaction(this.dataSource, async (em) => {
      const done = await work(em);
      await this.audit.record(em, {
        actorId: actor.userId,
        action,
        entityType,
        entityId: done.entityId,
        change: done.change ?? done.value,
      });
      return done.value;
    });
    this.calendars.clear();
    this.policies = null;
    return result;
  }
}
