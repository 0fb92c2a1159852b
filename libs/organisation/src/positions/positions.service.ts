import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService, badInput, groupByKeys, inTransaction, Loaders, notFound, orderByKeys, isUuid } from '@gesit/platform';
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
    const title = requireName(input.title, 'Position title');
    const unit = isUuid(input.unitId) ? await em.findOneBy(UnitEntity, { id: input.unitId }) : null;
    if (!unit) throw notFound('Unit', input.unitId);
    let superior: PositionEntity | null = null;
    if (input.superiorId) {
      superior = isUuid(input.superiorId) ? await em.findOneBy(PositionEntity, { id: input.superiorId }) : null;
      if (!superior) throw notFound('Superior position', input.superiorId);
      // A superior sits in the same unit or above it; never in a sibling or a sub-unit.
      if (!(await this.units.ancestry(unit.id, em)).includes(superior.unitId)) {
        throw badInput(`The superior position "${superior.title}" is not in unit ${unit.code} or a unit above it.`);
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
    return loaders.get(
      'organisation.positionById',
      () =>
        new DataLoader(async (ids: readonly string[]) =>
          orderByKeys(ids, await this.dataSource.getRepository(PositionEntity).findBy({ id: In(ids.filter(isUuid)) }), (p) => p.id),
        ),
    );
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
    return loaders.get(
      'organisation.positionSubordinates',
      () =>
        new DataLoader(async (ids: readonly string[]) => {
          const rows = await this.dataSource
            .getRepository(PositionEntity)
            .find({ where: { superiorId: In(ids.filter(isUuid)) }, order: { title: 'ASC', id: 'ASC' } });
          return groupByKeys(ids, rows, (p) => p.superiorId as string);
        }),
    );
  }
}
