import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BELOW_USER_IDS, belowUserCte } from '@gesit/identity';
import { AuditService, inTransaction, notFound } from '@gesit/platform';
import { LetterEntity } from './letter.entity';
import { isClassified } from './letter.enums';
import { LetterAudience } from './letter-audience';

/** Record-level access to letters, and to what hangs on them (dispositions, files). */
@Injectable()
export class LetterAccessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly audience: LetterAudience,
  ) {}

  /** The access rule as an SQL condition on a letter row; `me` and `below` as readersSql takes them. */
  readableSql(letter: string, security: string, me: string, below: string): string {
    return this.audience.readable(letter, security, me, below);
  }

  /** The rule as CTEs naming `readable_letter(id)`, for lists; they follow identity's belowUserCte(me) in a WITH RECURSIVE. */
  readableLettersSql(me: string): string {
    return this.audience.readableLetters(me);
  }

  async canRead(me: readonly string[], letterId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [row] = await em.query(
      `WITH RECURSIVE ${belowUserCte('$2::uuid[]')}
       SELECT ${this.readableSql('l.id', 'l.security_level', '$2::uuid[]', BELOW_USER_IDS)} AS readable FROM letter l WHERE l.id = $1`,
      [letterId, me],
    );
    return Boolean(row?.readable);
  }

  /** The letter when readable; NOT_FOUND otherwise, so an id reveals nothing about letters of others. */
  async readable(me: readonly string[], letterId: string, em: EntityManager = this.dataSource.manager): Promise<LetterEntity> {
    const letter = await em.findOneBy(LetterEntity, { id: letterId });
    if (!letter || !(await this.canRead(me, letterId, em))) throw notFound({ id: 'Surat', en: 'Letter' });
    return letter;
  }

  /**
   * `readable` for a caller whose viewers are `me` (the caller first, then the officials they act for): a
   * CONFIDENTIAL or SECRET letter the caller reads only through a delegation is recorded in the audit log,
   * with the official it was read for.
   */
  async read(me: readonly string[], letterId: string): Promise<LetterEntity> {
    const letter = await this.readable(me, letterId);
    const [callerId, ...officials] = me;
    if (!officials.length || !isClassified(letter.securityLevel) || (await this.canRead([callerId], letterId))) return letter;
    const readable = await Promise.all(officials.map((official) => this.canRead([official], letterId)));
    await inTransaction(this.dataSource, (em) =>
      this.audit.record(em, {
        actorId: callerId,
        actingForId: officials.find((_, i) => readable[i]) ?? null,
        action: 'letter.read-as-delegate',
        entityType: 'Letter',
        entityId: letterId,
        change: { securityLevel: letter.securityLevel },
      }),
    );
    return letter;
  }

  /** Ids among `letterIds` that `me` may read (one query for a page of files or letters). */
  async readableIds(me: readonly string[], letterIds: readonly string[]): Promise<Set<string>> {
    if (!letterIds.length) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE ${belowUserCte('$2::uuid[]')}
       SELECT l.id FROM letter l WHERE l.id = ANY($1::uuid[]) AND ${this.readableSql('l.id', 'l.security_level', '$2::uuid[]', BELOW_USER_IDS)}`,
      [letterIds, me],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Letters a file belongs to: as a scan of the letter or as a completion report on one of its assignments. */
  async lettersHoldingFile(fileId: string): Promise<string[]> {
    const rows: { letter_id: string }[] = await this.dataSource.query(
      `SELECT letter_id FROM letter_file WHERE file_id = $1
       UNION SELECT a.letter_id FROM assignment_file af JOIN disposition_assignment a ON a.id = af.assignment_id WHERE af.file_id = $1`,
      [fileId],
    );
    return rows.map((r) => r.letter_id);
  }
}
