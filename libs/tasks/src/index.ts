export { WorkMode } from './work-mode';
export { TaskEntity, TaskAssigneeEntity, TaskChecklistItemEntity, TaskUpdateEntity, TaskFileEntity } from './tasks/task.entity';
export { TaskStatus, TaskPriority } from './tasks/task-status';
export { PerformanceTargetEntity } from './targets/performance-target.entity';
export {
  DailyReportEntity,
  DailyReportEntryEntity,
  DailyReportEvidenceEntity,
  DailyReportStatus,
} from './daily-reports/daily-report.entity';
export {
  WorkArrangementEntity,
  WorkArrangementFileEntity,
  WorkArrangementKind,
  WorkArrangementStatus,
} from './arrangements/work-arrangement.entity';
export * from './tasks-events';
export { TasksModule, TasksWorkerModule } from './tasks.module';
export { TASK_FOLLOW_UPS, type TaskFollowUpJobs, taskJobId, taskEscalationJobId } from './task-follow-ups';
export { DailyReportRemindersService, missingReportKey, waitingReportsKey } from './daily-reports/daily-report-reminders.service';
export { TaskFollowUpService, TaskFollowUpSweepService } from './tasks/task-follow-up.service';
export { TEAM_WORKLOAD_SQL, teamWorkloadParams } from './workload/workload.sql';
export { WorkloadService } from './workload/workload.service';
export { PersonalCalendars } from './shared/personal-calendars.service';
export { DailyReportsService } from './daily-reports/daily-reports.service';
