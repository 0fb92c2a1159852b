import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * placed_below(official, candidates): those of the candidates whose position lies below the official's in the chain of
 * command. It walks up from each candidate's position (a few steps each) instead of down the official's whole subtree,
 * which for a head of agency is every position there is; and it is one function, so that a statement that reads
 * something else (the assignment a disposition is forwarded from) checks the placement in the same round trip.
 * plpgsql, so that each session plans the walk once.
 */
export class PlacedBelow1796120100000 implements MigrationInterface {
  name = 'PlacedBelow1796120100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION placed_below(official uuid, candidates uuid[]) RETURNS SETOF uuid LANGUAGE plpgsql STABLE AS $$
BEGIN
  -- UNION (not ALL) ends the walk should positions ever form a cycle.
  RETURN QUERY WITH RECURSIVE up(user_id, position_id) AS (
      SELECT u.id, p.superior_id FROM app_user u JOIN position p ON p.id = u.position_id WHERE u.id = ANY(candidates)
      UNION
      SELECT up.user_id, p.superior_id FROM up JOIN position p ON p.id = up.position_id
    )
    SELECT DISTINCT up.user_id FROM up JOIN app_user o ON o.position_id = up.position_id WHERE o.id = official;
END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION placed_below(uuid, uuid[])');
  }
}
