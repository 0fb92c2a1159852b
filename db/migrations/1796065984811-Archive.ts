import { MigrationInterface, QueryRunner } from 'typeorm';

/** The records archive: dossiers, records (with their search entries), OCR pages, imports and disposal. */
export class Archive1796065984811 implements MigrationInterface {
  name = 'Archive1796065984811';

  async up(queryRunner: QueryRunner): Promise<void> {
    // unaccent for exact-word search, pg_trgm for letter numbers and typos (both ship with PostgreSQL).
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      'CREATE TABLE "dossier" ("id" uuid NOT NULL, "number" text NOT NULL, "title" text NOT NULL, "description" text, "classification_code" text NOT NULL, "unit_id" uuid NOT NULL, "period_from" date, "period_to" date, "physical_location" text, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_id" uuid NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "phase" text NOT NULL DEFAULT \'ACTIVE\', "active_until" date, "inactive_until" date, "legal_hold" boolean NOT NULL DEFAULT false, "legal_hold_reason" text, "read_only" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_62a60ad7157c2922b57c3319364" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "dossier_phase_idx" ON "dossier"  ("phase", "inactive_until") ');
    await queryRunner.query('CREATE INDEX "dossier_unit_opened_idx" ON "dossier"  ("unit_id", "opened_at", "id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "dossier_unit_number_uq" ON "dossier"  ("unit_id", "number") ');
    await queryRunner.query(
      'CREATE TABLE "archive_record" ("id" uuid NOT NULL, "title" text NOT NULL, "description" text, "classification_code" text NOT NULL, "dossier_id" uuid, "unit_id" uuid NOT NULL, "letter_id" uuid, "letter_number" text, "document_date" date NOT NULL, "security_level" text NOT NULL, "originality" text NOT NULL, "file_id" uuid NOT NULL, "file_sha256" character(64) NOT NULL, "searchable_file_id" uuid, "page_count" integer, "ocr_status" text NOT NULL, "ocr_attempts" integer NOT NULL DEFAULT \'0\', "ocr_error" text, "active_until" date NOT NULL, "inactive_until" date NOT NULL, "archived_by_id" uuid NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "import_id" uuid, "destroyed_at" TIMESTAMP WITH TIME ZONE, "search_stemmed" tsvector, "search_exact" tsvector, "search_keys" text, CONSTRAINT "PK_e259ed5ac6e9f8dc2fc081977c7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "archive_record_archived_idx" ON "archive_record"  ("archived_at", "id") ');
    await queryRunner.query('CREATE INDEX "archive_record_file_sha_idx" ON "archive_record"  ("file_sha256") ');
    await queryRunner.query('CREATE UNIQUE INDEX "archive_record_letter_uq" ON "archive_record"  ("letter_id") ');
    await queryRunner.query('CREATE INDEX "archive_record_dossier_idx" ON "archive_record"  ("dossier_id", "archived_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "archive_record_file" ("record_id" uuid NOT NULL, "file_id" uuid NOT NULL, "role" text NOT NULL, CONSTRAINT "PK_26ba6a59f97eeab2b0ca56bd666" PRIMARY KEY ("record_id", "file_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "archive_record_page" ("record_id" uuid NOT NULL, "page" integer NOT NULL, "text" text NOT NULL, CONSTRAINT "PK_947ffc0b81f2cf2b7ed0327b9d7" PRIMARY KEY ("record_id", "page"))',
    );
    await queryRunner.query(
      'CREATE TABLE "archive_import" ("id" uuid NOT NULL, "status" text NOT NULL, "dry_run" boolean NOT NULL, "manifest_file_id" uuid NOT NULL, "bundle_file_id" uuid NOT NULL, "total" integer NOT NULL DEFAULT \'0\', "processed" integer NOT NULL DEFAULT \'0\', "failed" integer NOT NULL DEFAULT \'0\', "skipped" integer NOT NULL DEFAULT \'0\', "errors" jsonb NOT NULL DEFAULT \'[]\', "started_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5d8ee26266e842c8aaf4838de0a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "archive_import_started_idx" ON "archive_import"  ("started_by_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "disposal_proposal" ("id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "proposed_by_id" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "committee_ids" uuid array NOT NULL, "appraisal_note" text, "appraised_by_id" uuid, "decided_by_id" uuid, "decision_note" text, "approval_letter_file_id" uuid, "list_file_id" uuid, "minutes_file_id" uuid, "package_file_id" uuid, "executed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a1a827ffd4ff35087c4e34634b2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "disposal_proposal_dossier" ("proposal_id" uuid NOT NULL, "dossier_id" uuid NOT NULL, CONSTRAINT "PK_0900f25ef4ca1b7b8e26fb0e7c0" PRIMARY KEY ("proposal_id", "dossier_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD CONSTRAINT "FK_9869a32f2625b44e9d0ff56b188" FOREIGN KEY ("classification_code") REFERENCES "classification_code"("code") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD CONSTRAINT "FK_6f610caee9e00673e6a164fa0c7" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "dossier" ADD CONSTRAINT "FK_63c630f5380c11f83a95272c75a" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record" ADD CONSTRAINT "FK_a93c3b2fbbdf8823a090e901fc3" FOREIGN KEY ("classification_code") REFERENCES "classification_code"("code") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record" ADD CONSTRAINT "FK_a9b3db0cd799e18b348a5fa3b4e" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record" ADD CONSTRAINT "FK_4a3e7d71e6c0e07459ab839fd63" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record" ADD CONSTRAINT "FK_7d023937637be81f16cdcc41388" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record" ADD CONSTRAINT "FK_0d163c849c76aa28b094e6ba066" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record" ADD CONSTRAINT "FK_8fa6572008d1229da11815b25ea" FOREIGN KEY ("searchable_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record" ADD CONSTRAINT "FK_f7c9dda33c9ea7c789b33a961c2" FOREIGN KEY ("archived_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record_file" ADD CONSTRAINT "FK_0f7d12c945b0ca0080a7d7eb1bf" FOREIGN KEY ("record_id") REFERENCES "archive_record"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record_file" ADD CONSTRAINT "FK_553128c27ac438826e838b28aba" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_record_page" ADD CONSTRAINT "FK_2b54e944da26690a62b5d9b6cdd" FOREIGN KEY ("record_id") REFERENCES "archive_record"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_import" ADD CONSTRAINT "FK_9591e5e988c53435c6d13232547" FOREIGN KEY ("manifest_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_import" ADD CONSTRAINT "FK_0773b6468207a4b1687209bc4bb" FOREIGN KEY ("bundle_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "archive_import" ADD CONSTRAINT "FK_237308ced547da04b542c73b2bb" FOREIGN KEY ("started_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal" ADD CONSTRAINT "FK_4d0feb10d7ff8c1cec9257c1a0b" FOREIGN KEY ("proposed_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal" ADD CONSTRAINT "FK_3b06df9c9346683dccda3a8e925" FOREIGN KEY ("appraised_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal" ADD CONSTRAINT "FK_0f3b5cbcf7aeb0238a3692cf65d" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal" ADD CONSTRAINT "FK_353f46c5e9019ef168a6a683f5b" FOREIGN KEY ("approval_letter_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal" ADD CONSTRAINT "FK_0be33d57be845bb4ff253fa056e" FOREIGN KEY ("list_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal" ADD CONSTRAINT "FK_e2a266ccf59dd6d6fc4e8172ab3" FOREIGN KEY ("minutes_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal" ADD CONSTRAINT "FK_3f43ac70c8856276c4fe9c760da" FOREIGN KEY ("package_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal_dossier" ADD CONSTRAINT "FK_cc6d0d8ef89d1483bc6948e37e7" FOREIGN KEY ("proposal_id") REFERENCES "disposal_proposal"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "disposal_proposal_dossier" ADD CONSTRAINT "FK_57b3a1fc02bd55b1a2db4e33eb8" FOREIGN KEY ("dossier_id") REFERENCES "dossier"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query('CREATE INDEX "archive_record_search_stemmed_idx" ON "archive_record" USING gin ("search_stemmed")');
    await queryRunner.query('CREATE INDEX "archive_record_search_exact_idx" ON "archive_record" USING gin ("search_exact")');
    await queryRunner.query('CREATE INDEX "archive_record_search_trgm_idx" ON "archive_record" USING gin ("search_keys" gin_trgm_ops)');
    // One live record per file content: an import re-run or two clerks at once cannot archive the same scan twice.
    await queryRunner.query(
      'CREATE UNIQUE INDEX "archive_record_live_sha_uq" ON "archive_record" ("file_sha256") WHERE "destroyed_at" IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."archive_record_live_sha_uq"');
    await queryRunner.query('DROP INDEX "public"."archive_record_search_trgm_idx"');
    await queryRunner.query('DROP INDEX "public"."archive_record_search_exact_idx"');
    await queryRunner.query('DROP INDEX "public"."archive_record_search_stemmed_idx"');
    await queryRunner.query('ALTER TABLE "disposal_proposal_dossier" DROP CONSTRAINT "FK_57b3a1fc02bd55b1a2db4e33eb8"');
    await queryRunner.query('ALTER TABLE "disposal_proposal_dossier" DROP CONSTRAINT "FK_cc6d0d8ef89d1483bc6948e37e7"');
    await queryRunner.query('ALTER TABLE "disposal_proposal" DROP CONSTRAINT "FK_3f43ac70c8856276c4fe9c760da"');
    await queryRunner.query('ALTER TABLE "disposal_proposal" DROP CONSTRAINT "FK_e2a266ccf59dd6d6fc4e8172ab3"');
    await queryRunner.query('ALTER TABLE "disposal_proposal" DROP CONSTRAINT "FK_0be33d57be845bb4ff253fa056e"');
    await queryRunner.query('ALTER TABLE "disposal_proposal" DROP CONSTRAINT "FK_353f46c5e9019ef168a6a683f5b"');
    await queryRunner.query('ALTER TABLE "disposal_proposal" DROP CONSTRAINT "FK_0f3b5cbcf7aeb0238a3692cf65d"');
    await queryRunner.query('ALTER TABLE "disposal_proposal" DROP CONSTRAINT "FK_3b06df9c9346683dccda3a8e925"');
    await queryRunner.query('ALTER TABLE "disposal_proposal" DROP CONSTRAINT "FK_4d0feb10d7ff8c1cec9257c1a0b"');
    await queryRunner.query('ALTER TABLE "archive_import" DROP CONSTRAINT "FK_237308ced547da04b542c73b2bb"');
    await queryRunner.query('ALTER TABLE "archive_import" DROP CONSTRAINT "FK_0773b6468207a4b1687209bc4bb"');
    await queryRunner.query('ALTER TABLE "archive_import" DROP CONSTRAINT "FK_9591e5e988c53435c6d13232547"');
    await queryRunner.query('ALTER TABLE "archive_record_page" DROP CONSTRAINT "FK_2b54e944da26690a62b5d9b6cdd"');
    await queryRunner.query('ALTER TABLE "archive_record_file" DROP CONSTRAINT "FK_553128c27ac438826e838b28aba"');
    await queryRunner.query('ALTER TABLE "archive_record_file" DROP CONSTRAINT "FK_0f7d12c945b0ca0080a7d7eb1bf"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP CONSTRAINT "FK_f7c9dda33c9ea7c789b33a961c2"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP CONSTRAINT "FK_8fa6572008d1229da11815b25ea"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP CONSTRAINT "FK_0d163c849c76aa28b094e6ba066"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP CONSTRAINT "FK_7d023937637be81f16cdcc41388"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP CONSTRAINT "FK_4a3e7d71e6c0e07459ab839fd63"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP CONSTRAINT "FK_a9b3db0cd799e18b348a5fa3b4e"');
    await queryRunner.query('ALTER TABLE "archive_record" DROP CONSTRAINT "FK_a93c3b2fbbdf8823a090e901fc3"');
    await queryRunner.query('ALTER TABLE "dossier" DROP CONSTRAINT "FK_63c630f5380c11f83a95272c75a"');
    await queryRunner.query('ALTER TABLE "dossier" DROP CONSTRAINT "FK_6f610caee9e00673e6a164fa0c7"');
    await queryRunner.query('ALTER TABLE "dossier" DROP CONSTRAINT "FK_9869a32f2625b44e9d0ff56b188"');
    await queryRunner.query('DROP TABLE "disposal_proposal_dossier"');
    await queryRunner.query('DROP TABLE "disposal_proposal"');
    await queryRunner.query('DROP INDEX "public"."archive_import_started_idx"');
    await queryRunner.query('DROP TABLE "archive_import"');
    await queryRunner.query('DROP TABLE "archive_record_page"');
    await queryRunner.query('DROP TABLE "archive_record_file"');
    await queryRunner.query('DROP INDEX "public"."archive_record_dossier_idx"');
    await queryRunner.query('DROP INDEX "public"."archive_record_letter_uq"');
    await queryRunner.query('DROP INDEX "public"."archive_record_file_sha_idx"');
    await queryRunner.query('DROP INDEX "public"."archive_record_archived_idx"');
    await queryRunner.query('DROP TABLE "archive_record"');
    await queryRunner.query('DROP INDEX "public"."dossier_unit_number_uq"');
    await queryRunner.query('DROP INDEX "public"."dossier_unit_opened_idx"');
    await queryRunner.query('DROP INDEX "public"."dossier_phase_idx"');
    await queryRunner.query('DROP TABLE "dossier"');
  }
}
