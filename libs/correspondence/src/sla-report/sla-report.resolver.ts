import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { SlaReportService } from './sla-report.service';
import { SlaReportType } from './sla-report.types';

@Resolver(() => SlaReportType)
export class SlaReportResolver {
  constructor(private readonly reports: SlaReportService) {}

  @Query(() => SlaReportType, {
    description: 'Assignments whose disposition was created in [from, to), for the unit and (by default) its sub-units.',
  })
  @Roles('LEADER', 'ADMIN')
  slaReport(
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @CurrentUser() principal: Principal,
    @Context() ctx: GraphqlContext,
    @Args('includeSubunits', { type: () => Boolean, nullable: true }) includeSubunits?: boolean,
  ): Promise<SlaReportType> {
    return this.reports.report(principal, { unitId, from, to, includeSubunits }, ctx.loaders);
  }
}
