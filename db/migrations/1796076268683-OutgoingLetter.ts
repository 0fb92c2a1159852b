import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outgoing-letter columns of `letter` move to `outgoing_letter`, owned by approvals; every row is copied.
 * New: the hash of the signature inside the signed PDF (letters signed before stay without it).
 */
export class OutgoingLetter1796076268683 implements MigrationInterface {
  name = 'OutgoingLetter1796076268683';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outgoing_letter" ("letter_id" uuid NOT NULL, "revision" integer NOT NULL DEFAULT '1', "draft_file_id" uuid, "on_behalf_of_id" uuid, "external_recipients" text array NOT NULL DEFAULT '{}', "reply_to_letter_id" uuid, "signed_file_id" uuid, "signed_at" TIMESTAMP WITH TIME ZONE, "signed_sha256" text, "signature_sha256" text, "verification_code" text, "signer_name" text, "signer_position" text, CONSTRAINT "PK_a91bfa420d92b03400c32f62954" PRIMARY KEY ("letter_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "outgoing_letter" ("letter_id", "revision", "draft_file_id", "on_behalf_of_id", "external_recipients", "reply_to_letter_id",
                                      "signed_file_id", "signed_at", "signed_sha256", "verification_code", "signer_name", "signer_position")
       SELECT "id", "revision", "draft_file_id", "on_behalf_of_id", "external_recipients", "reply_to_letter_id",
              "signed_file_id", "signed_at", "signed_sha256", "verification_code", "signer_name", "signer_position"
         FROM "letter" WHERE "direction" = 'OUTGOING'`,
    );
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_1d4f9a8308ad676b3180ab1b97f"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_ddd9a8902d7b4e5b2d52fc378b3"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_5add91998ff9f5a1516ea223698"');
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_c31f8fd733d3e815b9c388e0e4b"');
    await queryRunner.query('DROP INDEX "public"."letter_signed_sha256_idx"');
    await queryRunner.query('DROP INDEX "public"."letter_verification_code_key"');
    for (const column of [
      'signed_at',
      'draft_file_id',
      'signer_name',
      'signed_file_id',
      'external_recipients',
      'signer_position',
      'reply_to_letter_id',
      'revision',
      'verification_code',
      'signed_sha256',
      'on_behalf_of_id',
    ]) {
      await queryRunner.query(`ALTER TABLE "letter" DROP COLUMN "${column}"`);
    }
    await queryRunner.query('CREATE INDEX "outgoing_letter_signed_sha256_idx" ON "outgoing_letter"  ("signed_sha256") ');
    await queryRunner.query('CREATE INDEX "outgoing_letter_signature_sha256_idx" ON "outgoing_letter"  ("signature_sha256") ');
    await queryRunner.query('CREATE UNIQUE INDEX "outgoing_letter_verification_code_key" ON "outgoing_letter"  ("verification_code") ');
    await queryRunner.query(
      'ALTER TABLE "outgoing_letter" ADD CONSTRAINT "FK_a91bfa420d92b03400c32f62954" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outgoing_letter" ADD CONSTRAINT "FK_f4d44b6d5f8ab33db229f20fc7a" FOREIGN KEY ("draft_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outgoing_letter" ADD CONSTRAINT "FK_a73e7e80a7fa4d1c17fb071dcf5" FOREIGN KEY ("on_behalf_of_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outgoing_letter" ADD CONSTRAINT "FK_fcf281455bb9358dc22888d205f" FOREIGN KEY ("reply_to_letter_id") REFERENCES "letter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outgoing_letter" ADD CONSTRAINT "FK_0afba4155b7b8c9e370753c3596" FOREIGN KEY ("signed_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "letter" ADD "on_behalf_of_id" uuid');
    await queryRunner.query('ALTER TABLE "letter" ADD "signed_sha256" text');
    await queryRunner.query('ALTER TABLE "letter" ADD "verification_code" text');
    await queryRunner.query(`ALTER TABLE "letter" ADD "revision" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query('ALTER TABLE "letter" ADD "reply_to_letter_id" uuid');
    await queryRunner.query('ALTER TABLE "letter" ADD "signer_position" text');
    await queryRunner.query(`ALTER TABLE "letter" ADD "external_recipients" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query('ALTER TABLE "letter" ADD "signed_file_id" uuid');
    await queryRunner.query('ALTER TABLE "letter" ADD "signer_name" text');
    await queryRunner.query('ALTER TABLE "letter" ADD "draft_file_id" uuid');
    await queryRunner.query('ALTER TABLE "letter" ADD "signed_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      `UPDATE "letter" l SET "revision" = o."revision", "draft_file_id" = o."draft_file_id", "on_behalf_of_id" = o."on_behalf_of_id",
              "external_recipients" = o."external_recipients", "reply_to_letter_id" = o."reply_to_letter_id",
              "signed_file_id" = o."signed_file_id", "signed_at" = o."signed_at", "signed_sha256" = o."signed_sha256",
              "verification_code" = o."verification_code", "signer_name" = o."signer_name", "signer_position" = o."signer_position"
         FROM "outgoing_letter" o WHERE o."letter_id" = l."id"`,
    );
    await queryRunner.query('DROP TABLE "outgoing_letter"');
    await queryRunner.query('CREATE UNIQUE INDEX "letter_verification_code_key" ON "letter" USING btree ("verification_code") ');
    await queryRunner.query('CREATE INDEX "letter_signed_sha256_idx" ON "letter" USING btree ("signed_sha256") ');
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_c31f8fd733d3e815b9c388e0e4b" FOREIGN KEY ("on_behalf_of_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_5add91998ff9f5a1516ea223698" FOREIGN KEY ("reply_to_letter_id") REFERENCES "letter"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_ddd9a8902d7b4e5b2d52fc378b3" FOREIGN KEY ("signed_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_1d4f9a8308ad676b3180ab1b97f" FOREIGN KEY ("draft_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }
}
