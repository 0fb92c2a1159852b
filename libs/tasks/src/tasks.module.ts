import { Module, OnModuleInit } from '@nestjs/common';
import { CalendarModule } from '@gesit/calendar';
import { CorrespondenceModule } from '@gesit/correspondence';
import { FileAccessRegistry, FilesModule } from '@gesit/files';
import { IdentityModule } from '@gesit/identity';
import { NotificationsModule } from '@gesit/notifications';
import { OrganisationModule } from '@gesit/organisation';
import { lazyTotalCountResolver } from '@gesit/platform';
import { ArrangementsResolver } from './arrangements/arrangements.resolver';
import { ArrangementsService } from './arrangements/arrangements.service';
import { DailyReportExportService } from './daily-reports/daily-report-export.service';
import { DailyReportsController } from './daily-reports/daily-reports.controller';
import { DailyReportEntriesResolver, DailyReportLoaders, DailyReportsResolver } from './daily-reports/daily-reports.resolver';
import { DailyReportsService } from './daily-reports/daily-reports.service';
import { WorkloadResolver } from './workload/workload.resolver';
import { WorkloadService } from './workload/workload.service';
import { DailyReportRemindersService } from './daily-reports/daily-report-reminders.service';
import { TaskFollowUpProcessor } from './task-follow-up.processor';
import { TasksEventsProcessor } from './tasks-events.processor';
import { TaskFollowUpService, TaskFollowUpSweepService } from './tasks/task-follow-up.service';
import { PersonalCalendars } from './shared/personal-calendars.service';
import { TasksDemoSeeder } from './demo/tasks-demo.seeder';
import { TargetsResolver } from './targets/targets.resolver';
import { TargetsService } from './targets/targets.service';
import { SupervisionService } from './shared/supervision.service';
import { TaskAccessService } from './tasks/task-access.service';
import { TaskLoaders } from './tasks/task-loaders.service';
import { TaskConnection } from './tasks/task.types';
import { TasksResolver, TaskUpdatesResolver } from './tasks/tasks.resolver';
import { TasksService } from './tasks/tasks.service';
import { TasksJournalService } from './tasks-journal.service';
import { TaskFileAccess } from './tasks/task-file-access';

@Module({
  imports: [CalendarModule, CorrespondenceModule, FilesModule, IdentityModule, OrganisationModule],
  providers: [
    TasksJournalService,
    TaskAccessService,
    SupervisionService,
    TaskLoaders,
    TasksService,
    TasksResolver,
    TaskUpdatesResolver,
    lazyTotalCountResolver(TaskConnection),
    TargetsService,
    TargetsResolver,
    TaskFileAccess,
    DailyReportsService,
    DailyReportLoaders,
    DailyReportsResolver,
    DailyReportEntriesResolver,
    DailyReportExportService,
    ArrangementsService,
    ArrangementsResolver,
    WorkloadService,
    WorkloadResolver,
    TasksDemoSeeder,
    PersonalCalendars,
  ],
  controllers: [DailyReportsController],
  exports: [TasksService, TaskAccessService, DailyReportsService],
})
export class TasksModule implements OnModuleInit {
  constructor(
    private readonly fileAccess: FileAccessRegistry,
    private readonly taskFiles: TaskFileAccess,
  ) {}

  /** Files on tasks, daily reports and arrangements are open to the people of what holds them and their leaders. */
  onModuleInit(): void {
    this.fileAccess.register((principal, file) => this.taskFiles.canRead(principal, file.id));
  }
}

/** The worker's side: task reminders, overdue notices, escalation and their sweep, and the daily report reminders. */
@Module({
  imports: [NotificationsModule, IdentityModule, CalendarModule],
  providers: [
    TaskFollowUpProcessor,
    TasksEventsProcessor,
    TaskFollowUpService,
    TaskFollowUpSweepService,
    DailyReportRemindersService,
    PersonalCalendars,
  ],
  exports: [DailyReportRemindersService, TaskFollowUpService, TaskFollowUpSweepService],
})
export class TasksWorkerModule {}
