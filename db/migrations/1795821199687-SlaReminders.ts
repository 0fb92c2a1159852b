import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaReminders1795821199687 implements MigrationInterface {
  name = 'SlaReminders1795821199687';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "disposition_assignment" ADD "reminded_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "disposition_assignment" ADD "escalation_level" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "disposition_assignment" ADD "next_escalation_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE INDEX "outbox_pending_job_idx" ON "outbox"  ("job_id") WHERE sent_at IS NULL');
    await queryRunner.query(
      'CREATE INDEX "assignment_open_escalation_idx" ON "disposition_assignment" ("next_escalation_at") WHERE "completed_at" IS NULL AND "cancelled_at" IS NULL AND "next_escalation_at" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "assignment_open_remind_idx" ON "disposition_assignment" ("due_soon_at") WHERE "completed_at" IS NULL AND "cancelled_at" IS NULL AND "reminded_at" IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "assignment_open_remind_idx"');
    await queryRunner.query('DROP INDEX "assignment_open_escalation_idx"');
    await queryRunner.query('DROP INDEX "public"."outbox_pending_job_idx"');
    await queryRunner.query('ALTER TABLE "disposition_assignment" DROP COLUMN "next_escalation_at"');
    await queryRunner.query('ALTER TABLE "disposition_assignment" DROP COLUMN "escalation_level"');
    await queryRunner.query('ALTER TABLE "disposition_assignment" DROP COLUMN "reminded_at"');
  }
}
