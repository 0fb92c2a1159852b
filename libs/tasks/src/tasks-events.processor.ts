import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeopleDirectory } from '@gesit/identity';
import { DeputyNotices, NotificationsService, type NotifyInput } from '@gesit/notifications';
import { inTransaction, jobHandlers, QueueProcessor, type QueueProcessorHost } from '@gesit/platform';
import { WorkArrangementEntity } from './arrangements/work-arrangement.entity';
import { DailyReportEntity } from './daily-reports/daily-report.entity';
import { TaskEntity } from './tasks/task.entity';
import { TASKS_EVENTS, type TasksEvents } from './tasks-events';

const DECISION_TEXT: Record<string, string> = { APPROVED: 'disetujui', REJECTED: 'ditolak', REVOKED: 'dicabut' };
const DECISION_TEXT_EN: Record<string, string> = { APPROVED: 'approved', REJECTED: 'rejected', REVOKED: 'revoked' };

/** Tells people of hybrid work that concerns them: new tasks, reports to review and reviewed, arrangement requests and decisions. */
@Injectable()
@QueueProcessor({ queue: TASKS_EVENTS.queue, concurrency: 20 })
export class TasksEventsProcessor implements QueueProcessorHost {
  readonly process = jobHandlers<TasksEvents>({
    'task.assigned': async ({ taskId, assigneeIds }) => {
      const task = await this.dataSource.getRepository(TaskEntity).findOneBy({ id: taskId });
      if (!task) return { skipped: true };
      const creator = (await this.people.names([task.creatorId])).get(task.creatorId) ?? 'atasan Anda';
      return this.send(
        assigneeIds
          .filter((id) => id !== task.creatorId)
          .map((userId) => ({
            userId,
            kind: 'task.assigned',
            title: `Tugas baru dari ${creator}: "${task.title}"`,
            titleEn: `New task from ${creator}: "${task.title}"`,
            entityType: 'Task',
            entityId: task.id,
            dedupeKey: `task-${task.id}-assigned-${userId}`,
          })),
      );
    },
    // Completion tells nobody yet: the creator closed it themselves, or approved it from review.
    'task.completed': async () => ({ skipped: true }),
    'daily-report.submitted': async ({ reportId, reviewerId }) => {
      const report = await this.dataSource.getRepository(DailyReportEntity).findOneBy({ id: reportId });
      if (!report || !reviewerId) return { skipped: true };
      const owner = (await this.people.names([report.userId])).get(report.userId) ?? 'bawahan Anda';
      return this.send(
        await this.deputies.withDeputies([
          {
            userId: reviewerId,
            kind: 'daily-report.submitted',
            title: `Laporan kinerja harian ${owner} tanggal ${report.date} menunggu pemeriksaan Anda`,
            titleEn: `The daily performance report of ${owner} for ${report.date} is waiting for your review`,
            entityType: 'DailyReport',
            entityId: report.id,
            dedupeKey: `daily-report-${report.id}-submitted-${report.submittedAt?.getTime()}`,
          },
        ]),
      );
    },
    'daily-report.reviewed': async ({ reportId, approved }) => {
      const report = await this.dataSource.getRepository(DailyReportEntity).findOneBy({ id: reportId });
      if (!report) return { skipped: true };
      return this.send([
        {
          userId: report.userId,
          kind: 'daily-report.reviewed',
          title: approved
            ? `Laporan kinerja harian ${report.date} disetujui`
            : `Laporan kinerja harian ${report.date} dikembalikan untuk diperbaiki: ${report.reviewNote ?? ''}`.trim(),
          titleEn: approved
            ? `Daily performance report ${report.date} approved`
            : `Daily performance report ${report.date} returned for revision: ${report.reviewNote ?? ''}`.trim(),
          entityType: 'DailyReport',
          entityId: report.id,
          dedupeKey: `daily-report-${report.id}-reviewed-${report.reviewedAt?.getTime()}`,
        },
      ]);
    },
    'work-arrangement.requested': async ({ arrangementId, deciderId }) => {
      const arrangement = await this.dataSource.getRepository(WorkArrangementEntity).findOneBy({ id: arrangementId });
      if (!arrangement || !deciderId) return { skipped: true };
      const owner = (await this.people.names([arrangement.userId])).get(arrangement.userId) ?? 'bawahan Anda';
      return this.send(
        await this.deputies.withDeputies([
          {
            userId: deciderId,
            kind: 'work-arrangement.requested',
            title: `${owner} mengajukan fleksibilitas ${arrangement.kind === 'LOCATION' ? 'lokasi' : 'waktu'} kerja ${arrangement.startsOn} s.d. ${arrangement.endsOn}`,
            titleEn: `${owner} asks for flexible work ${arrangement.kind === 'LOCATION' ? 'location' : 'hours'} from ${arrangement.startsOn} to ${arrangement.endsOn}`,
            entityType: 'WorkArrangement',
            entityId: arrangement.id,
            dedupeKey: `work-arrangement-${arrangement.id}-requested`,
          },
        ]),
      );
    },
    'work-arrangement.decided': async ({ arrangementId, status }) => {
      const arrangement = await this.dataSource.getRepository(WorkArrangementEntity).findOneBy({ id: arrangementId });
      if (!arrangement) return { skipped: true };
      return this.send([
        {
          userId: arrangement.userId,
          kind: 'work-arrangement.decided',
          title: `Pengajuan fleksibilitas kerja ${arrangement.startsOn} s.d. ${arrangement.endsOn} ${DECISION_TEXT[status] ?? status}`,
          body: arrangement.decisionNote,
          titleEn: `Flexible work request ${arrangement.startsOn} to ${arrangement.endsOn} ${DECISION_TEXT_EN[status] ?? status}`,
          // The decider's own words, in whatever language they wrote them.
          bodyEn: arrangement.decisionNote,
          entityType: 'WorkArrangement',
          entityId: arrangement.id,
          dedupeKey: `work-arrangement-${arrangement.id}-${status}`,
        },
      ]);
    },
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleDirectory,
    private readonly deputies: DeputyNotices,
    private readonly notifications: NotificationsService,
  ) {}

  private async send(inputs: NotifyInput[]): Promise<{ notified: number }> {
    if (!inputs.length) return { notified: 0 };
    const ids = await inTransaction(this.dataSource, (em) => this.notifications.notifyMany(em, inputs));
    return { notified: ids.filter(Boolean).length };
  }
}
