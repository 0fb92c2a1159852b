import { Field, Int, ObjectType } from '@nestjs/graphql';
import { UserType } from '@gesit/identity';
import { WorkMode } from '../work-mode';

@ObjectType('WorkloadRow')
export class WorkloadRowType {
  userId: string;

  /** Read by the rows' statement: a resolver or an entity per row costs more than the statement for a large team. */
  @Field(() => UserType)
  user: UserType;

  @Field(() => Int)
  openTasks: number;

  @Field(() => Int)
  overdueTasks: number;

  @Field(() => Int)
  openAssignments: number;

  @Field(() => Int)
  overdueAssignments: number;

  @Field(() => Int, {
    description:
      "Estimated minutes of open work due within the next 5 working days (overdue work included), against the person's working minutes in them.",
  })
  plannedMinutes: number;

  @Field(() => Int)
  capacityMinutes: number;

  @Field(() => Int)
  minutesReportedThisWeek: number;

  @Field(() => Int, { description: 'Working days of this week without a submitted report, up to yesterday.' })
  missingReports: number;

  @Field(() => Int)
  pendingReports: number;

  @Field(() => WorkMode, { nullable: true, description: "Work mode today, from the day's report or the approved arrangement." })
  workModeToday: WorkMode | null;

  @Field(() => WorkMode, { nullable: true, description: "Work mode of the user's latest daily report." })
  lastWorkMode: WorkMode | null;
}
