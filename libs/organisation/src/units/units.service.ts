import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AuditService,
  byColumnLoader,
  byIdLoader,
  conflict,
  findOrNotFound,
  inTransaction,
  isUniqueViolation,
  isUuid,
  Loaders,
} from '@gesit/platform';
import { CreateUnitInput } from './create-unit.input';
import { DEFAULT_TIME_ZONE, normaliseUnitCode, requireName, resolveTimeZone } from './unit-rules';
import { UnitEntity } from './unit.entity';

const codeTaken = (code: string) =>
  conflict({
    id: `Unit dengan kode ${code} sudah ada; pilih kode lain.`,
    en: `A unit with code ${code} already exists; choose another code.`,
  });

@Injectable()
export class UnitsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actorId: string | null, input: CreateUnitInput): Promise<UnitEntity> {
    try {
      return await inTransaction(this.dataSource, (em) => this.insert(em, actorId, input));
    } catch (error) {
      if (isUniqueViolation(error, 'unit_code_key')) throw codeTaken(normaliseUnitCode(input.code));
      throw error;
    }
  }

  /** Validates and adds a unit inside the caller's transaction (also used to seed). */
  async insert(em: EntityManager, actorId: string | null, input: CreateUnitInput): Promise<UnitEntity> {
    const code = normaliseUnitCode(input.code);
    const name = requireName(input.name, { id: 'Nama unit', en: 'Unit name' });
    // Checked first as well, so that the usual duplicate never reaches the database's error log.
    if (await em.existsBy(UnitEntity, { code })) throw codeTaken(code);
    let parent: UnitEntity | null = null;
    if (input.parentId) {
      parent = await findOrNotFound(em, UnitEntity, input.parentId, { id: 'Unit induk', en: 'Parent unit' });
    }
    const unit = em.create(UnitEntity, {
      id: randomUUID(),
      code,
      name,
      timezone: resolveTimeZone(input.timezone, parent?.timezone ?? null),
      parentId: parent?.id ?? null,
    });
    await em.insert(UnitEntity, unit);
    await this.audit.record(em, {
      actorId,
      action: 'unit.created',
      entityType: 'Unit',
      entityId: unit.id,
      change: { code, name, timezone: unit.timezone, parentId: unit.parentId },
    });
    return unit;
  }

  list(): Promise<UnitEntity[]> {
    return this.dataSource.getRepository(UnitEntity).find({ order: { code: 'ASC' } });
  }

  byId(loaders: Loaders): DataLoader<string, UnitEntity | null> {
    return byIdLoader(loaders, this.dataSource, UnitEntity);
  }

  childrenOf(loaders: Loaders): DataLoader<string, UnitEntity[]> {
    return byColumnLoader(loaders, this.dataSource, UnitEntity, 'parentId', { code: 'ASC' });
  }

  /** The unit and its ancestors, nearest first. */
  async ancestry(unitId: string, em: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM unit WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 64
       )
       SELECT id FROM up ORDER BY depth`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  /** The time zone of the unit's office (resolved from its parent when the unit was created). */
  async timeZone(unitId: string, em: EntityManager = this.dataSource.manager): Promise<string> {
    return (await em.findOneBy(UnitEntity, { id: unitId }))?.timezone ?? DEFAULT_TIME_ZONE;
  }

  private find(ids: readonly string[]): Promise<UnitEntity[]> {
    return this.dataSource.getRepository(UnitEntity).findBy({ id: In(ids.filter(isUuid)) });
  }
}
