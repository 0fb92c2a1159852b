import { MigrationInterface, QueryRunner } from 'typeorm';

export class ArchiveLetterNumberIndex1796090300000 implements MigrationInterface {
  name = 'ArchiveLetterNumberIndex1796090300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A whole letter number (or its leading parts up to a slash) is found by this index; the trigram substring
    // match, whose cost grows with the archive, runs only when it finds nothing.
    await queryRunner.query(
      'CREATE INDEX "archive_record_number_idx" ON "archive_record" (lower("letter_number") text_pattern_ops) WHERE "destroyed_at" IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."archive_record_number_idx"');
  }
}
