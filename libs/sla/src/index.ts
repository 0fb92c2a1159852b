export { SlaModule, SlaWorkerModule } from './sla.module';
export { SlaReportService } from './report/sla-report.service';
export { RemindersService, SLA_QUEUE } from './reminders/reminders.service';
export { SlaSweepService } from './reminders/sla-sweep.service';
export { reminderJobId } from './reminders/reminder-texts';
export { DigestService, digestDedupeKey, digestDateAt, DIGEST_KIND } from './digest';
