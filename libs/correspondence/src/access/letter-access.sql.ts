/**
 * The access rule of DESIGN.md in SQL. `me` is a uuid[] parameter holding the caller and the officials
 * whose active Plh/Plt they hold. A letter is readable when one of them is named on it (registered or
 * drafted it, is an addressee, sent or holds a disposition, was acted for, or is an approver of the
 * outgoing letter or decided a step of it), or, below CONFIDENTIAL, when someone
 * named on it sits below one of them in the chain of command. What a Plh/Plt did in an official's name
 * (a disposition sent, a step decided) names the official, not the Plh: the Plh reads the letter through
 * the delegation, so only while it lasts.
 */

/**
 * A condition: someone among `people` (an SQL suffix such as `= ANY($1::uuid[])` or `= t.user_id`) is
 * named on the letter whose id is `letter`: what opens a CONFIDENTIAL or SECRET letter to them.
 */
export function namedAmong(letter: string, people: string): string {
  return `(
    EXISTS (SELECT 1 FROM letter_addressee la WHERE la.letter_id = ${letter} AND la.user_id ${people})
    OR EXISTS (SELECT 1 FROM disposition_assignment da WHERE da.letter_id = ${letter} AND da.cancelled_at IS NULL AND da.assignee_id ${people})
    OR EXISTS (SELECT 1 FROM disposition d WHERE d.letter_id = ${letter}
               AND ((d.sender_id ${people} AND d.acting_for_id IS NULL) OR d.acting_for_id ${people}))
    OR EXISTS (SELECT 1 FROM letter lc WHERE lc.id = ${letter} AND lc.created_by_id ${people})
    OR EXISTS (SELECT 1 FROM approval_step s WHERE s.letter_id = ${letter}
               AND (s.approver_id ${people} OR (s.decided_by_id ${people} AND s.acting_for_id IS NULL) OR s.acting_for_id ${people}))
  )`;
}

/** A condition on a letter row (`letter` its id, `security` its level); needs belowUserCte in scope. */
export function readableLetterSql(letter: string, security: string, me: string): string {
  return `(${namedAmong(letter, `= ANY(${me})`)}
    OR (${security} IN ('PUBLIC', 'RESTRICTED') AND ${namedAmong(letter, 'IN (SELECT id FROM below_user)')}))`;
}
