import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { ArrangementsService } from './arrangements.service';
import { WorkArrangementEntity, WorkArrangementStatus } from './work-arrangement.entity';
import { RequestWorkArrangementInput, WorkArrangementType } from './work-arrangement.types';

@Resolver(() => WorkArrangementType)
export class ArrangementsResolver {
  constructor(
    private readonly arrangements: ArrangementsService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [WorkArrangementType])
  workArrangements(
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string,
    @Args('status', { type: () => [WorkArrangementStatus], nullable: true }) status?: WorkArrangementStatus[],
  ): Promise<WorkArrangementEntity[]> {
    return this.arrangements.list(principal, userId, status, ctx.loaders);
  }

  @Query(() => [WorkArrangementType], {
    description: 'Requests waiting for the decision of the caller (or of the official whose Plh/Plt they are), oldest first.',
  })
  workArrangementsToDecide(
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true, description: 'The id of the last request of the previous page.' }) after?: string,
  ): Promise<WorkArrangementEntity[]> {
    return this.arrangements.toDecide(principal, first, after, ctx.loaders);
  }

  @Mutation(() => WorkArrangementType)
  requestWorkArrangement(
    @Args('input') input: RequestWorkArrangementInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<WorkArrangementEntity> {
    return this.arrangements.request(principal, input, ctx.loaders);
  }

  @Mutation(() => WorkArrangementType)
  decideWorkArrangement(
    @Args('id', { type: () => ID }) id: string,
    @Args('approve') approve: boolean,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('note', { type: () => String, nullable: true }) note?: string,
  ): Promise<WorkArrangementEntity> {
    return this.arrangements.decide(principal, id, approve, note, ctx.loaders);
  }

  @Mutation(() => WorkArrangementType)
  revokeWorkArrangement(
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<WorkArrangementEntity> {
    return this.arrangements.revoke(principal, id, note, ctx.loaders);
  }

  @ResolveField(() => UserType)
  user(@Parent() arrangement: WorkArrangementEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(arrangement.userId);
  }

  @ResolveField(() => UserType, { nullable: true })
  decidedBy(@Parent() arrangement: WorkArrangementEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return arrangement.decidedById ? this.users.byId(ctx.loaders).load(arrangement.decidedById) : null;
  }
}
