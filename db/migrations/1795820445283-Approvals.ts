import { MigrationInterface, QueryRunner } from 'typeorm';

export class Approvals1795820445283 implements MigrationInterface {
  name = 'Approvals1795820445283';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "letter_recipient" ("letter_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_ad2d9ddb982f9ed64ddd6861a77" PRIMARY KEY ("letter_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "letter_recipient_user_idx" ON "letter_recipient"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "approval_step" ("id" uuid NOT NULL, "letter_id" uuid NOT NULL, "revision" integer NOT NULL, "step_order" integer NOT NULL, "kind" text NOT NULL, "approver_id" uuid NOT NULL, "status" text NOT NULL, "decided_by_id" uuid, "acting_for_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "comment" text, "opened_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "due_soon_at" TIMESTAMP WITH TIME ZONE, "draft_sha256" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce4e7284448d965d64c1b89ee39" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "approval_step_letter_key" ON "approval_step"  ("letter_id", "revision", "step_order") ');
    await queryRunner.query(
      'CREATE TABLE "outgoing_number_format" ("unit_id" uuid NOT NULL, "format" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_be0e71fab97a2a373e1f618e08d" PRIMARY KEY ("unit_id"))',
    );
    await queryRunner.query('ALTER TABLE "letter" ADD "revision" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "letter" ADD "draft_file_id" uuid');
    await queryRunner.query('ALTER TABLE "letter" ADD "signed_file_id" uuid');
    await queryRunner.query('ALTER TABLE "letter" ADD "signed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "letter" ADD "signed_sha256" text');
    await queryRunner.query('ALTER TABLE "letter" ADD "verification_code" text');
    await queryRunner.query('ALTER TABLE "letter" ADD "signer_name" text');
    await queryRunner.query('ALTER TABLE "letter" ADD "signer_position" text');
    await queryRunner.query('ALTER TABLE "letter" ADD "external_recipients" text array NOT NULL DEFAULT \'{}\'');
    await queryRunner.query('ALTER TABLE "letter" ADD "reply_to_letter_id" uuid');
    await queryRunner.query('CREATE INDEX "letter_signed_sha256_idx" ON "letter"  ("signed_sha256") ');
    await queryRunner.query('CREATE UNIQUE INDEX "letter_verification_code_key" ON "letter"  ("verification_code") ');
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_1d4f9a8308ad676b3180ab1b97f" FOREIGN KEY ("draft_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_ddd9a8902d7b4e5b2d52fc378b3" FOREIGN KEY ("signed_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_5add91998ff9f5a1516ea223698" FOREIGN KEY ("reply_to_letter_id") REFERENCES "letter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_recipient" ADD CONSTRAINT "FK_8addbc28ebf179f05c58e184338" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_recipient" ADD CONSTRAINT "FK_c3ab1e1b8733015425427f48a8a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_step" ADD CONSTRAINT "FK_7beec1fb60774d3cd91a031961c" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_step" ADD CONSTRAINT "FK_a7f92b0b9ce1307b4406bae22d8" FOREIGN KEY ("approver_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_step" ADD CONSTRAINT "FK_72f3d5ad31167c82eb8d92b34ec" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_step" ADD CONSTRAINT "FK_5af68e518251d9fdc45dc9984eb" FOREIGN KEY ("acting_for_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outgoing_number_format" ADD CONSTRAINT "FK_be0e71fab97a2a373e1f618e08d" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Indexes TypeORM cannot describe (declared with synchronize: false on the entities).
    await queryRunner.query(
      `CREATE INDEX "approval_step_queue_idx" ON "approval_step" ("approver_id", "opened_at", "id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "letter_outgoing_number_uq" ON "letter" ("unit_id", "number") WHERE "direction" = 'OUTGOING' AND "number" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "letter_outgoing_number_uq"');
    await queryRunner.query('DROP INDEX "approval_step_queue_idx"');
    await queryRunner.query('ALTER TABLE "outgoing_number_format" DROP CONSTRAINT "FK_be0e71fab97a2a373e1f618e08d"');
    await queryRunner.query('ALTER TABLE "approval_step" DROP CONSTRAINT "FK_5af68e518251d9fdc45dc9984eb"');
    await queryRunner.query('ALTER TABLE "approval_step" DROP CONSTRAINT "FK_72f3d5ad31167c82eb8d92b34ec"');
    await queryRunner.query('ALTER TABLE "approval_step" DROP CONSTRAINT "FK_a7f92b0b9ce1307b4406bae22d8"');
    await queryRunner.query('ALTER TABLE "approval_step" DROP CONSTRAINT "FK_7beec1fb60774d3cd91a031961c"');
    await queryRunner.query('ALTER TABLE "letter_recipient" DROP CONSTRAINT "FK_c3ab1e1b8733015425427f48a8a"');
    await queryRunner.query('ALTER TABLE "letter_recipient" DROP CONSTRAINT "FK_8addbc28ebf179f05c58e184338"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_5add91998ff9f5a1516ea223698"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_ddd9a8902d7b4e5b2d52fc378b3"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_1d4f9a8308ad676b3180ab1b97f"');
    await queryRunner.query('DROP INDEX "public"."letter_verification_code_key"');
    await queryRunner.query('DROP INDEX "public"."letter_signed_sha256_idx"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "reply_to_letter_id"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "external_recipients"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "signer_position"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "signer_name"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "verification_code"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "signed_sha256"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "signed_at"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "signed_file_id"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "draft_file_id"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "revision"');
    await queryRunner.query('DROP TABLE "outgoing_number_format"');
    await queryRunner.query('DROP INDEX "public"."approval_step_letter_key"');
    await queryRunner.query('DROP TABLE "approval_step"');
    await queryRunner.query('DROP INDEX "public"."letter_recipient_user_idx"');
    await queryRunner.query('DROP TABLE "letter_recipient"');
  }
}
