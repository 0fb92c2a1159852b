import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphqlContext } from '@gesit/platform';
import { UnitEntity } from '../units/unit.entity';
import { UnitType } from '../units/unit.type';
import { PositionEntity } from './position.entity';
import { PositionType } from './position.type';
import { PositionsService } from './positions.service';

/** The positions of a unit, and the one that heads it. */
@Resolver(() => UnitType)
export class UnitPositionsResolver {
  constructor(private readonly positionsService: PositionsService) {}

  @ResolveField(() => [PositionType], { description: 'The positions of the unit, the one heading it first.' })
  positions(@Parent() unit: UnitEntity, @Context() ctx: GraphqlContext): Promise<PositionEntity[]> {
    return this.positionsService.ofUnit(ctx.loaders).load(unit.id);
  }

  @ResolveField(() => PositionType, { nullable: true, description: 'The position that heads the unit.' })
  head(@Parent() unit: UnitEntity, @Context() ctx: GraphqlContext): Promise<PositionEntity | null> {
    return this.positionsService.headOf(unit.id, ctx.loaders);
  }
}
