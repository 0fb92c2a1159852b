import { Injectable } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { StoredFileEntity, StoredFileType } from '@gesit/files';
import { UserEntity, UsersService, UserType } from '@gesit/identity';
import { byColumnLoader, CurrentUser, groupByKeys, GraphqlContext, LocalDateScalar, Loaders, Principal } from '@gesit/platform';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { PerformanceTargetType } from '../targets/performance-target.type';
import { TaskLoaders } from '../tasks/task-loaders.service';
import { TaskEntity } from '../tasks/task.entity';
import { TaskType } from '../tasks/task.types';
import { DailyReportEntity, DailyReportEntryEntity } from './daily-report.entity';
import { DailyReportEntryType, DailyReportType, ReviewDailyReportInput, SaveDailyReportInput } from './daily-report.types';
import { DailyReportsService } from './daily-reports.service';

/** Per-request loaders of report entries and their evidence. */
@Injectable()
export class DailyReportLoaders {
  constructor(private readonly dataSource: DataSource) {}

  entries(loaders: Loaders): DataLoader<string, DailyReportEntryEntity[]> {
    return byColumnLoader(loaders, this.dataSource, DailyReportEntryEntity, 'reportId', { position: 'ASC' });
  }

  evidence(loaders: Loaders): DataLoader<string, StoredFileEntity[]> {
    return loaders.get(
      'tasks.reportEvidence',
      () =>
        new DataLoader(async (entryIds: readonly string[]) => {
          const rows: { entry_id: string; file_id: string }[] = await this.dataSource.query(
            'SELECT entry_id, file_id FROM daily_report_evidence WHERE entry_id = ANY($1::uuid[])',
            [entryIds],
          );
          const files = new Map(
            (await this.dataSource.getRepository(StoredFileEntity).findBy({ id: In(rows.map((r) => r.file_id)) })).map((f) => [f.id, f]),
          );
          return groupByKeys(entryIds, rows, (r) => r.entry_id).map((g) =>
            g.map((r) => files.get(r.file_id)).filter((f): f is StoredFileEntity => Boolean(f)),
          );
        }),
    );
  }
}

@Resolver(() => DailyReportType)
export class DailyReportsResolver {
  constructor(
    private readonly reports: DailyReportsService,
    private readonly loaders: DailyReportLoaders,
    private readonly users: UsersService,
  ) {}

  @Query(() => [DailyReportType])
  dailyReports(
    @Args('from', { type: () => LocalDateScalar }) from: string,
    @Args('to', { type: () => LocalDateScalar }) to: string,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string,
  ): Promise<DailyReportEntity[]> {
    return this.reports.list(principal, userId, from, to, ctx.loaders);
  }

  @Query(() => [DailyReportType], { description: 'Reports of the people below the caller waiting for review.' })
  reportsToReview(
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true, description: 'The id of the last report of the previous page.' }) after?: string,
  ): Promise<DailyReportEntity[]> {
    return this.reports.toReview(principal, first, after, ctx.loaders);
  }

  @Mutation(() => DailyReportType)
  saveDailyReport(
    @Args('input') input: SaveDailyReportInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<DailyReportEntity> {
    return this.reports.save(principal, input, ctx.loaders);
  }

  @Mutation(() => DailyReportType, {
    description:
      "The person's superior (or their Plh/Plt): approve a submitted report (it locks), or return it with a note (it opens for editing); returning a draft reopens it after its deadline.",
  })
  reviewDailyReport(
    @Args('input') input: ReviewDailyReportInput,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
  ): Promise<DailyReportEntity> {
    return this.reports.review(principal, input, ctx.loaders);
  }

  @ResolveField(() => UserType)
  user(@Parent() report: DailyReportEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> {
    return this.users.byId(ctx.loaders).load(report.userId);
  }

  @ResolveField(() => UserType, { nullable: true })
  reviewedBy(@Parent() report: DailyReportEntity, @Context() ctx: GraphqlContext): Promise<UserEntity | null> | null {
    return report.reviewedById ? this.users.byId(ctx.loaders).load(report.reviewedById) : null;
  }

  @ResolveField(() => [DailyReportEntryType])
  entries(@Parent() report: DailyReportEntity, @Context() ctx: GraphqlContext): Promise<DailyReportEntryEntity[]> {
    return this.loaders.entries(ctx.loaders).load(report.id);
  }
}

@Resolver(() => DailyReportEntryType)
export class DailyReportEntriesResolver {
  constructor(
    private readonly loaders: DailyReportLoaders,
    private readonly tasks: TaskLoaders,
  ) {}

  @ResolveField(() => TaskType, { nullable: true })
  task(@Parent() entry: DailyReportEntryEntity, @Context() ctx: GraphqlContext): Promise<TaskEntity | null> | null {
    return entry.taskId ? this.tasks.task(ctx.loaders).load(entry.taskId) : null;
  }

  @ResolveField(() => PerformanceTargetType, { nullable: true })
  performanceTarget(
    @Parent() entry: DailyReportEntryEntity,
    @Context() ctx: GraphqlContext,
  ): Promise<PerformanceTargetEntity | null> | null {
    return entry.performanceTargetId ? this.tasks.target(ctx.loaders).load(entry.performanceTargetId) : null;
  }

  @ResolveField(() => [StoredFileType])
  evidence(@Parent() entry: DailyReportEntryEntity, @Context() ctx: GraphqlContext): Promise<StoredFileEntity[]> {
    return this.loaders.evidence(ctx.loaders).load(entry.id);
  }
}
