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

/** Who counts, as a condition on a column holding a person: `(c) => c = ANY($1::uuid[])`. */
export type People = (column: string) => string;

/** People as an SQL suffix to the column: `= ANY($1::uuid[])`, `= t.user_id`. */
export const among =
  (suffix: string): People =>
  (column) =>
    `${column} ${suffix}`;

/** A condition, over the tables of the context that states it: someone among `people` is named on the letter `letter`. */
export type NamedOnLetterSql = (letter: string, people: People) => string;

/** The same rule as a NamedOnLetterSql, as a set: a SELECT of the ids of the letters on which someone among `people` is named. */
export type LettersNamingSql = (people: People) => string;

/** What a context states of who is named on letters: as a condition on one letter, and as the set of letters (for lists). */
export interface NamedOnLetters {
  on: NamedOnLetterSql;
  letters: LettersNamingSql;
}

/**
 * A condition: someone among `people` is named on the letter whose id is `letter`: what opens a CONFIDENTIAL
 * or SECRET letter to them.
 */
export function namedAmong(letter: string, people: People, others: readonly NamedOnLetters[]): string {
  return `(
    EXISTS (SELECT 1 FROM letter_addressee la WHERE la.letter_id = ${letter} AND ${people('la.user_id')})
    OR EXISTS (SELECT 1 FROM disposition_assignment da WHERE da.letter_id = ${letter} AND da.cancelled_at IS NULL AND ${people('da.assignee_id')})
    OR EXISTS (SELECT 1 FROM disposition d WHERE d.letter_id = ${letter}
               AND ((${people('d.sender_id')} AND d.acting_for_id IS NULL) OR ${people('d.acting_for_id')}))
    OR EXISTS (SELECT 1 FROM letter lc WHERE lc.id = ${letter} AND ${people('lc.created_by_id')})${others
      .map(
        (other) => `
    OR ${other.on(letter, people)}`,
      )
      .join('')}
  )`;
}

/**
 * Whose being named opens a letter or record of level `security` to the caller: the caller and the officials
 * they act for (`me`), and below CONFIDENTIAL also everyone below those in the chain of command (`below`); both
 * uuid[] expressions (identity's READERS_NOW_SQL as parameters, or BELOW_USER_IDS under belowUserCte). Every
 * reader of letters and archive records asks "is one of these named", so the rule is stated here only.
 * Not one array chosen by a CASE: that is searched element by element on every row (7 s against 0.4 s over
 * 1,000,000 rows with 2,000 people below). Nor `= ANY(below)`: the planner weighs each of a constant array's
 * elements against the statistics of every column it meets (20–35 ms of planning for a search by a leader with
 * 2,000 people below); a subquery over it is planned once and hashed.
 */
export function readersSql(security: string, me: string, below: string): People {
  return (column) => `(${column} = ANY(${me}) OR (${notClassifiedSql(security)} AND ${column} IN (SELECT unnest(${below}))))`;
}

/** A condition on a letter row (`letter` its id, `security` its level); `me` and `below` as readersSql takes them. */
export function readableLetterSql(letter: string, security: string, me: string, below: string, others: readonly NamedOnLetters[]): string {
  return namedAmong(letter, readersSql(security, me, below), others);
}

/** namedAmong as a set: a SELECT of the ids of the letters on which someone among `people` is named. */
export function lettersNaming(people: People, others: readonly NamedOnLetters[]): string {
  return `SELECT la.letter_id FROM letter_addressee la WHERE ${people('la.user_id')}
    UNION SELECT da.letter_id FROM disposition_assignment da WHERE da.cancelled_at IS NULL AND ${people('da.assignee_id')}
    UNION SELECT d.letter_id FROM disposition d WHERE (${people('d.sender_id')} AND d.acting_for_id IS NULL) OR ${people('d.acting_for_id')}
    UNION SELECT lc.id FROM letter lc WHERE ${people('lc.created_by_id')}${others
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
    ${lettersNaming(among(`= ANY(${me})`), others)}
    UNION SELECT bl.id FROM letter bl
     WHERE bl.id IN (${lettersNaming(among(`= ANY(${below})`), others)}) AND ${notClassifiedSql('bl.security_level')}
  )`;
}
