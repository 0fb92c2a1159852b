import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationPreferencesAndPhone1796070000001 implements MigrationInterface {
  name = 'NotificationPreferencesAndPhone1796070000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "channels" text array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0f7529aefc65bd035491bb755bf" PRIMARY KEY ("user_id", "kind"))',
    );
    await queryRunner.query('ALTER TABLE "app_user" ADD "phone" text');
    await queryRunner.query('ALTER TABLE "notification" ADD "held_until" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE INDEX "notification_held_idx" ON "notification"  ("held_until") WHERE held_until IS NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_ff040d2d2e35c49b00525783829" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification_preference" DROP CONSTRAINT "FK_ff040d2d2e35c49b00525783829"');
    await queryRunner.query('DROP INDEX "public"."notification_held_idx"');
    await queryRunner.query('ALTER TABLE "notification" DROP COLUMN "held_until"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "phone"');
    await queryRunner.query('DROP TABLE "notification_preference"');
  }
}
