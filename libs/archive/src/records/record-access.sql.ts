import { readersSql } from '@gesit/correspondence';

/** Correspondence's letter access rule as an SQL condition (LetterAccessService.readableSql). */
export type LetterReadableSql = (letter: string, security: string, me: string, below: string) => string;

/**
 * The letters' access rule (DESIGN.md), applied to a record row aliased `r`; `me` and `below` are uuid[]
 * expressions as correspondence's readersSql takes them (identity's READERS_NOW_SQL, passed as parameters).
 * An archived letter is read by whoever may read the letter. Any other record names the archivist who archived
 * it, so the same readers apply: CONFIDENTIAL and SECRET ones reach them only, the others also the leaders above.
 */
export function readableRecordSql(letterReadable: LetterReadableSql, me: string, below: string, r = 'r'): string {
  return `(CASE WHEN ${r}.letter_id IS NOT NULL THEN ${letterReadable(`${r}.letter_id`, `${r}.security_level`, me, below)}
    ELSE ${readersSql(`${r}.security_level`, me, below)(`${r}.archived_by_id`)} END)`;
}
