import { MigrationInterface, QueryRunner } from 'typeorm';

export class Files1795818279767 implements MigrationInterface {
  name = 'Files1795818279767';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "stored_file" ("id" uuid NOT NULL, "storage_key" text NOT NULL, "filename" text NOT NULL, "content_type" text NOT NULL, "size" bigint NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by_id" uuid, "locked" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1b6df0c8a3f3c4f50770ce034df" UNIQUE ("storage_key"), CONSTRAINT "PK_e140967af84027b493a3ff04fbb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "stored_file_uploader_idx" ON "stored_file"  ("uploaded_by_id", "created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."stored_file_uploader_idx"');
    await queryRunner.query('DROP TABLE "stored_file"');
  }
}
