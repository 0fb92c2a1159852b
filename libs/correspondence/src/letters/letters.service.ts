import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessPolicyService, belowUserCte } from '@gesit/identity';
import { AppConfig, decodeCursor, MICROSECOND_CURSOR, pageSize, Principal, toConnection, type ConnectionShape } from '@gesit/platform';
import { LetterAccessService } from './letter-access.service';
import { LetterEntity } from './letter.entity';
import { LetterFilter } from './letter.types';

/** Reading letters: one letter, and the registry of letters the caller may read. */
@Injectable()
export class LettersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: LetterAccessService,
    private readonly policy: AccessPolicyService,
    private readonly config: AppConfig,
  ) {}

  async get(principal: Principal, id: string): Promise<LetterEntity> {
    return this.access.read(await this.policy.viewerIds(principal), id);
  }

  /** The registry: letters the caller may read, newest first. */
  async list(
    principal: Principal,
    filter: LetterFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<LetterEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const effectiveUserIds = await this.policy.viewerIds(principal);
    const params: unknown[] = [effectiveUserIds];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter?.direction) add('l.direction = ?', filter.direction);
    if (filter?.status?.length) add('l.status = ANY(?)', filter.status);
    if (filter?.receivedFrom) add('l.received_at >= ?', filter.receivedFrom);
    if (filter?.receivedTo) add('l.received_at < ?', filter.receivedTo);
    const search = filter?.search?.trim() ? likePattern(filter.search) : null;
    if (search) add(LETTER_SEARCH_SQL, search);
    const readerFirst = search !== null && (await this.matchesExpected(search)) > this.config.letterSearchCommonMatches;
    const from = (conditions: string[]) => {
      const filtered = conditions.join(' AND ') || 'true';
      // Fenced by OFFSET 0, so that the planner cannot turn it back into a scan of every letter.
      return readerFirst
        ? `readable_letter r CROSS JOIN LATERAL (SELECT l.id, l.created_at FROM letter l WHERE l.id = r.id AND ${filtered} OFFSET 0) l`
        : `letter l WHERE l.id IN (SELECT id FROM readable_letter) AND ${filtered}`;
    };
    const counted = from(where);
    const countParams = [...params];
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(l.created_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(size + 1);
    const readable = `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}, ${this.access.readableLettersSql('$1::uuid[]')}`;
    const rows: { id: string; at: string }[] = await this.dataSource.query(
      `${readable}
       SELECT l.id, ${MICROSECOND_CURSOR('l.created_at')} AS at FROM ${from(where)} ORDER BY l.created_at DESC, l.id DESC LIMIT $${params.length}`,
      params,
    );
    const letters = await this.dataSource.getRepository(LetterEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(letters.map((l) => [l.id, l]));
    const at = new Map(rows.map((r) => [r.id, r.at]));
    const ordered = rows.map((r) => byId.get(r.id)).filter((l): l is LetterEntity => Boolean(l));
    const count = async () => {
      const [{ count: total }] = await this.dataSource.query(`${readable} SELECT count(*)::int AS count FROM ${counted}`, countParams);
      return total as number;
    };
    return toConnection(ordered, size, count, (l) => [at.get(l.id)!, l.id]);
  }

  /**
   * How many letters the planner expects `pattern` to match (from the columns' statistics; nothing is read).
   * A rare text is best found through the trigram indexes and each match checked against the reader; a
   * common one (every subject saying "koordinasi") is best checked in the reader's own letters: 260 ms
   * against 15 ms for a member of staff over 220,000 letters (bench/RESULTS.md, session 12).
   */
  private async matchesExpected(pattern: string): Promise<number> {
    const [row]: { 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }[] = await this.dataSource.query(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM letter l WHERE ${LETTER_SEARCH_SQL.replaceAll('?', '$1')}`,
      [pattern],
    );
    return row['QUERY PLAN'][0].Plan['Plan Rows'];
  }
}

/** The registry's text search: `?` is the LIKE pattern, matched against subject, number, agenda number and sender. */
const LETTER_SEARCH_SQL = '(l.subject ILIKE ? OR l.number ILIKE ? OR l.agenda_number ILIKE ? OR l.sender_name ILIKE ?)';

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
