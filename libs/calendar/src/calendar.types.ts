import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@gesit/platform';
import { HolidayKind, Urgency } from './calendar.entities';
import { SlaState } from './sla';

registerEnumType(HolidayKind, { name: 'HolidayKind' });
registerEnumType(Urgency, { name: 'Urgency' });
registerEnumType(SlaState, { name: 'SlaState' });

@ObjectType('Holiday')
export class HolidayType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  date: string;

  @Field()
  name: string;

  @Field(() => HolidayKind)
  kind: HolidayKind;

  unitId: string | null;
}

@ObjectType('SlaPolicy')
export class SlaPolicyType {
  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Int, { description: 'Working hours from receipt (or from the disposition) to the due time.' })
  workingHours: number;

  @Field(() => Float, { description: 'Notify the assignee when this share of the SLA has elapsed (0..1).' })
  remindAtFraction: number;

  @Field(() => Int, { description: "Escalate to the assignee's superior this many working hours after the due time; repeated each time." })
  escalateEveryWorkingHours: number;
}

@ObjectType('WorkingHours')
export class WorkingHoursType {
  @Field(() => [Int], { description: 'ISO weekday numbers, 1 = Monday.' })
  weekdays: number[];

  @Field({ description: 'Local time, HH:MM.' })
  start: string;

  @Field({ description: 'Local time, HH:MM.' })
  end: string;
}

@InputType()
export class AddHolidayInput {
  @Field(() => LocalDateScalar)
  date: string;

  @Field()
  name: string;

  @Field(() => HolidayKind)
  kind: HolidayKind;

  @Field(() => ID, { nullable: true, description: 'Only for REGIONAL.' })
  unitId?: string | null;
}

@InputType()
export class SetSlaPolicyInput {
  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => Int)
  workingHours: number;

  @Field(() => Float, { nullable: true })
  remindAtFraction?: number | null;

  @Field(() => Int, { nullable: true })
  escalateEveryWorkingHours?: number | null;
}

@InputType()
export class SetWorkingHoursInput {
  @Field(() => ID, { nullable: true, description: "The unit; empty sets the organisation's default." })
  unitId?: string | null;

  @Field(() => [Int])
  weekdays: number[];

  @Field()
  start: string;

  @Field()
  end: string;
}
