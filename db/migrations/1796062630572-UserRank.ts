import { MigrationInterface, QueryRunner } from 'typeorm';

/** Pangkat/golongan of a civil servant, printed under the signer's name on letters. */
export class UserRank1796062630572 implements MigrationInterface {
  name = 'UserRank1796062630572';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" ADD "rank" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "rank"');
  }
}
