import { MigrationInterface, QueryRunner } from 'typeorm';

export class ArchiveSearchAndOcrSweep1796074160000 implements MigrationInterface {
  name = 'ArchiveSearchAndOcrSweep1796074160000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "archive_record" ADD "search_head" tsvector');
    // Existing records get their title's words as written; the stems follow at their next reindex.
    await queryRunner.query(
      `UPDATE "archive_record" SET "search_head" = to_tsvector('simple', unaccent(concat_ws(' ', "title", "letter_number"))) WHERE "destroyed_at" IS NULL`,
    );
    await queryRunner.query('CREATE INDEX "archive_record_search_head_idx" ON "archive_record" USING gin ("search_head")');
    // The OCR sweep reads the PENDING records only, oldest first.
    await queryRunner.query(
      `CREATE INDEX "archive_record_ocr_pending_idx" ON "archive_record" ("archived_at") WHERE "ocr_status" = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."archive_record_ocr_pending_idx"');
    await queryRunner.query('DROP INDEX "public"."archive_record_search_head_idx"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP COLUMN "search_head"');
  }
}
