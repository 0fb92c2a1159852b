import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskFollowUps1796076631874 implements MigrationInterface {
  name = 'TaskFollowUps1796076631874';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task" ADD "reminded_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "task" ADD "escalation_level" integer NOT NULL DEFAULT \'0\'');
    await queryRunner.query('ALTER TABLE "task" ADD "next_escalation_at" TIMESTAMP WITH TIME ZONE');
    // Open tasks past their points were followed up by the jobs of before (one level of escalation): the sweep must not repeat them.
    await queryRunner.query(
      `UPDATE task SET reminded_at = CASE WHEN due_soon_at <= now() THEN due_soon_at END,
                       escalation_level = CASE WHEN due_at <= now() THEN 1 ELSE 0 END
        WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED', 'IN_REVIEW') AND due_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "next_escalation_at"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "escalation_level"');
    await queryRunner.query('ALTER TABLE "task" DROP COLUMN "reminded_at"');
  }
}
