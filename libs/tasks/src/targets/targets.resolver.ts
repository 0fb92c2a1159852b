import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { PerformanceTargetEntity } from './performance-target.entity';
import { PerformanceTargetInput, PerformanceTargetType } from './performance-target.type';
import { TargetsService } from './targets.service';

@Resolver(() => PerformanceTargetType)
export class TargetsResolver {
  constructor(
    private readonly targets: TargetsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [PerformanceTargetType], { description: "The caller's targets for the year, or those of someone below them." })
  performanceTargets(
    @Args('year', { type: () => Int }) year: number,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string,
  ): Promise<PerformanceTargetEntity[]> {
    return this.targets.list(principal, userId, year, ctx.loaders);
  }

  @Mutation(() => PerformanceTargetType, {
    description: 'Without id: propose a target of your own; with id: edit it (its owner or their superior).',
  })
  savePerformanceTarget(
    @Args('input') input: PerformanceTargetInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
  ): Promise<PerformanceTargetEntity> {
    return this.targets.save(principal, id, input, ctx.loaders);
  }

  @ResolveField(() => UserType)
  user(@Parent() target: PerformanceTargetEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(target.userId);
  }

  @ResolveField(() => Int, { description: 'Sum of the quantities reported against it in approved daily reports.' })
  achievedQuantity(@Parent() target: PerformanceTargetEntity, @Context() ctx: GraphqlContext): Promise<number> {
    return this.targets.achieved(ctx.loaders).load(target.id);
  }
}
