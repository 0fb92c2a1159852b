import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationEnglish1796081923515 implements MigrationInterface {
  name = 'NotificationEnglish1796081923515';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification" ADD "title_en" text');
    await queryRunner.query('ALTER TABLE "notification" ADD "body_en" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notification" DROP COLUMN "body_en"');
    await queryRunner.query('ALTER TABLE "notification" DROP COLUMN "title_en"');
  }
}
