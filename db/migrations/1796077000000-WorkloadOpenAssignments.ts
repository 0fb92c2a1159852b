import { MigrationInterface, QueryRunner } from 'typeorm';

/** Open assignments by assignee (with the due time, for an index-only count of the overdue): the team workload counts them per person. */
export class WorkloadOpenAssignments1796077000000 implements MigrationInterface {
  name = 'WorkloadOpenAssignments1796077000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "assignment_open_assignee_idx" ON "disposition_assignment" ("assignee_id", "due_at") WHERE "completed_at" IS NULL AND "cancelled_at" IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "assignment_open_assignee_idx"');
  }
}
