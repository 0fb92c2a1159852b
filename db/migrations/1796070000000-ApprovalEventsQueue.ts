import { MigrationInterface, QueryRunner } from 'typeorm';

/** Approval events moved from the correspondence events queue to their own: unsent ones follow them. */
export class ApprovalEventsQueue1796070000000 implements MigrationInterface {
  name = 'ApprovalEventsQueue1796070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE outbox SET queue = 'approval-events'
        WHERE queue = 'correspondence-events' AND name IN ('approval.step.opened', 'letter.signed') AND sent_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE outbox SET queue = 'correspondence-events' WHERE queue = 'approval-events' AND sent_at IS NULL`);
  }
}
