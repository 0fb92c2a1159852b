import { Injectable } from '@nestjs/common';
import { among, namedAmong, readableLetterSql, readableLettersCte, type NamedOnLetters } from './letter-access.sql';

/**
 * Who is named on a letter, in SQL. Correspondence states its own part (see letter-access.sql.ts); a later
 * context that names people on letters (approvals: reviewers and signers) registers the condition over its
 * own tables at start-up, so that each table's part of the rule is written once, by its owner.
 */
@Injectable()
export class LetterAudience {
  private readonly others: NamedOnLetters[] = [];

  register(named: NamedOnLetters): void {
    this.others.push(named);
  }

  /** A condition: someone among `people` (an SQL suffix such as `= ANY($1::uuid[])`) is named on the letter `letter`. */
  namedAmong(letter: string, people: string): string {
    return namedAmong(letter, among(people), this.others);
  }

  /** A condition on a letter row (`letter` its id, `security` its level); `me` and `below` as readersSql takes them. */
  readable(letter: string, security: string, me: string, below: string): string {
    return readableLetterSql(letter, security, me, below, this.others);
  }

  /** The same rule as CTEs naming `readable_letter(id)`, for lists; needs identity's belowUserCte before them. */
  readableLetters(me: string): string {
    return readableLettersCte(me, this.others);
  }
}
