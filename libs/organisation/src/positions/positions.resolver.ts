import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type GraphqlContext, type Principal, Roles } from '@gesit/platform';
import { UnitEntity } from '../units/unit.entity';
import { UnitType } from '../units/unit.type';
import { UnitsService } from '../units/units.service';
import { CreatePositionInput } from './create-position.input';
import { PositionEntity } from './position.entity';
import { PositionType } from './position.type';
import { PositionsService } from './positions.service';

@Resolver(() => PositionType)
export class PositionsResolver {
  constructor(
    private readonly positions: PositionsService,
    private readonly units: UnitsService,
  ) {}

  @Mutation(() => PositionType, { description: 'ADMIN: adds a position to a unit, optionally under a superior position.' })
  @Roles('ADMIN')
  createPosition(@CurrentUser() caller: Principal, @Args('input') input: CreatePositionInput): Promise<PositionEntity> {
    return this.positions.create(caller.userId, input);
  }

  @ResolveField(() => UnitType)
  async unit(@Parent() position: PositionEntity, @Context() ctx: GraphqlContext): Promise<UnitEntity> {
    return (await this.units.byId(ctx.loaders).load(position.unitId)) as UnitEntity;
  }

  @ResolveField(() => PositionType, { nullable: true })
  superior(@Parent() position: PositionEntity, @Context() ctx: GraphqlContext): Promise<PositionEntity | null> | null {
    return position.superiorId ? this.positions.byId(ctx.loaders).load(position.superiorId) : null;
  }

  @ResolveField(() => [PositionType], { description: 'The positions directly below this one in the chain of command.' })
  subordinates(@Parent() position: PositionEntity, @Context() ctx: GraphqlContext): Promise<PositionEntity[]> {
    return this.positions.subordinatesOf(ctx.loaders).load(position.id);
  }
}
