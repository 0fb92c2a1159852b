import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type GraphqlContext, type Principal, Roles } from '@gesit/platform';
import { CreateUnitInput } from './create-unit.input';
import { UnitEntity } from './unit.entity';
import { UnitType } from './unit.type';
import { UnitsService } from './units.service';

@Resolver(() => UnitType)
export class UnitsResolver {
  constructor(private readonly unitsService: UnitsService) {}

  @Query(() => [UnitType], { description: 'Every unit, by code; build the tree from parent and children.' })
  units(): Promise<UnitEntity[]> {
    return this.unitsService.list();
  }

  @Mutation(() => UnitType, { description: 'ADMIN: adds a unit, under a parent unit or as a root.' })
  @Roles('ADMIN')
  createUnit(@CurrentUser() caller: Principal, @Args('input') input: CreateUnitInput): Promise<UnitEntity> {
    return this.unitsService.create(caller.userId, input);
  }

  @ResolveField(() => UnitType, { nullable: true })
  parent(@Parent() unit: UnitEntity, @Context() ctx: GraphqlContext): Promise<UnitEntity | null> | null {
    return unit.parentId ? this.unitsService.byId(ctx.loaders).load(unit.parentId) : null;
  }

  @ResolveField(() => [UnitType])
  children(@Parent() unit: UnitEntity, @Context() ctx: GraphqlContext): Promise<UnitEntity[]> {
    return this.unitsService.childrenOf(ctx.loaders).load(unit.id);
  }
}
