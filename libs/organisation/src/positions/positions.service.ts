import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditService,
  badInput,
  byColumnLoader,
  byIdLoader,
  findOrNotFound,
  groupByKeys,
  inTransaction,
  isUuid,
  Loaders,
} from '@gesit/platform';
import { requireName } from '../units/unit-rules';
import { UnitEntity } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { CreatePositionInput } from './create-position.input';
import { PositionEntity } from './position.entity';

@Injectable()
export class PositionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly units: UnitsService,
  ) {}

  create(actorId: string | null, input: CreatePositionInput): Promise<PositionEntity> {
    return inTransaction(this.dataSource, (em) => this.insert(em, actorId, input));
  }

  /** Validates and adds a position inside the caller's transaction (also used to seed). */
  async insert(em: EntityManager, actorId: string | null, input: CreatePositionInput): Promise<PositionEntity> {
    const title = requireName(input.title, { id: 'Nama jabatan', en: 'Position title' });
    const unit = await findOrNotFound(em, UnitEntity, input.unitId, { id: 'Unit', en: 'Unit' });
    let superior: PositionEntity | null = null;
    if (input.superiorId) {
      superior = await findOrNotFound(em, PositionEntity, input.superiorId, { id: 'Jabatan atasan', en: 'Superior position' });
      // A superior sits in the same unit or above it; never in a sibling or a sub-unit.
      if (!(await this.units.ancestry(unit.id, em)).includes(superior.unitId)) {
        throw badInput({
          id: `Jabatan atasan "${superior.title}" tidak berada di unit ${unit.code} atau unit di atasnya.`,
          en: `The superior position "${superior.title}" is not in unit ${unit.code} or a unit above it.`,
        });
      }
    }
    // Positions are never re-parented, so the superior chain stays free of cycles.
    const position = em.create(PositionEntity, { id: randomUUID(), title, unitId: unit.id, superiorId: superior?.id ?? null });
    await em.insert(PositionEntity, position);
    await this.audit.record(em, {
      actorId,
      action: 'position.created',
      entityType: 'Position',
      entityId: position.id,
      change: { title, unitId: unit.id, superiorId: position.superiorId },
    });
    return position;
  }

  byId(loaders: Loaders): DataLoader<string, PositionEntity | null> {
    return byIdLoader(loaders, this.dataSource, PositionEntity);
  }

  /**
   * The positions of each unit, the one heading it first (its superior sits outside the unit, or it has
   * none), then by title.
   */
  ofUnit(loaders: Loaders): DataLoader<string, PositionEntity[]> {
    return loaders.get(
      'organisation.positionsOfUnit',
      () =>
        new DataLoader(async (unitIds: readonly string[]) => {
          const rows = await this.dataSource
            .getRepository(PositionEntity)
            .createQueryBuilder('p')
            .leftJoin(PositionEntity, 's', 's.id = p.superior_id')
            .where('p.unit_id = ANY(:ids::uuid[])', { ids: unitIds.filter(isUuid) })
            .orderBy('p.unit_id')
            .addOrderBy('(s.id IS NULL OR s.unit_id <> p.unit_id)', 'DESC')
            .addOrderBy('p.title')
            .addOrderBy('p.id')
            .getMany();
          return groupByKeys(unitIds, rows, (p) => p.unitId);
        }),
    );
  }

  /** The position heading the unit: the one whose superior sits outside it; null for a unit without positions. */
  async headOf(unitId: string, loaders: Loaders): Promise<PositionEntity | null> {
    const positions = await this.ofUnit(loaders).load(unitId);
    const ids = new Set(positions.map((p) => p.id));
    return positions.find((p) => !p.superiorId || !ids.has(p.superiorId)) ?? null;
  }

  /** The positions directly below each position, by title. */
  subordinatesOf(loaders: Loaders): DataLoader<string, PositionEntity[]> {
    return byColumnLoader(loaders, this.dataSource, PositionEntity, 'superiorId', { title: 'ASC', id: 'ASC' });
  }
}
