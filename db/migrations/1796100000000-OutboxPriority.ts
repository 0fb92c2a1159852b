import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxPriority1796100000000 implements MigrationInterface {
  name = 'OutboxPriority1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox" ADD "priority" integer');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "priority"');
  }
}
