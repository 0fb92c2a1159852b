import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { FailedJobConnection, FailedJobType } from './failed-job.type';
import { FailedJobsService } from './failed-jobs.service';

/** ADMIN: the failed-jobs view of the background queues (the GraphQL counterpart of a Bull Board page). */
@Resolver(() => FailedJobType)
@Roles('ADMIN')
export class FailedJobsResolver {
  constructor(private readonly service: FailedJobsService) {}

  @Query(() => FailedJobConnection, {
    description: 'ADMIN: background jobs that failed after their last attempt, newest failure first, in every known queue or in one.',
  })
  failedJobs(
    @Args('queue', { type: () => String, nullable: true }) queue?: string | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    return this.service.list(queue, first, after);
  }

  @Mutation(() => Boolean, { description: 'ADMIN: runs one failed job again (recorded in the audit log as job.retried).' })
  retryFailedJob(
    @CurrentUser() principal: Principal,
    @Args('queue') queue: string,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.service.retry(principal.userId, queue, id);
  }
}
