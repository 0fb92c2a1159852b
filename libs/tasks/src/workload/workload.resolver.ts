import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { WorkloadRowType } from './workload-row.type';
import { WorkloadService } from './workload.service';

@Resolver(() => WorkloadRowType)
export class WorkloadResolver {
  constructor(private readonly workload: WorkloadService) {}

  @Query(() => [WorkloadRowType], { description: 'Leaders: one row per person in the unit (and sub-units).' })
  teamWorkload(
    @Args('unitId', { type: () => ID }) unitId: string,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<WorkloadRowType[]> {
    return this.workload.team(principal, unitId, ctx.loaders);
  }
}
