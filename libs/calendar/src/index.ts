export * from './working-time';
export { HolidayEntity, HolidayKind, SlaPolicyEntity, Urgency, WorkingHoursEntity } from './calendar.entities';
export { CalendarService, type UnitCalendar } from './calendar.service';
export { CalendarModule } from './calendar.module';
export { HolidayType, SlaPolicyType, WorkingHoursType } from './calendar.types';
export { parseHolidayDecree } from './holidays-import';
export * from './sla';
export { localTime, yearIn, monthIn } from './local-time';
