import { notClassifiedSql } from '@gesit/correspondence';

/** Correspondence's letter access rule as an SQL condition (LetterAccessService.readableSql). */
export type LetterReadableSql = (letter: string, security: string, me: string) => string;

/**
 * The letters' access rule (DESIGN.md), applied to a record row aliased `r`; `me` is the uuid[] of the caller and
 * the officials whose active Plh/Plt they hold, and belowUserCte(me) must be in scope. An archived letter is read
 * by whoever may read the letter. Any other record names the archivist who archived it: CONFIDENTIAL and SECRET
 * ones reach them only, the others also the leaders above them in the chain of command.
 */
export function readableRecordSql(letterReadable: LetterReadableSql, me: string, r = 'r'): string {
  return `(CASE WHEN ${r}.letter_id IS NOT NULL THEN ${letterReadable(`${r}.letter_id`, `${r}.security_level`, me)}
    ELSE (${r}.archived_by_id = ANY(${me})
      OR (${notClassifiedSql(`${r}.security_level`)} AND ${r}.archived_by_id IN (SELECT id FROM below_user))) END)`;
}
