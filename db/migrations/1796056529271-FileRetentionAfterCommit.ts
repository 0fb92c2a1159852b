import { MigrationInterface, QueryRunner } from 'typeorm';

export class FileRetentionAfterCommit1796056529271 implements MigrationInterface {
  name = 'FileRetentionAfterCommit1796056529271';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stored_file" ADD "retain_until" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "stored_file" ADD "retained_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "stored_file" DROP COLUMN "retained_at"');
    await queryRunner.query('ALTER TABLE "stored_file" DROP COLUMN "retain_until"');
  }
}
