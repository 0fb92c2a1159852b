import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, type GraphqlContext, type Principal } from '@gesit/platform';
import { AccessPolicyService } from './access-policy.service';
import { UserEntity } from '../users/user.entity';
import { UserType } from '../users/user.type';
import { UsersService } from '../users/users.service';
import { CreateDelegationInput } from './create-delegation.input';
import { isActiveAt } from './delegation-rules';
import { DelegationEntity } from './delegation.entity';
import { DelegationType } from './delegation.type';
import { DelegationsService } from './delegations.service';

@Resolver(() => DelegationType)
export class DelegationsResolver {
  constructor(
    private readonly delegationsService: DelegationsService,
    private readonly users: UsersService,
    private readonly policy: AccessPolicyService,
  ) {}

  @Query(() => [DelegationType], { description: 'Delegations the caller gave or holds (all of them for an ADMIN), latest first.' })
  delegations(
    @CurrentUser() caller: Principal,
    @Args('activeOnly', { type: () => Boolean, nullable: true }) activeOnly?: boolean | null,
  ): Promise<DelegationEntity[]> {
    return this.delegationsService.list(caller, activeOnly ?? false);
  }

  @Query(() => [UserType], {
    description: "Officials whose Plh/Plt the caller holds right now; pass one's id as actingForUserId to act in their name.",
  })
  async actingFor(@CurrentUser() caller: Principal, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    const officials = await this.policy.officialsActedFor(caller.userId, new Date());
    const users = await this.users.byId(ctx.loaders).loadMany(officials);
    return users.filter((u): u is UserEntity => u !== null && !(u instanceof Error));
  }

  @Mutation(() => DelegationType, {
    description:
      'Appoints a Plh or Plt for an official: by the official or a superior in their chain of command (an ADMIN only a Plt where nobody above can); never oneself. Both people are notified.',
  })
  createDelegation(@CurrentUser() caller: Principal, @Args('input') input: CreateDelegationInput): Promise<DelegationEntity> {
    return this.delegationsService.create(caller, input);
  }

  @Mutation(() => DelegationType, { description: 'Ends a delegation now (the official, whoever appointed the delegate, or an ADMIN).' })
  revokeDelegation(@CurrentUser() caller: Principal, @Args('id', { type: () => ID }) id: string): Promise<DelegationEntity> {
    return this.delegationsService.revoke(caller, id);
  }

  @ResolveField(() => UserType)
  async from(@Parent() delegation: DelegationEntity, @Context() ctx: GraphqlContext): Promise<UserEntity> {
    return (await this.users.byId(ctx.loaders).load(delegation.fromUserId)) as UserEntity;
  }

  @ResolveField(() => UserType)
  async to(@Parent() delegation: DelegationEntity, @Context() ctx: GraphqlContext): Promise<UserEntity> {
    return (await this.users.byId(ctx.loaders).load(delegation.toUserId)) as UserEntity;
  }

  @ResolveField(() => Boolean, { description: 'In its window now and not revoked.' })
  active(@Parent() delegation: DelegationEntity): boolean {
    return isActiveAt(delegation, new Date());
  }
}
