import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hybrid work's notices were stored under generic kinds (TASK, REMINDER, REVIEW, …) that people could not choose
 * channels for; they now have kinds of their own. Stored rows are renamed so that lists and filters agree.
 */
export class HybridWorkNotificationKinds1796085000000 implements MigrationInterface {
  name = 'HybridWorkNotificationKinds1796085000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE notification SET kind = CASE
          WHEN kind = 'TASK' THEN 'task.assigned'
          WHEN kind = 'REMINDER' AND entity_type = 'Task' THEN 'task.due-soon'
          WHEN kind = 'OVERDUE' AND entity_type = 'Task' THEN 'task.overdue'
          WHEN kind = 'ESCALATION' AND entity_type = 'Task' THEN 'task.escalated'
          WHEN kind = 'REMINDER' AND dedupe_key LIKE 'daily-report-missing-%' THEN 'daily-report.missing'
          WHEN kind = 'REMINDER' AND dedupe_key LIKE 'daily-reports-waiting-%' THEN 'daily-report.review-overdue'
          WHEN kind = 'REVIEW' AND dedupe_key LIKE 'daily-report-%-submitted-%' THEN 'daily-report.submitted'
          WHEN kind = 'REVIEW' THEN 'daily-report.reviewed'
          WHEN kind = 'APPROVAL' AND dedupe_key LIKE 'work-arrangement-%-requested' THEN 'work-arrangement.requested'
          WHEN kind = 'APPROVAL' THEN 'work-arrangement.decided'
        END
       WHERE (kind IN ('TASK', 'REVIEW') AND entity_type IN ('Task', 'DailyReport'))
          OR (kind IN ('REMINDER', 'OVERDUE', 'ESCALATION') AND entity_type = 'Task')
          OR (kind = 'REMINDER' AND (dedupe_key LIKE 'daily-report-missing-%' OR dedupe_key LIKE 'daily-reports-waiting-%'))
          OR (kind = 'APPROVAL' AND entity_type = 'WorkArrangement')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE notification SET kind = CASE kind
          WHEN 'task.assigned' THEN 'TASK'
          WHEN 'task.due-soon' THEN 'REMINDER'
          WHEN 'task.overdue' THEN 'OVERDUE'
          WHEN 'task.escalated' THEN 'ESCALATION'
          WHEN 'daily-report.missing' THEN 'REMINDER'
          WHEN 'daily-report.review-overdue' THEN 'REMINDER'
          WHEN 'daily-report.submitted' THEN 'REVIEW'
          WHEN 'daily-report.reviewed' THEN 'REVIEW'
          WHEN 'work-arrangement.requested' THEN 'APPROVAL'
          WHEN 'work-arrangement.decided' THEN 'APPROVAL'
        END
       WHERE kind IN ('task.assigned', 'task.due-soon', 'task.overdue', 'task.escalated', 'daily-report.missing',
                      'daily-report.review-overdue', 'daily-report.submitted', 'daily-report.reviewed',
                      'work-arrangement.requested', 'work-arrangement.decided')`);
  }
}
