import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserLanguage1796090000000 implements MigrationInterface {
  name = 'UserLanguage1796090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "language" text NOT NULL DEFAULT 'id'`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "app_user_language_check" CHECK ("language" IN ('id', 'en'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP CONSTRAINT "app_user_language_check"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "language"');
  }
}
