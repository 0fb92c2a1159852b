import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UnitEntity, UnitsService, UnitType } from '@gesit/organisation';
import { CurrentUser, GraphqlContext, Principal, Roles } from '@gesit/platform';
import { CalendarService } from './calendar.service';
import { AddHolidayInput, HolidayType, SetSlaPolicyInput, SetWorkingHoursInput, SlaPolicyType, WorkingHoursType } from './calendar.types';

@Resolver(() => HolidayType)
export class CalendarResolver {
  constructor(
    private readonly calendar: CalendarService,
    private readonly units: UnitsService,
  ) {}

  @Query(() => [HolidayType])
  holidays(@Args('year', { type: () => Int }) year: number): Promise<HolidayType[]> {
    return this.calendar.holidays(year);
  }

  @Query(() => [SlaPolicyType])
  slaPolicies(): Promise<SlaPolicyType[]> {
    return this.calendar.policyList();
  }

  @Query(() => WorkingHoursType)
  async workingHours(@Args('unitId', { type: () => ID, nullable: true }) unitId?: string): Promise<WorkingHoursType> {
    return (await this.calendar.calendarFor(unitId ?? null)).hours;
  }

  @Query(() => Date, { description: 'The due time that SLA arithmetic gives, for planning and for clients to show.' })
  computeDueAt(
    @Args('start') start: Date,
    @Args('workingHours', { type: () => Int }) workingHours: number,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
  ): Promise<Date> {
    return this.calendar.dueAt(start, workingHours, unitId ?? null);
  }

  @Mutation(() => HolidayType)
  @Roles('ADMIN')
  addHoliday(@Args('input') input: AddHolidayInput, @CurrentUser() actor: Principal): Promise<HolidayType> {
    return this.calendar.addHoliday(actor, input);
  }

  @Mutation(() => Boolean)
  @Roles('ADMIN')
  removeHoliday(@Args('id', { type: () => ID }) id: string, @CurrentUser() actor: Principal): Promise<boolean> {
    return this.calendar.removeHoliday(actor, id);
  }

  @Mutation(() => Int, {
    description:
      'ADMIN: loads the holidays of a year from the JSON of its decree (SKB), shaped like data/holidays-id-2026.json; returns the days added.',
  })
  @Roles('ADMIN')
  importHolidays(@Args('json') json: string, @CurrentUser() actor: Principal): Promise<number> {
    return this.calendar.importHolidays(actor, json);
  }

  @Mutation(() => SlaPolicyType)
  @Roles('ADMIN')
  setSlaPolicy(@Args('input') input: SetSlaPolicyInput, @CurrentUser() actor: Principal): Promise<SlaPolicyType> {
    return this.calendar.setSlaPolicy(actor, input);
  }

  @Mutation(() => WorkingHoursType)
  @Roles('ADMIN')
  async setWorkingHours(@Args('input') input: SetWorkingHoursInput, @CurrentUser() actor: Principal): Promise<WorkingHoursType> {
    const row = await this.calendar.setWorkingHours(actor, input);
    return { weekdays: row.weekdays, start: row.start, end: row.end };
  }

  @ResolveField(() => UnitType, { nullable: true, description: 'The unit (with its sub-units) a REGIONAL holiday applies to.' })
  unit(@Parent() holiday: HolidayType, @Context() ctx: GraphqlContext): Promise<UnitEntity | null> | null {
    return holiday.unitId ? this.units.byId(ctx.loaders).load(holiday.unitId) : null;
  }
}
