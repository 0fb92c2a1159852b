import { notClassifiedSql } from './letter.enums';

/**
 * The access rule of DESIGN.md in SQL. `me` is a uuid[] parameter holding the caller and the officials
 * whose active Plh/Plt they hold. A letter is readable when one of them is named on it (registered or
 * drafted it, is an addressee, sent or holds a disposition, was acted for, or is named by a later context
 * through LetterAudience, as approvals names reviewers and signers), or, below CONFIDENTIAL, when someone
 * named on it sits below one of them in the chain of command. What a Plh/Plt did in an official's name
 * (a disposition sent, a step decided) names the official, not the Plh: the Plh reads the letter through
 * the delegation, so only while it lasts.
 */

/** A condition, over the tables of the context that states it: someone among `people` is named on the letter `letter`. */
export type NamedOnLetterSql = (letter: string, people: string) => string;

/** The same rule as a NamedOnLetterSql, as a set: a SELECT of the ids of the letters on which someone among `people` is named. */
export type LettersNamingSql = (people: string) => string;

/** What a context states of who is named on letters: as a condition on one letter, and as the set of letters (for lists). */
export interface NamedOnLetters {
  on: NamedOnLetterSql;
  letters: LettersNamingSql;
}

/**
 * A condition: someone among `people` (an SQL suffix such as `= ANY($1::uuid[])` or `= t.user_id`) is
 * named on the letter whose id is `letter`: what opens a CONFIDENTIAL or SECRET letter to them.
 */
export function namedAmong(letter: string, people: string, others: readonly NamedOnLetters[]): string {
  return `(
    EXISTS (SELECT 1 FROM letter_addressee la WHERE la.letter_id = ${letter} AND la.user_id ${people})
    OR EXISTS (SELECT 1 FROM disposition_assignment da WHERE da.letter_id = ${letter} AND da.cancelled_at IS NULL AND da.assignee_id ${people})
    OR EXISTS (SELECT 1 FROM disposition d WHERE d.letter_id = ${letter}
               AND ((d.sender_id ${people} AND d.acting_for_id IS NULL) OR d.acting_for_id ${people}))
    OR EXISTS (SELECT 1 FROM letter lc WHERE lc.id = ${letter} AND lc.created_by_id ${people})${others
      .map(
        (other) => `
    OR ${other.on(letter, people)}`,
      )
      .join('')}
  )`;
}

/**
 * Whose being named opens a letter or record of level `security` to the caller, as one uuid[]: the caller and
 * the officials they act for (`me`), and below CONFIDENTIAL also everyone below those in the chain of command
 * (`below`; identity's READERS_NOW_SQL as a parameter, or BELOW_USER_IDS under belowUserCte). Every reader of
 * letters and archive records checks "named among these", so the rule is stated here only.
 */
export function readersSql(security: string, me: string, below: string): string {
  return `(CASE WHEN ${notClassifiedSql(security)} THEN ${me} || ${below} ELSE ${me} END)`;
}

/** A condition on a letter row (`letter` its id, `security` its level); `me` and `below` as readersSql takes them. */
export function readableLetterSql(letter: string, security: string, me: string, below: string, others: readonly NamedOnLetters[]): string {
  return namedAmong(letter, `= ANY(${readersSql(security, me, below)})`, others);
}

/** namedAmong as a set: a SELECT of the ids of the letters on which someone among `people` is named. */
export function lettersNaming(people: string, others: readonly NamedOnLetters[]): string {
  return `SELECT la.letter_id FROM letter_addressee la WHERE la.user_id ${people}
    UNION SELECT da.letter_id FROM disposition_assignment da WHERE da.cancelled_at IS NULL AND da.assignee_id ${people}
    UNION SELECT d.letter_id FROM disposition d WHERE (d.sender_id ${people} AND d.acting_for_id IS NULL) OR d.acting_for_id ${people}
    UNION SELECT lc.id FROM letter lc WHERE lc.created_by_id ${people}${others
      .map(
        (other) => `
    UNION ${other.letters(people)}`,
      )
      .join('')}`;
}

/**
 * readableLetterSql as a set, for lists: CTEs (for a WITH clause, after identity's belowUserCte) naming
 * `readable_letter(id)`, the letters `me` may read. A list that scans letters and checks each against the
 * rule probes every table once per letter (seconds over 200,000 letters); a viewer and the people below them
 * are named on few letters, which each table's index by person finds at once. The people below are handed
 * on as one array, whose size the planner does not guess from the recursive CTE (it guessed hundreds for
 * nine, and scanned whole tables).
 */
export function readableLettersCte(me: string, others: readonly NamedOnLetters[]): string {
  const below = '(SELECT ids FROM below_ids)::uuid[]';
  return `below_ids(ids) AS (SELECT coalesce(array_agg(id), '{}') FROM below_user),
    readable_letter(id) AS (
    ${lettersNaming(`= ANY(${me})`, others)}
    UNION SELECT bl.id FROM letter bl
     WHERE bl.id IN (${lettersNaming(`= ANY(${below})`, others)}) AND ${notClassifiedSql('bl.security_level')}
  )`;
}
