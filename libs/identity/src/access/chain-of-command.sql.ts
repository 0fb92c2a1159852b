/**
 * The chain of command as SQL, for the set-based queries of other contexts (letter access, inbox, reports)
 * that must filter by it in the same statement. Positions are the owner's tables; other libraries use these
 * fragments instead of joining `position` and `app_user` themselves.
 */

/** CTEs (for a WITH RECURSIVE clause) naming `below_user`: everyone below the users in `me` (a uuid[] expression). */
export function belowUserCte(me: string): string {
  return `below_position(position_id) AS (
      SELECT p.id FROM position p JOIN app_user u ON u.position_id = p.superior_id WHERE u.id = ANY(${me})
      UNION
      SELECT p.id FROM position p JOIN below_position b ON p.superior_id = b.position_id
    ),
    below_user(id) AS (SELECT u.id FROM app_user u JOIN below_position b ON u.position_id = b.position_id)`;
}
