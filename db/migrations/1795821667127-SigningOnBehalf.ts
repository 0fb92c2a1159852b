import { MigrationInterface, QueryRunner } from 'typeorm';

export class SigningOnBehalf1795821667127 implements MigrationInterface {
  name = 'SigningOnBehalf1795821667127';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "letter" ADD "on_behalf_of_id" uuid');
    await queryRunner.query(
      'ALTER TABLE "letter" ADD CONSTRAINT "FK_c31f8fd733d3e815b9c388e0e4b" FOREIGN KEY ("on_behalf_of_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "letter" DROP CONSTRAINT "FK_c31f8fd733d3e815b9c388e0e4b"');
    await queryRunner.query('ALTER TABLE "letter" DROP COLUMN "on_behalf_of_id"');
  }
}
