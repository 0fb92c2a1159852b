import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { WorkloadRowType } from './workload-row.type';
import { WorkloadService } from './workload.service';

@Resolver(() => WorkloadRowType)
export class WorkloadResolver {
  constructor(
    private readonly workload: WorkloadService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [WorkloadRowType], { description: 'Leaders: one row per person in the unit (and sub-units).' })
  teamWorkload(
    @Args('unitId', { type: () => ID }) unitId: string,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<WorkloadRowType[]> {
    return this.workload.team(principal, unitId, ctx.loaders);
  }

  @ResolveField(() => UserType)
  user(@Parent() row: WorkloadRowType, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(row.userId);
  }
}
