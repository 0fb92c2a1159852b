import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { UserType } from '@gesit/identity';
import { UnitType } from '@gesit/organisation';

@ObjectType('SlaAssigneeRow')
export class SlaAssigneeRowType {
  @Field(() => UserType)
  assignee: unknown;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int)
  completedOnTime: number;

  @Field(() => Int)
  completedLate: number;

  @Field(() => Float, { nullable: true })
  medianCompletionWorkingHours: number | null;
}

@ObjectType('SlaUnitRow')
export class SlaUnitRowType {
  @Field(() => UnitType)
  unit: unknown;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  overdue: number;

  @Field(() => Int)
  completedOnTime: number;

  @Field(() => Int)
  completedLate: number;

  @Field(() => Float, { nullable: true })
  onTimeRate: number | null;
}

@ObjectType('SlaReport')
export class SlaReportType {
  @Field(() => UnitType)
  unit: unknown;

  @Field()
  from: Date;

  @Field()
  to: Date;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  completedOnTime: number;

  @Field(() => Int)
  completedLate: number;

  @Field(() => Int)
  openOnTrack: number;

  @Field(() => Int)
  openDueSoon: number;

  @Field(() => Int)
  openOverdue: number;

  @Field(() => Float, {
    nullable: true,
    description: 'completedOnTime / (completedOnTime + completedLate); null when nothing was completed.',
  })
  onTimeRate: number | null;

  @Field(() => Float, { nullable: true })
  medianCompletionWorkingHours: number | null;

  @Field(() => Float, { nullable: true })
  p90CompletionWorkingHours: number | null;

  @Field(() => [SlaAssigneeRowType])
  byAssignee: SlaAssigneeRowType[];

  @Field(() => [SlaUnitRowType])
  bySubunit: SlaUnitRowType[];
}
