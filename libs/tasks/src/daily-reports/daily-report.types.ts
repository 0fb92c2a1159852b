import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '@gesit/platform';
import { WorkMode } from '../work-mode';
import { DailyReportStatus } from './daily-report.entity';

@ObjectType('DailyReportEntry')
export class DailyReportEntryType {
  @Field(() => ID)
  id: string;

  @Field()
  startTime: string;

  @Field()
  endTime: string;

  @Field(() => Int)
  minutes: number;

  @Field()
  activity: string;

  @Field(() => Int, { nullable: true })
  outputQuantity: number | null;

  @Field(() => String, { nullable: true })
  output: string | null;
}

@ObjectType('DailyReport')
export class DailyReportType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => WorkMode)
  workMode: WorkMode;

  @Field(() => Int)
  totalMinutes: number;

  @Field(() => DailyReportStatus)
  status: DailyReportStatus;

  @Field(() => String, { nullable: true, description: 'Why work was reported on a day off.' })
  note: string | null;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true })
  reviewNote: string | null;
}

@InputType()
export class DailyReportEntryInput {
  @Field()
  startTime: string;

  @Field()
  endTime: string;

  @Field()
  activity: string;

  @Field(() => ID, { nullable: true })
  taskId?: string | null;

  @Field(() => ID, { nullable: true })
  performanceTargetId?: string | null;

  @Field(() => Int, { nullable: true })
  outputQuantity?: number | null;

  @Field(() => String, { nullable: true })
  output?: string | null;

  @Field(() => [ID], { nullable: true })
  evidenceFileIds?: string[] | null;
}

@InputType()
export class SaveDailyReportInput {
  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => WorkMode)
  workMode: WorkMode;

  @Field(() => [DailyReportEntryInput])
  entries: DailyReportEntryInput[];

  @Field({ description: 'false keeps it as DRAFT.' })
  submit: boolean;

  @Field(() => String, { nullable: true, description: 'On a day off: why work was done (needed when an entry names no task).' })
  note?: string | null;
}

@InputType()
export class ReviewDailyReportInput {
  @Field(() => ID)
  reportId: string;

  @Field()
  approve: boolean;

  @Field(() => String, { nullable: true })
  note?: string | null;
}
