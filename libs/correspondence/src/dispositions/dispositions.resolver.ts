import { Args, Context, ID, Info, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { slaState, SlaState } from '@gesit/calendar';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { CurrentUser, GraphqlContext, Principal, selectedFieldNames } from '@gesit/platform';
import { LetterLoaders } from '../letters/letter-loaders.service';
import { LetterEntity } from '../letters/letter.entity';
import { LetterType } from '../letters/letter.types';
import { CompleteAssignmentInput } from './complete-assignment.input';
import { DispositionLoaders } from './disposition-loaders.service';
import { DispositionAssignmentConnection, DispositionAssignmentType, DispositionType } from './disposition.types';
import { DisposeInput } from './dispose.input';
import { InboxFilter } from './inbox-filter.input';
import { DispositionAssignmentEntity, DispositionEntity } from './disposition.entity';
import { DispositionsService } from './dispositions.service';
import { InboxService, joinedDisposition, joinedLetter } from './inbox.service';

// The field resolvers take (parent, args, context) without parameter decorators: Nest then hands them to GraphQL
// as they are, instead of wrapping each call in its context creator (an async call per field and row).
@Resolver(() => DispositionType)
export class DispositionsResolver {
  constructor(
    private readonly dispositions: DispositionsService,
    private readonly loaders: DispositionLoaders,
    private readonly letterLoaders: LetterLoaders,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => DispositionType)
  async dispose(
    @Args('input') input: DisposeInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<DispositionEntity> {
    const { disposition, assignments } = await this.dispositions.dispose(principal, input);
    // The loader's order: created together, so by id.
    this.loaders.assignmentsOfDisposition(ctx.loaders).prime(
      disposition.id,
      [...assignments].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    return disposition;
  }

  @Mutation(() => DispositionType)
  withdrawDisposition(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<DispositionEntity> {
    return this.dispositions.withdraw(principal, id);
  }

  @ResolveField(() => LetterType)
  letter(disposition: DispositionEntity, _args: unknown, ctx: GraphqlContext): LetterEntity | Promise<LetterEntity | null> {
    return joinedLetter(disposition) ?? this.letterLoaders.letter(ctx.loaders).load(disposition.letterId);
  }

  @ResolveField(() => UserType)
  sender(disposition: DispositionEntity, _args: unknown, ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(disposition.senderId);
  }

  @ResolveField(() => UserType, { nullable: true, description: 'Set when the sender acted as Plh/Plt of this official.' })
  actingFor(disposition: DispositionEntity, _args: unknown, ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return disposition.actingForId ? this.users.byId(ctx.loaders).load(disposition.actingForId) : null;
  }

  @ResolveField(() => DispositionAssignmentType, { nullable: true })
  parentAssignment(
    disposition: DispositionEntity,
    _args: unknown,
    ctx: GraphqlContext,
  ): Promise<DispositionAssignmentEntity | null> | null {
    return disposition.parentAssignmentId ? this.loaders.assignment(ctx.loaders).load(disposition.parentAssignmentId) : null;
  }

  @ResolveField(() => [DispositionAssignmentType])
  assignments(disposition: DispositionEntity, _args: unknown, ctx: GraphqlContext): Promise<DispositionAssignmentEntity[]> {
    return this.loaders.assignmentsOfDisposition(ctx.loaders).load(disposition.id);
  }
}

@Resolver(() => DispositionAssignmentType)
export class AssignmentsResolver {
  constructor(
    private readonly dispositions: DispositionsService,
    private readonly inboxService: InboxService,
    private readonly loaders: DispositionLoaders,
    private readonly letterLoaders: LetterLoaders,
    private readonly users: UsersService,
  ) {}

  @Query(() => [UserType], {
    description:
      "Whom the caller (or the official they act for) may dispose this assignment to: the people below in the chain of command, with their holders' Plh/Plt.",
  })
  dispositionCandidates(
    @CurrentUser() principal: Principal,
    @Args('assignmentId', { type: () => ID }) assignmentId: string,
    @Args('search', { type: () => String, nullable: true }) search?: string | null,
  ): Promise<UserEntity[]> {
    return this.dispositions.candidates(principal, assignmentId, search);
  }

  @Query(() => DispositionAssignmentConnection)
  inbox(
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { type: () => InboxFilter, nullable: true }) filter?: InboxFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const below = (path: string[]) => selectedFieldNames(info, ['edges', 'node', ...path]);
    const selection = { node: below([]), disposition: below(['disposition']), letter: below(['disposition', 'letter']) };
    return this.inboxService.inbox(principal, filter, first, after, ctx.loaders, selection);
  }

  @Mutation(() => DispositionAssignmentType)
  markAssignmentRead(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<DispositionAssignmentEntity> {
    return this.dispositions.markRead(principal, id);
  }

  @Mutation(() => DispositionAssignmentType)
  startAssignment(@Args('id', { type: () => ID }) id: string, @CurrentUser() principal: Principal): Promise<DispositionAssignmentEntity> {
    return this.dispositions.start(principal, id);
  }

  @Mutation(() => DispositionAssignmentType)
  completeAssignment(
    @Args('input') input: CompleteAssignmentInput,
    @CurrentUser() principal: Principal,
  ): Promise<DispositionAssignmentEntity> {
    return this.dispositions.complete(principal, input);
  }

  @ResolveField(() => DispositionType)
  disposition(
    assignment: DispositionAssignmentEntity,
    _args: unknown,
    ctx: GraphqlContext,
  ): DispositionEntity | Promise<DispositionEntity | null> {
    return joinedDisposition(assignment) ?? this.loaders.disposition(ctx.loaders).load(assignment.dispositionId);
  }

  @ResolveField(() => UserType)
  assignee(assignment: DispositionAssignmentEntity, _args: unknown, ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(assignment.assigneeId);
  }

  @ResolveField(() => SlaState, { description: 'Computed when read, from the due time, the due-soon point and the completion time.' })
  slaState(assignment: DispositionAssignmentEntity): SlaState {
    return slaState(assignment, new Date());
  }

  @ResolveField(() => [StoredFileType])
  completionFiles(assignment: DispositionAssignmentEntity, _args: unknown, ctx: GraphqlContext): Promise<StoredFileEntity[]> {
    return this.loaders.completionFiles(ctx.loaders).load(assignment.id);
  }

  @ResolveField(() => [DispositionType], { description: 'Dispositions this assignee forwarded further down.' })
  children(assignment: DispositionAssignmentEntity, _args: unknown, ctx: GraphqlContext): Promise<DispositionEntity[]> {
    return this.loaders.children(ctx.loaders).load(assignment.id);
  }
}
