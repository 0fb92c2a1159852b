import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { localDate, yearIn } from '@gesit/calendar';
import { ClassificationCodeEntity, ClassificationService, formatNumber, NumberingService } from '@gesit/correspondence';
import { UnitEntity, UnitsService } from '@gesit/organisation';
import { PeopleDirectory, PlacedUser } from '@gesit/identity';
import {
  AppConfig,
  AuditService,
  badInput,
  FieldChecks,
  conflict,
  decodeCursor,
  findOrNotFound,
  forbidden,
  inTransaction,
  isUuid,
  Loaders,
  MICROSECOND_CURSOR,
  notFound,
  pageSize,
  Principal,
  toConnection,
  type ConnectionShape,
} from '@gesit/platform';
import { RecordPhase } from '../archive.enums';
import { RecordRetentionService } from '../retention/record-retention.service';
import { phaseOn, retentionDates } from '../retention/retention-dates';
import { textOrNull } from './dossier-rules';
import { DossierEntity } from './dossier.entity';
import { CreateDossierInput, DossierFilter } from './dossier.type';

@Injectable()
export class DossiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly classification: ClassificationService,
    private readonly numbering: NumberingService,
    private readonly people: PeopleDirectory,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    private readonly retention: RecordRetentionService,
  ) {}

  /** The caller as an archivist: a CLERK holding a position. */
  async archivist(principal: Principal, em?: EntityManager): Promise<PlacedUser> {
    const me = (await this.people.placed([principal.userId], em)).get(principal.userId);
    if (!me)
      throw badInput({
        id: 'Akun Anda tidak memegang jabatan, jadi Gesit tidak tahu unit kearsipan Anda; hubungi ADMIN.',
        en: 'Your account holds no position, so Gesit cannot tell your records unit; ask an ADMIN.',
      });
    return me;
  }

  /** The dossier, locked for the rest of the transaction; NOT_FOUND when missing. */
  lockedForChange(em: EntityManager, id: string): Promise<DossierEntity> {
    return findOrNotFound(em, DossierEntity, id, { id: 'Berkas', en: 'Dossier' }, { lock: true });
  }

  /** Only the archivists of the unit keeping a dossier (or of a unit above it) change it. */
  async requireKeeper(me: PlacedUser, dossier: DossierEntity, em: EntityManager): Promise<void> {
    if (me.unitId === dossier.unitId) return;
    if ((await this.units.ancestry(dossier.unitId, em)).includes(me.unitId)) return;
    throw forbidden({
      id: `Berkas ${dossier.number} disimpan unit lain; hanya petugas arsip unit itu yang dapat mengubahnya.`,
      en: `Dossier ${dossier.number} is kept by another unit; only that unit's records officers may change it.`,
    });
  }

  async create(principal: Principal, input: CreateDossierInput): Promise<DossierEntity> {
    // Every bad field is reported at once.
    const checks = new FieldChecks();
    const title = checks.run(() => textOrNull(input.title, { id: 'Judul berkas', en: 'The dossier title' }, 500, 'title'), input.title);
    if (!title)
      checks.add('title', {
        id: 'Beri berkas judul (uraian singkat isinya).',
        en: 'Give the dossier a title (a short description of its content).',
      });
    const description = checks.run(
      () => textOrNull(input.description, { id: 'Uraian berkas', en: 'The dossier description' }, 5000, 'description'),
      null,
    );
    const physicalLocation = checks.run(
      () => textOrNull(input.physicalLocation, { id: 'Lokasi simpan', en: 'The storage location' }, 500, 'physicalLocation'),
      null,
    );
    const code = await this.classification.get(input.classificationCode);
    if (!code)
      checks.add('classificationCode', {
        id: `Kode klasifikasi ${input.classificationCode} tidak ada dalam skema; pilih dari classificationCodes.`,
        en: `Classification code ${input.classificationCode} is not in the scheme; pick one from classificationCodes.`,
      });
    const loaders = new Loaders();
    const unitLoad = (id: string) => (isUuid(id) ? this.units.byId(loaders).load(id) : null);
    const chosenUnit = input.unitId ? await unitLoad(input.unitId) : null;
    if (input.unitId && !chosenUnit) checks.add('unitId', notFound({ id: 'Unit', en: 'Unit' }).text, 'NOT_FOUND');
    checks.done();
    // Both are there: `done` refused the input otherwise.
    const [dossierTitle, scheme] = [title!, code!];
    const me = await this.archivist(principal);
    const unitId = input.unitId ?? me.unitId;
    const unit = chosenUnit ?? (await unitLoad(unitId));
    if (!unit) throw notFound({ id: 'Unit', en: 'Unit' });
    return inTransaction(this.dataSource, async (em) => {
      if (unitId !== me.unitId && !(await this.units.ancestry(unitId, em)).includes(me.unitId))
        throw forbidden({
          id: `Anda petugas arsip unit lain; berkas unit ${unit.name} dibuat oleh petugas arsip unit itu.`,
          en: `You are a records officer of another unit; dossiers of ${unit.name} are made by that unit's records officers.`,
        });
      const now = new Date();
      const year = yearIn(now, unit.timezone);
      const seq = await this.numbering.next(em, unitId, year, 'DOSSIER');
      const number = formatNumber(this.config.archive.dossierNumberFormat, {
        seq,
        unitCode: unit.code,
        year,
        month: Number(localDate(now, unit.timezone).slice(5, 7)),
        classification: scheme.code,
      });
      return this.insertNew(em, principal.userId, {
        number,
        title: dossierTitle,
        description,
        classificationCode: scheme.code,
        unitId,
        physicalLocation,
      });
    });
  }

  /** The open dossier a batch import names by number in the unit, created when it does not exist yet. */
  async findOrCreateForImport(
    em: EntityManager,
    actorId: string,
    input: { number: string; unitId: string; classificationCode: string; physicalLocation: string | null; importId: string },
  ): Promise<DossierEntity> {
    const existing = await em
      .getRepository(DossierEntity)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.unit_id = :unitId AND d.number = :number', input)
      .getOne();
    if (existing) return existing;
    return this.insertNew(
      em,
      actorId,
      {
        number: input.number,
        title: `Berkas ${input.number}`,
        description: null,
        classificationCode: input.classificationCode,
        unitId: input.unitId,
        physicalLocation: input.physicalLocation,
      },
      { importId: input.importId },
    );
  }

  /** A new open dossier, written and audited in the caller's transaction. */
  private async insertNew(
    em: EntityManager,
    actorId: string,
    fields: Pick<DossierEntity, 'number' | 'title' | 'description' | 'classificationCode' | 'unitId' | 'physicalLocation'>,
    context: Record<string, unknown> = {},
  ): Promise<DossierEntity> {
    const dossier = em.create(DossierEntity, {
      ...fields,
      id: randomUUID(),
      createdById: actorId,
      phase: RecordPhase.ACTIVE,
      legalHold: false,
      readOnly: false,
      closedAt: null,
      periodFrom: null,
      periodTo: null,
      activeUntil: null,
      inactiveUntil: null,
      legalHoldReason: null,
    });
    await em.insert(DossierEntity, dossier);
    await this.audit.record(em, {
      actorId,
      action: 'dossier.created',
      entityType: 'Dossier',
      entityId: dossier.id,
      change: { ...fields, ...context },
    });
    return em.findOneByOrFail(DossierEntity, { id: dossier.id });
  }

  /** Dossiers of a unit by number (for checking an import's rows). */
  async byNumbers(unitId: string, numbers: readonly string[]): Promise<Map<string, DossierEntity>> {
    const rows = await this.dataSource.getRepository(DossierEntity).findBy({ unitId, number: In([...numbers]) });
    return new Map(rows.map((d) => [d.number, d]));
  }

  /** Closing starts the retention clock (JRA) of the dossier and of every record in it. */
  async close(principal: Principal, id: string): Promise<DossierEntity> {
    const me = await this.archivist(principal);
    return inTransaction(this.dataSource, async (em) => {
      const dossier = await this.lockedForChange(em, id);
      await this.requireKeeper(me, dossier, em);
      if (dossier.closedAt)
        throw conflict({ id: `Berkas ${dossier.number} sudah ditutup.`, en: `Dossier ${dossier.number} is already closed.` });
      const [{ count, from, to }]: { count: number; from: string | null; to: string | null }[] = await em.query(
        `SELECT count(*)::int AS count, min(document_date)::text AS "from", max(document_date)::text AS "to"
           FROM archive_record WHERE dossier_id = $1`,
        [dossier.id],
      );
      if (!count)
        throw badInput({
          id: `Berkas ${dossier.number} masih kosong; isi dengan arsip sebelum ditutup.`,
          en: `Dossier ${dossier.number} is still empty; file records into it before closing it.`,
        });
      const code = await em.findOneByOrFail(ClassificationCodeEntity, { code: dossier.classificationCode });
      const unit = await em.findOneByOrFail(UnitEntity, { id: dossier.unitId });
      const closedAt = new Date();
      const dates = retentionDates(localDate(closedAt, unit.timezone), code);
      Object.assign(dossier, {
        closedAt,
        periodFrom: from,
        periodTo: to,
        ...dates,
        phase: phaseOn(localDate(closedAt, unit.timezone), dates),
      });
      await em.update(
        DossierEntity,
        { id: dossier.id },
        {
          closedAt,
          periodFrom: from,
          periodTo: to,
          activeUntil: dates.activeUntil,
          inactiveUntil: dates.inactiveUntil,
          phase: dossier.phase,
        },
      );
      await em.query('UPDATE archive_record SET active_until = $2, inactive_until = $3 WHERE dossier_id = $1', [
        dossier.id,
        dates.activeUntil,
        dates.inactiveUntil,
      ]);
      await this.retention.lockFilesOfDossier(em, dossier.id, dates.inactiveUntil, unit.timezone);
      await this.audit.record(em, {
        actorId: principal.userId,
        action: 'dossier.closed',
        entityType: 'Dossier',
        entityId: dossier.id,
        change: { number: dossier.number, records: count, periodFrom: from, periodTo: to, ...dates },
      });
      return dossier;
    });
  }

  async setLegalHold(principal: Principal, id: string, hold: boolean, reason: string): Promise<DossierEntity> {
    const why = textOrNull(reason, { id: 'Alasan', en: 'The reason' }, 2000);
    if (!why)
      throw badInput(
        { id: 'Tuliskan alasan penahanan (legal hold) atau pelepasannya.', en: 'Write the reason for the legal hold or its release.' },
        { field: 'reason' },
      );
    const me = await this.archivist(principal);
    return inTransaction(this.dataSource, async (em) => {
      const dossier = await this.lockedForChange(em, id);
      await this.requireKeeper(me, dossier, em);
      if (dossier.legalHold === hold)
        throw conflict({
          id: hold ? `Berkas ${dossier.number} sudah ditahan (legal hold).` : `Berkas ${dossier.number} tidak sedang ditahan.`,
          en: hold ? `Dossier ${dossier.number} is already under legal hold.` : `Dossier ${dossier.number} is not under legal hold.`,
        });
      if (dossier.phase === RecordPhase.DESTROYED || dossier.phase === RecordPhase.TRANSFERRED)
        throw conflict({
          id: `Berkas ${dossier.number} sudah ${dossier.phase === RecordPhase.DESTROYED ? 'dimusnahkan' : 'diserahkan'}.`,
          en: `Dossier ${dossier.number} was already ${dossier.phase === RecordPhase.DESTROYED ? 'destroyed' : 'transferred'}.`,
        });
      dossier.legalHold = hold;
      dossier.legalHoldReason = hold ? why : null;
      await em.update(DossierEntity, { id: dossier.id }, { legalHold: hold, legalHoldReason: dossier.legalHoldReason });
      // An object lock can only grow: a hold extends it, a release leaves it as it is.
      if (hold) await this.retention.extendForHold(em, dossier.id, (await em.findOneByOrFail(UnitEntity, { id: dossier.unitId })).timezone);
      await this.audit.record(em, {
        actorId: principal.userId,
        action: hold ? 'dossier.legal-hold-set' : 'dossier.legal-hold-released',
        entityType: 'Dossier',
        entityId: dossier.id,
        change: { number: dossier.number, reason: why },
      });
      return dossier;
    });
  }

  async get(id: string): Promise<DossierEntity | null> {
    return isUuid(id) ? this.dataSource.getRepository(DossierEntity).findOneBy({ id }) : null;
  }

  findByIds(ids: readonly string[]): Promise<DossierEntity[]> {
    return this.dataSource.getRepository(DossierEntity).findBy({ id: In(ids.filter(isUuid)) });
  }

  /** Dossiers, newest first; `extra` adds conditions (disposal candidates). */
  async list(
    filter: DossierFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    extra: string[] = [],
  ): Promise<ConnectionShape<DossierEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const params: unknown[] = [];
    const where: string[] = [...extra];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter?.classificationCode) add(`(d.classification_code = ? OR d.classification_code LIKE ? || '.%')`, filter.classificationCode);
    if (filter?.unitId) add('d.unit_id = ?::uuid', filter.unitId);
    if (filter?.phase?.length) add('d.phase = ANY(?)', filter.phase);
    if (filter?.search?.trim()) {
      const pattern = `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      add('(d.title ILIKE ? OR d.number ILIKE ? OR d.description ILIKE ?)', pattern);
    }
    const filtered = where.length ? where.join(' AND ') : 'true';
    const countParams = [...params];
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(d.opened_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(size + 1);
    const rows: { id: string; at: string }[] = await this.dataSource.query(
      `SELECT d.id, ${MICROSECOND_CURSOR('d.opened_at')} AS at FROM dossier d
        WHERE ${where.length ? where.join(' AND ') : 'true'} ORDER BY d.opened_at DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
    const byId = new Map((await this.findByIds(rows.map((r) => r.id))).map((d) => [d.id, d]));
    const at = new Map(rows.map((r) => [r.id, r.at]));
    const count = async () => {
      const [{ count: total }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM dossier d WHERE ${filtered}`, countParams);
      return total as number;
    };
    return toConnection(
      rows.map((r) => byId.get(r.id)).filter((d): d is DossierEntity => Boolean(d)),
      size,
      count,
      (d) => [at.get(d.id)!, d.id],
    );
  }

  /** Number of records per dossier (tombstones included: they are still listed). */
  async recordCounts(ids: readonly string[]): Promise<Map<string, number>> {
    const rows: { id: string; count: number }[] = await this.dataSource.query(
      'SELECT dossier_id AS id, count(*)::int AS count FROM archive_record WHERE dossier_id = ANY($1::uuid[]) GROUP BY dossier_id',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.count]));
  }
}
