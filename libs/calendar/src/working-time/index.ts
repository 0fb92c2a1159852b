export {
  DEFAULT_WORKING_HOURS,
  addWorkingMinutes,
  formatClock,
  hoursOn,
  isWorkingInstant,
  localDate,
  nextWorkingDayStart,
  overrideOn,
  parseClock,
  withOverrides,
  workingMinutesBetween,
  zoneOffsetMs,
} from './working-time';
export type { HoursOverride, WorkingCalendar } from './working-time';
