import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry's search (ILIKE '%…%' on subject, number, agenda number and sender) through trigram indexes
 * instead of a scan of every letter, and the indexes by person that the registry's access rule needs to find
 * the letters someone sent a disposition on or decided an approval step of (see readableLettersCte).
 */
export class LetterSearch1796090100000 implements MigrationInterface {
  name = 'LetterSearch1796090100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['subject', 'number', 'agenda_number', 'sender_name']) {
      await queryRunner.query(`CREATE INDEX "letter_${column}_trgm_idx" ON "letter" USING gin ("${column}" gin_trgm_ops)`);
    }
    await queryRunner.query('CREATE INDEX "disposition_sender_idx" ON "disposition" ("sender_id") WHERE "acting_for_id" IS NULL');
    await queryRunner.query(
      'CREATE INDEX "disposition_acting_for_idx" ON "disposition" ("acting_for_id") WHERE "acting_for_id" IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "approval_step_approver_idx" ON "approval_step" ("approver_id")');
    await queryRunner.query(
      'CREATE INDEX "approval_step_decided_by_idx" ON "approval_step" ("decided_by_id") WHERE "acting_for_id" IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "approval_step_acting_for_idx" ON "approval_step" ("acting_for_id") WHERE "acting_for_id" IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'approval_step_acting_for_idx',
      'approval_step_decided_by_idx',
      'approval_step_approver_idx',
      'disposition_acting_for_idx',
      'disposition_sender_idx',
      'letter_sender_name_trgm_idx',
      'letter_agenda_number_trgm_idx',
      'letter_number_trgm_idx',
      'letter_subject_trgm_idx',
    ]) {
      await queryRunner.query(`DROP INDEX "${index}"`);
    }
  }
}
