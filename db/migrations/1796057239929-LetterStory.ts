import { MigrationInterface, QueryRunner } from 'typeorm';

/** Timeline rows keep what changed (their sentence is written from it); a disposition can close its sender's assignment when done. */
export class LetterStory1796057239929 implements MigrationInterface {
  name = 'LetterStory1796057239929';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "letter_event" ADD "details" jsonb');
    await queryRunner.query('ALTER TABLE "disposition" ADD "close_when_done" boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "disposition" DROP COLUMN "close_when_done"');
    await queryRunner.query('ALTER TABLE "letter_event" DROP COLUMN "details"');
  }
}
