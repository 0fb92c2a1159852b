import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { slaState, SlaState } from '@gesit/calendar';
import { LetterEntity, LetterLoaders, LetterType } from '@gesit/correspondence';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { DecideApprovalInput } from './approval.inputs';
import { ApprovalStepEntity } from './approval-step.entity';
import { ApprovalStepConnection, ApprovalStepType } from './approval-step.type';
import { ApprovalsService } from './approvals.service';

@Resolver(() => ApprovalStepType)
export class ApprovalsResolver {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly letterLoaders: LetterLoaders,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => ApprovalStepType)
  decideApproval(@Args('input') input: DecideApprovalInput, @CurrentUser() principal: Principal): Promise<ApprovalStepEntity> {
    return this.approvals.decide(principal, input);
  }

  @Query(() => ApprovalStepConnection, { description: 'Steps waiting for the caller (or for an official whose Plh/Plt the caller is).' })
  approvalQueue(
    @CurrentUser() principal: Principal,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.approvals.queue(principal, first, after);
  }

  @ResolveField(() => LetterType)
  letter(@Parent() step: ApprovalStepEntity, @Context() ctx: GraphqlContext): Promise<LetterEntity | null> {
    return this.letterLoaders.letter(ctx.loaders).load(step.letterId);
  }

  @ResolveField(() => UserType)
  approver(@Parent() step: ApprovalStepEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(step.approverId);
  }

  @ResolveField(() => UserType, { nullable: true, description: 'The official the decision was taken for, when taken by a Plh/Plt.' })
  actingFor(@Parent() step: ApprovalStepEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return step.actingForId ? this.users.byId(ctx.loaders).load(step.actingForId) : null;
  }

  @ResolveField(() => UserType, { nullable: true })
  decidedBy(@Parent() step: ApprovalStepEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return step.decidedById ? this.users.byId(ctx.loaders).load(step.decidedById) : null;
  }

  @ResolveField(() => SlaState, { nullable: true, description: 'Null while the step waits for an earlier one.' })
  slaState(@Parent() step: ApprovalStepEntity): SlaState | null {
    return step.dueAt ? slaState({ dueAt: step.dueAt, dueSoonAt: step.dueSoonAt, completedAt: step.decidedAt }, new Date()) : null;
  }
}
