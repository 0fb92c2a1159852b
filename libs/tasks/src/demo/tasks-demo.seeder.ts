import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { localDate } from '@gesit/calendar';
import { DEMO_PEOPLE, UserEntity } from '@gesit/identity';
import { DEFAULT_TIME_ZONE } from '@gesit/organisation';
import { AppConfig, inTransaction } from '@gesit/platform';
import { WorkArrangementEntity, WorkArrangementKind, WorkArrangementStatus } from '../arrangements/work-arrangement.entity';
import { DailyReportEntity, DailyReportEntryEntity, DailyReportStatus } from '../daily-reports/daily-report.entity';
import { addDays, instantOf } from '../shared/local-days';
import { PerformanceTargetEntity } from '../targets/performance-target.entity';
import { TaskPriority, TaskStatus } from '../tasks/task-status';
import { TaskAssigneeEntity, TaskChecklistItemEntity, TaskEntity } from '../tasks/task.entity';
import { WorkMode } from '../work-mode';
import { DEMO_TARGETS, DEMO_TASKS, DEMO_TEAMS, demoReports } from './demo-hybrid-work';

// API processes may start together: one seeds, the others then find tasks.
const TASKS_DEMO_LOCK = 724_115;
const HOME_ON_FRIDAY = 'pranata-komputer';

/**
 * In development, once the demo organisation exists and no task does: a week of tasks, targets, reports
 * (some waiting for review) and one approved arrangement, so that a new user sees a living team.
 */
@Injectable()
export class TasksDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Tasks');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.production || !this.config.seedDemo) return;
    const seeded = await inTransaction(this.dataSource, async (em) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [TASKS_DEMO_LOCK]);
      if (await em.exists(TaskEntity)) return false;
      const users = await em.findBy(UserEntity, { nip: In(DEMO_PEOPLE.map((p) => p.nip)) });
      const byKey = new Map(DEMO_PEOPLE.map((p) => [p.key, users.find((u) => u.nip === p.nip)?.id]));
      if ([...byKey.values()].some((id) => !id)) return false;
      await this.seed(em, (key) => byKey.get(key)!, new Date());
      return true;
    });
    if (seeded) this.logger.log('seeded a week of demo tasks, targets, daily reports and a flexible-work arrangement');
  }

  async seed(em: EntityManager, id: (key: string) => string, now: Date): Promise<void> {
    const today = localDate(now, DEFAULT_TIME_ZONE);
    const year = Number(today.slice(0, 4));
    const targets = new Map<string, string[]>();
    for (const [staff, list] of Object.entries(DEMO_TARGETS)) {
      const rows = list.map((t) => ({ id: randomUUID(), userId: id(staff), year, ...t }));
      await em.insert(PerformanceTargetEntity, rows);
      targets.set(
        staff,
        rows.map((r) => r.id),
      );
    }
    const superiorOf = new Map(DEMO_TEAMS.map((t) => [t.staff, t.superior]));
    for (const task of DEMO_TASKS) {
      const taskId = randomUUID();
      const dueAt = instantOf(addDays(today, task.dueInDays), '15:00', DEFAULT_TIME_ZONE);
      const done = task.status === TaskStatus.DONE;
      await em.insert(TaskEntity, {
        id: taskId,
        title: task.title,
        description: null,
        status: task.status as TaskStatus,
        priority: TaskPriority.NORMAL,
        progress:
          done || task.status === TaskStatus.IN_REVIEW
            ? 100
            : task.checklist.length
              ? Math.floor((task.checklist.filter(([, d]) => d).length * 100) / task.checklist.length)
              : 30,
        creatorId: id(task.byStaff ? task.staff : superiorOf.get(task.staff)!),
        actingForId: null,
        parentId: null,
        startAt: null,
        dueAt,
        dueSoonAt: new Date(dueAt.getTime() - 86_400_000),
        estimateMinutes: task.estimateMinutes,
        recurrence: task.recurrence ?? null,
        performanceTargetId: task.target === null ? null : targets.get(task.staff)![task.target],
        sourceAssignmentId: null,
        completedAt: done ? new Date(dueAt.getTime() - 3_600_000) : null,
      });
      await em.insert(TaskAssigneeEntity, { taskId, userId: id(task.staff) });
      if (task.checklist.length)
        await em.insert(
          TaskChecklistItemEntity,
          task.checklist.map(([text, ticked], position) => ({ id: randomUUID(), taskId, position, text, done: ticked })),
        );
    }
    for (const { staff, superior } of DEMO_TEAMS) {
      for (const report of demoReports(today, staff === HOME_ON_FRIDAY)) {
        const reportId = randomUUID();
        const submittedAt = instantOf(report.date, '16:05', DEFAULT_TIME_ZONE);
        const approved = report.status === 'APPROVED';
        await em.insert(DailyReportEntity, {
          id: reportId,
          userId: id(staff),
          date: report.date,
          workMode: report.workMode as WorkMode,
          status: report.status as DailyReportStatus,
          totalMinutes: report.entries.reduce((sum, e) => sum + e.minutes, 0),
          note: null,
          submittedAt,
          reviewedById: approved ? id(superior) : null,
          reviewedAt: approved ? new Date(submittedAt.getTime() + 18 * 3_600_000) : null,
          reviewNote: null,
        });
        await em.insert(
          DailyReportEntryEntity,
          report.entries.map((e, position) => ({
            id: randomUUID(),
            reportId,
            position,
            ...e,
            taskId: null,
            performanceTargetId: e.outputQuantity ? targets.get(staff)![0] : null,
            output: e.outputQuantity ? 'Dokumen' : null,
          })),
        );
      }
    }
    await em.insert(WorkArrangementEntity, {
      id: randomUUID(),
      userId: id(HOME_ON_FRIDAY),
      kind: WorkArrangementKind.LOCATION,
      workMode: WorkMode.HOME,
      weekdays: [5],
      startTime: null,
      endTime: null,
      startsOn: addDays(today, -14),
      endsOn: addDays(today, 90),
      reason: 'Bekerja dari rumah setiap Jumat untuk pemeliharaan server di luar jam layanan',
      status: WorkArrangementStatus.APPROVED,
      deciderId: id('kabid-aptika'),
      decidedById: id('kabid-aptika'),
      decidedAt: instantOf(addDays(today, -15), '10:00', DEFAULT_TIME_ZONE),
      decisionNote: 'Disetujui',
    });
  }
}
