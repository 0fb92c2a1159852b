// For the bench and tests, never production code: the statement and texts the bench must run exactly as the
// worker does, without making them part of the library's public surface.
export { SWEEP_SQL } from './reminders/sla-sweep.service';
export { dueSoonText } from './reminders/reminder-texts';
export { REMIND_JOB } from './reminders/reminders.service';
