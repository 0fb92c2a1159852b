import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '@gesit/platform';
import { WorkMode } from '../work-mode';
import { WorkArrangementKind, WorkArrangementStatus } from './work-arrangement.entity';

@ObjectType('WorkArrangement')
export class WorkArrangementType {
  @Field(() => ID)
  id: string;

  @Field(() => WorkArrangementKind)
  kind: WorkArrangementKind;

  @Field(() => WorkMode, { nullable: true })
  workMode: WorkMode | null;

  @Field(() => [Int], { description: 'ISO weekdays 1 (Monday) .. 7.' })
  weekdays: number[];

  @Field(() => String, { nullable: true, description: 'For TIME: the working hours, e.g. 06:30-15:00.' })
  startTime: string | null;

  @Field(() => String, { nullable: true })
  endTime: string | null;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field()
  reason: string;

  @Field(() => WorkArrangementStatus)
  status: WorkArrangementStatus;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;
}

@InputType()
export class RequestWorkArrangementInput {
  @Field(() => WorkArrangementKind)
  kind: WorkArrangementKind;

  @Field(() => WorkMode, { nullable: true })
  workMode?: WorkMode | null;

  @Field(() => [Int])
  weekdays: number[];

  @Field(() => String, { nullable: true })
  startTime?: string | null;

  @Field(() => String, { nullable: true })
  endTime?: string | null;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field()
  reason: string;

  @Field(() => [ID], { nullable: true })
  fileIds?: string[] | null;
}
