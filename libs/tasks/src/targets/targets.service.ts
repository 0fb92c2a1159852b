import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChainOfCommandService, UsersService } from '@gesit/identity';
import { AppError, badInput, forbidden, inTransaction, isUuid, Loaders, orderByKeys, type Principal } from '@gesit/platform';
import { SupervisionService } from '../shared/supervision.service';
import { TasksJournalService } from '../tasks-journal.service';
import { PerformanceTargetEntity } from './performance-target.entity';
import { PerformanceTargetInput } from './performance-target.type';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function field(value: string | null | undefined, name: string, label: string, max: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed) throw badInput({ id: `${label} wajib diisi.`, en: `${label} is required.` }, { field: name });
  if (trimmed.length > max)
    throw badInput(
      { id: `${label} terlalu panjang: paling banyak ${max} karakter.`, en: `${label} is too long: at most ${max} characters.` },
      { field: name },
    );
  return trimmed;
}

/** Performance targets (RHK of the SKP): the person proposes them, their superior (or the superior's Plh/Plt) may edit. */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SupervisionService,
    private readonly chain: ChainOfCommandService,
    private readonly users: UsersService,
    private readonly journal: TasksJournalService,
  ) {}

  async save(
    principal: Principal,
    id: string | null | undefined,
    input: PerformanceTargetInput,
    loaders = new Loaders(),
  ): Promise<PerformanceTargetEntity> {
    if (!Number.isInteger(input.year) || input.year < MIN_YEAR || input.year > MAX_YEAR)
      throw badInput(
        { id: `Tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}.`, en: `The year must be between ${MIN_YEAR} and ${MAX_YEAR}.` },
        { field: 'year' },
      );
    const values = {
      year: input.year,
      title: field(input.title, 'title', 'Rencana hasil kerja', 500),
      indicator: field(input.indicator, 'indicator', 'Indikator', 500),
      targetQuantity: input.targetQuantity ?? null,
      unitOfMeasure: input.unitOfMeasure?.trim() || null,
    };
    if (values.targetQuantity !== null && (!Number.isInteger(values.targetQuantity) || values.targetQuantity < 0))
      throw badInput(
        { id: 'Target kuantitas harus bilangan bulat 0 atau lebih.', en: 'The quantity target must be a whole number, 0 or more.' },
        { field: 'targetQuantity' },
      );
    const repo = this.dataSource.getRepository(PerformanceTargetEntity);
    const existing = id ? (isUuid(id) ? await repo.findOneBy({ id }) : null) : null;
    if (id && !existing)
      throw new AppError('NOT_FOUND', { id: 'Rencana hasil kerja itu tidak ditemukan.', en: 'That performance target was not found.' });
    let actingForId: string | null = null;
    if (existing && existing.userId !== principal.userId) {
      const superior = await this.chain.superiorOf(existing.userId, loaders);
      const owner = (await this.users.byId(loaders).load(existing.userId))?.name ?? 'pegawai itu';
      if (!superior || !(await this.access.actsAs(principal, superior, loaders)))
        throw forbidden({
          id: `Hanya ${owner} dan atasan langsungnya (atau Plh/Plt atasan) yang dapat mengubah rencana hasil kerja "${existing.title}".`,
          en: `Only ${owner} and their direct superior (or the superior's Plh/Plt) may change the performance target "${existing.title}".`,
        });
      actingForId = superior === principal.userId ? null : superior;
    }
    return inTransaction(this.dataSource, async (em) => {
      const target = existing
        ? Object.assign(existing, values)
        : em.create(PerformanceTargetEntity, { id: randomUUID(), userId: principal.userId, ...values });
      await em.save(PerformanceTargetEntity, target);
      await this.journal.record(em, {
        actorId: principal.userId,
        actingForId,
        action: existing ? 'performance-target.updated' : 'performance-target.proposed',
        entityType: 'PerformanceTarget',
        entityId: target.id,
        change: { userId: target.userId, ...values },
      });
      return target;
    });
  }

  async list(
    principal: Principal,
    userId: string | null | undefined,
    year: number,
    loaders = new Loaders(),
  ): Promise<PerformanceTargetEntity[]> {
    const owner = userId ?? principal.userId;
    if (!isUuid(owner) || !(await this.users.byId(loaders).load(owner)))
      throw new AppError('NOT_FOUND', { id: 'Pegawai itu tidak ditemukan.', en: 'That employee was not found.' });
    if (!(await this.access.oversees(principal, owner, loaders))) {
      const name = (await this.users.byId(loaders).load(owner))!.name;
      throw forbidden({
        id: `Anda hanya dapat melihat rencana hasil kerja Anda sendiri dan orang di bawah Anda; ${name} tidak berada di bawah Anda.`,
        en: `You can see only your own performance targets and those of people below you; ${name} is not below you.`,
      });
    }
    return this.dataSource
      .getRepository(PerformanceTargetEntity)
      .find({ where: { userId: owner, year }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Sum of the quantities reported against each target in approved daily reports. */
  achieved(loaders: Loaders): DataLoader<string, number> {
    return loaders.get(
      'tasks.targetAchieved',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows: { id: string; quantity: number }[] = await this.dataSource.query(
            `SELECT e.performance_target_id AS id, sum(coalesce(e.output_quantity, 0))::int AS quantity
             FROM daily_report_entry e JOIN daily_report r ON r.id = e.report_id
            WHERE e.performance_target_id = ANY($1::uuid[]) AND r.status = 'APPROVED'
            GROUP BY e.performance_target_id`,
            [ids],
          );
          return orderByKeys(ids, rows, (r) => r.id).map((r) => r?.quantity ?? 0);
        }),
    );
  }
}
