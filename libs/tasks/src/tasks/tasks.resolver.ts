import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { slaState, SlaState } from '@gesit/calendar';
import { DispositionAssignmentEntity, DispositionAssignmentType, LetterAccessService } from '@gesit/correspondence';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { AccessPolicyService, UserEntity, UsersService, UserType } from '@gesit/identity';
import { byIdLoader, CurrentUser, GraphqlContext, Principal } from '@gesit/platform';
import { PerformanceTargetType } from '../targets/performance-target.type';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { TaskAccessService } from './task-access.service';
import { TaskLoaders } from './task-loaders.service';
import { TaskStatus } from './task-status';
import { TaskChecklistItemEntity, TaskEntity, TaskUpdateEntity } from './task.entity';
import {
  ChecklistItemType,
  CreateTaskInput,
  TaskConnection,
  TaskFilter,
  TaskType,
  TaskUpdateType,
  UpdateTaskInput,
  UpdateTaskProgressInput,
} from './task.types';
import { TasksService } from './tasks.service';

@Resolver(() => TaskType)
export class TasksResolver {
  constructor(
    private readonly service: TasksService,
    private readonly access: TaskAccessService,
    private readonly loaders: TaskLoaders,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
    private readonly letters: LetterAccessService,
    private readonly policy: AccessPolicyService,
  ) {}

  @Query(() => TaskConnection, { description: "The caller's tasks by default; filter for those they gave out or of someone below them." })
  tasks(
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('filter', { type: () => TaskFilter, nullable: true }) filter?: TaskFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.service.list(principal, filter, first, after, ctx.loaders);
  }

  @Query(() => TaskType, { nullable: true })
  async task(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TaskEntity> {
    return (await this.access.readable(principal, id, ctx.loaders)).task;
  }

  @Mutation(() => TaskType)
  createTask(
    @Args('input') input: CreateTaskInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TaskEntity> {
    return this.service.create(principal, input, ctx.loaders);
  }

  @Mutation(() => TaskType)
  updateTask(
    @Args('input') input: UpdateTaskInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TaskEntity> {
    return this.service.update(principal, input, ctx.loaders);
  }

  @Mutation(() => TaskType)
  updateTaskProgress(
    @Args('input') input: UpdateTaskProgressInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TaskEntity> {
    return this.service.progress(principal, input, ctx.loaders);
  }

  @Mutation(() => TaskType)
  setChecklistItem(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('done') done: boolean,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TaskEntity> {
    return this.service.setChecklistItem(principal, taskId, itemId, done, ctx.loaders);
  }

  @ResolveField(() => UserType)
  creator(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(task.creatorId);
  }

  @ResolveField(() => [UserType])
  async assignees(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<UserEntity[]> {
    const ids = await this.loaders.assigneeIds(ctx.loaders).load(task.id);
    const users = await Promise.all(ids.map((id) => this.users.byId(ctx.loaders).load(id)));
    return users.filter((u): u is UserEntity => Boolean(u)).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  }

  @ResolveField(() => TaskType, { nullable: true })
  async parent(
    @Parent() task: TaskEntity,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<TaskEntity | null> {
    if (!task.parentId) return null;
    const parent = await this.loaders.task(ctx.loaders).load(task.parentId);
    if (!parent) return null;
    const assigneeIds = await this.loaders.assigneeIds(ctx.loaders).load(parent.id);
    // A subtask's people may not be the parent's: the parent shows only to whom it is open.
    return (await this.access.canRead(principal, { task: parent, assigneeIds }, ctx.loaders)) ? parent : null;
  }

  @ResolveField(() => [TaskType])
  subtasks(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<TaskEntity[]> {
    return this.loaders.subtasks(ctx.loaders).load(task.id);
  }

  @ResolveField(() => [ChecklistItemType])
  checklist(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<TaskChecklistItemEntity[]> {
    return this.loaders.checklist(ctx.loaders).load(task.id);
  }

  @ResolveField(() => SlaState, { nullable: true, description: 'As for assignments; none without a due time or once cancelled.' })
  slaState(@Parent() task: TaskEntity): SlaState | null {
    if (!task.dueAt || task.status === TaskStatus.CANCELLED) return null;
    return slaState({ dueAt: task.dueAt, dueSoonAt: task.dueSoonAt, completedAt: task.completedAt }, new Date());
  }

  @ResolveField(() => Int, { description: 'Minutes reported against this task in daily reports.' })
  spentMinutes(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<number> {
    return this.loaders.spentMinutes(ctx.loaders).load(task.id);
  }

  @ResolveField(() => PerformanceTargetType, { nullable: true })
  performanceTarget(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<PerformanceTargetEntity | null> | null {
    return task.performanceTargetId ? this.loaders.target(ctx.loaders).load(task.performanceTargetId) : null;
  }

  @ResolveField(() => DispositionAssignmentType, {
    nullable: true,
    description: 'The disposition assignment this task carries out, if any.',
  })
  async sourceAssignment(
    @Parent() task: TaskEntity,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<DispositionAssignmentEntity | null> {
    if (!task.sourceAssignmentId) return null;
    const assignment = await byIdLoader(ctx.loaders, this.dataSource, DispositionAssignmentEntity).load(task.sourceAssignmentId);
    if (!assignment) return null;
    // The letter's own access decides: a task can be open to people a classified letter is not.
    const readable = await this.letters.readableIds(await this.policy.viewerIds(principal, ctx.loaders), [assignment.letterId]);
    return readable.has(assignment.letterId) ? assignment : null;
  }

  @ResolveField(() => [TaskUpdateType])
  updates(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<TaskUpdateEntity[]> {
    return this.loaders.updates(ctx.loaders).load(task.id);
  }

  @ResolveField(() => [StoredFileType])
  files(@Parent() task: TaskEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity[]> {
    return this.loaders.files(ctx.loaders).load(`task:${task.id}`);
  }
}

@Resolver(() => TaskUpdateType)
export class TaskUpdatesResolver {
  constructor(
    private readonly loaders: TaskLoaders,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => UserType)
  author(@Parent() update: TaskUpdateEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(update.authorId);
  }

  @ResolveField(() => [StoredFileType])
  files(@Parent() update: TaskUpdateEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity[]> {
    return this.loaders.files(ctx.loaders).load(`update:${update.id}`);
  }
}
