import { MigrationInterface, QueryRunner } from 'typeorm';

export class ArchiveSearchHead1796074160000 implements MigrationInterface {
  name = 'ArchiveSearchHead1796074160000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "archive_record" ADD "search_head" tsvector');
    // Existing records get their title's words as written; the stems follow at their next reindex.
    await queryRunner.query(
      `UPDATE "archive_record" SET "search_head" = to_tsvector('simple', unaccent(concat_ws(' ', "title", "letter_number"))) WHERE "destroyed_at" IS NULL`,
    );
    await queryRunner.query('CREATE INDEX "archive_record_search_head_idx" ON "archive_record" USING gin ("search_head")');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."archive_record_search_head_idx"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP COLUMN "search_head"');
  }
}
