import { MigrationInterface, QueryRunner } from 'typeorm';

export class LetterComposition1796066662607 implements MigrationInterface {
  name = 'LetterComposition1796066662607';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "letter_template" ("id" uuid NOT NULL, "unit_id" uuid NOT NULL, "name" text NOT NULL, "letterhead_lines" text array NOT NULL, "logo_file_id" uuid, "place" text NOT NULL, "paper_size" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_50c04255bee2e17cc53282772df" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "letter_template_unit_idx" ON "letter_template"  ("unit_id") ');
    await queryRunner.query(
      'CREATE TABLE "letter_content" ("letter_id" uuid NOT NULL, "revision" integer NOT NULL, "template_id" uuid NOT NULL, "attachments_note" text, "addressee" text NOT NULL, "addressee_place" text, "body" text NOT NULL, "carbon_copies" text array NOT NULL DEFAULT \'{}\', "preview_file_id" uuid, "preview_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a4ba1747793d118ee013be1515" PRIMARY KEY ("letter_id", "revision"))',
    );
    await queryRunner.query(
      'CREATE TABLE "approval_sheet" ("letter_id" uuid NOT NULL, "file_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b856b9a0098041eb7c48ebdca63" PRIMARY KEY ("letter_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_template" ADD CONSTRAINT "FK_439f1f48ed65f7c600f7039e416" FOREIGN KEY ("unit_id") REFERENCES "unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_template" ADD CONSTRAINT "FK_6c765de4c9a41baca82dce636ad" FOREIGN KEY ("logo_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_content" ADD CONSTRAINT "FK_be3e70c896fbf410005f1d9cf62" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_content" ADD CONSTRAINT "FK_77a5a8e84c46ed7e492232fcce4" FOREIGN KEY ("template_id") REFERENCES "letter_template"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "letter_content" ADD CONSTRAINT "FK_7075424674fbc4519ec88030be2" FOREIGN KEY ("preview_file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_sheet" ADD CONSTRAINT "FK_b856b9a0098041eb7c48ebdca63" FOREIGN KEY ("letter_id") REFERENCES "letter"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "approval_sheet" ADD CONSTRAINT "FK_a2f12a443955e7994061ac7ee85" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "approval_sheet" DROP CONSTRAINT "FK_a2f12a443955e7994061ac7ee85"');
    await queryRunner.query('ALTER TABLE "approval_sheet" DROP CONSTRAINT "FK_b856b9a0098041eb7c48ebdca63"');
    await queryRunner.query('ALTER TABLE "letter_content" DROP CONSTRAINT "FK_7075424674fbc4519ec88030be2"');
    await queryRunner.query('ALTER TABLE "letter_content" DROP CONSTRAINT "FK_77a5a8e84c46ed7e492232fcce4"');
    await queryRunner.query('ALTER TABLE "letter_content" DROP CONSTRAINT "FK_be3e70c896fbf410005f1d9cf62"');
    await queryRunner.query('ALTER TABLE "letter_template" DROP CONSTRAINT "FK_6c765de4c9a41baca82dce636ad"');
    await queryRunner.query('ALTER TABLE "letter_template" DROP CONSTRAINT "FK_439f1f48ed65f7c600f7039e416"');
    await queryRunner.query('DROP TABLE "approval_sheet"');
    await queryRunner.query('DROP TABLE "letter_content"');
    await queryRunner.query('DROP INDEX "public"."letter_template_unit_idx"');
    await queryRunner.query('DROP TABLE "letter_template"');
  }
}
