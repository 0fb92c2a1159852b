import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDelivery1796056570248 implements MigrationInterface {
  name = 'NotificationDelivery1796056570248';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_delivery" ("notification_id" uuid NOT NULL, "channel" text NOT NULL, "status" text NOT NULL, "claim_id" uuid NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_de05a36acd057b1ee2f0c05a2f5" PRIMARY KEY ("notification_id", "channel"))',
    );
    await queryRunner.query('CREATE INDEX "notification_created_idx" ON "notification"  ("created_at") ');
    await queryRunner.query(
      'ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The delivery sweep re-sends the past day's notifications that no channel recorded: those delivered
    // before this table existed count as delivered (the live push; their e-mail was recorded in Redis).
    await queryRunner.query(
      `INSERT INTO "notification_delivery" ("notification_id", "channel", "status", "claim_id", "claimed_at", "sent_at")
       SELECT "id", 'live', 'sent', gen_random_uuid(), "created_at", "created_at" FROM "notification" WHERE "created_at" > now() - interval '1 day'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_2e70a64359ce7416b06a4d7a432"');
    await queryRunner.query('DROP INDEX "public"."notification_created_idx"');
    await queryRunner.query('DROP TABLE "notification_delivery"');
  }
}
