export {
  DEFAULT_WORKING_HOURS,
  addWorkingMinutes,
  formatClock,
  isWorkingInstant,
  localDate,
  nextWorkingDayStart,
  parseClock,
  workingMinutesBetween,
} from './working-time';
export type { WorkingCalendar } from './working-time';
