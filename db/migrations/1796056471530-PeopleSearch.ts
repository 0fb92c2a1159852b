import { MigrationInterface, QueryRunner } from 'typeorm';

/** The staff directory matches names with typos (pg_trgm) and without diacritics (unaccent); both are trusted extensions. */
export class PeopleSearch1796056471530 implements MigrationInterface {
  name = 'PeopleSearch1796056471530';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
