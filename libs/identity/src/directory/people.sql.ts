/**
 * Where people sit, as SQL, for the set-based queries of other contexts (letter access, reports, digests)
 * that must join it in the same statement. Identity owns `app_user`, `position` and `unit` placement: other
 * libraries use these fragments (or PeopleDirectory) instead of joining those tables themselves.
 */

/**
 * Users who hold a position, with their position, its superior position, their unit and its time zone:
 * a FROM item, used as `${PLACED_USERS} pu`. Columns: id, name, roles, position_id, superior_position_id,
 * unit_id, unit_code, time_zone.
 */
export const PLACED_USERS = `(SELECT u.id, u.name, u.roles, p.id AS position_id, p.superior_id AS superior_position_id,
    un.id AS unit_id, un.code AS unit_code, un.timezone AS time_zone
  FROM app_user u JOIN position p ON p.id = u.position_id JOIN unit un ON un.id = p.unit_id)`;

/**
 * Every user with the fields GraphQL's User shows (UserType's, with `positionId` for its position and unit):
 * a FROM item, used as `${USERS_SHOWN} us`. Columns: id, and `shown`, a JSON object of those fields, so that a
 * statement listing many people answers them in one round trip, without loading full user entities.
 */
export const USERS_SHOWN = `(SELECT u.id, json_build_object('id', u.id, 'nip', u.nip, 'name', u.name, 'email', u.email, 'phone', u.phone,
    'rank', u.rank, 'roles', u.roles, 'mfaEnabled', u.mfa_enabled, 'positionId', u.position_id) AS shown
  FROM app_user u)`;

/** The condition that the delegation row `d` (a Plh/Plt) is in force now: not revoked, begun and not yet ended. */
export function delegationInForceSql(d: string): string {
  return `${d}.revoked_at IS NULL AND ${d}.starts_at <= now() AND ${d}.ends_at > now()`;
}

/** CTEs (for a WITH RECURSIVE clause) naming `below_user`: everyone below the users in `me` (a uuid[] expression). */
export function belowUserCte(me: string): string {
  return `below_position(position_id) AS (
      SELECT p.id FROM position p JOIN app_user u ON u.position_id = p.superior_id WHERE u.id = ANY(${me})
      UNION
      SELECT p.id FROM position p JOIN below_position b ON p.superior_id = b.position_id
    ),
    below_user(id) AS (SELECT u.id FROM app_user u JOIN below_position b ON u.position_id = b.position_id)`;
}

/** belowUserCte's `below_user` as one uuid[] expression (read once per statement), for readersSql's `below`; cast, so that `= ANY(…)` takes it as an array, not a subquery. */
export const BELOW_USER_IDS = `(SELECT coalesce(array_agg(id), '{}'::uuid[]) FROM below_user)::uuid[]`;

/** Who reads for a caller (READERS_NOW_SQL): the caller and the officials they act for, and everyone below those. */
export interface Readers {
  viewers: string[];
  below: string[];
}

/**
 * One statement answering who reads for the user `$1` now: `viewers`, the user first and then the officials
 * whose Plh/Plt they hold, and `below`, everyone below any of them in the chain of command. Readers of
 * letters and records pass both as parameters, so the planner sees the arrays instead of a recursive CTE it
 * cannot size.
 */
export const READERS_NOW_SQL = `WITH RECURSIVE viewers(ids) AS (
      SELECT array_prepend($1::uuid, coalesce(array_agg(d.from_user_id ORDER BY d.starts_at, d.id), '{}'::uuid[]))
        FROM delegation d WHERE d.to_user_id = $1 AND ${delegationInForceSql('d')}
    ), ${belowUserCte('(SELECT ids FROM viewers)::uuid[]')}
    SELECT (SELECT ids FROM viewers) AS viewers, ${BELOW_USER_IDS} AS below`;

/**
 * CTEs (for a WITH RECURSIVE clause) naming `team(leader_id, member_id)`: each leader of `leaders` (a FROM
 * item with a `leader_id` column) with themselves and everyone below them in the chain of command.
 */
export function teamCte(leaders: string): string {
  return `team_position(leader_id, position_id) AS (
      SELECT l.leader_id, u.position_id FROM ${leaders} l JOIN app_user u ON u.id = l.leader_id WHERE u.position_id IS NOT NULL
      UNION
      SELECT t.leader_id, p.id FROM team_position t JOIN position p ON p.superior_id = t.position_id
    ),
    team(leader_id, member_id) AS (SELECT t.leader_id, m.id FROM team_position t JOIN app_user m ON m.position_id = t.position_id)`;
}

/** CTEs (for a WITH RECURSIVE clause) naming `subtree(id, top)`: the units below `unit` (a uuid expression), each with the child of `unit` it lies under. */
export function unitSubtreeCte(unit: string): string {
  return `subtree(id, top) AS (
      SELECT u.id, u.id FROM unit u WHERE u.parent_id = ${unit}
      UNION ALL
      SELECT u.id, t.top FROM unit u JOIN subtree t ON u.parent_id = t.id
    )`;
}
