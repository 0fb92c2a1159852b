import { Module } from '@nestjs/common';
import { CalendarModule } from '@gesit/calendar';
import { LetterAccessService } from '@gesit/correspondence';
import { IdentityModule } from '@gesit/identity';
import { NotificationsModule } from '@gesit/notifications';
import { OrganisationModule } from '@gesit/organisation';
import { DigestService } from './digest/digest.service';
import { CorrespondenceEventsProcessor } from './reminders/correspondence-events.processor';
import { RemindersService } from './reminders/reminders.service';
import { SlaSweepService } from './reminders/sla-sweep.service';
import { SlaProcessor } from './reminders/sla.processor';
import { SlaReportResolver } from './report/sla-report.resolver';
import { SlaReportService } from './report/sla-report.service';

/** SLA follow-up of dispositions in the API: the leaders' report. */
@Module({
  imports: [IdentityModule, OrganisationModule],
  providers: [SlaReportService, SlaReportResolver],
  exports: [SlaReportService],
})
export class SlaModule {}

/** SLA follow-up in the worker: reminders, due notices, escalation and the sweep that repairs lost jobs. */
@Module({
  imports: [CalendarModule, IdentityModule, NotificationsModule],
  // LetterAccessService: whether a superior may read the letter an escalation is about (it needs only the database).
  providers: [LetterAccessService, RemindersService, SlaSweepService, DigestService, SlaProcessor, CorrespondenceEventsProcessor],
  exports: [RemindersService, SlaSweepService, DigestService],
})
export class SlaWorkerModule {}
