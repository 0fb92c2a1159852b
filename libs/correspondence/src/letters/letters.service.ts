import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessPolicyService, belowUserCte } from '@gesit/identity';
import { decodeCursor, MICROSECOND_CURSOR, pageSize, Principal, toConnection, type ConnectionShape } from '@gesit/platform';
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
    const where: string[] = ['l.id IN (SELECT id FROM readable_letter)'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter?.direction) add('l.direction = ?', filter.direction);
    if (filter?.status?.length) add('l.status = ANY(?)', filter.status);
    if (filter?.receivedFrom) add('l.received_at >= ?', filter.receivedFrom);
    if (filter?.receivedTo) add('l.received_at < ?', filter.receivedTo);
    if (filter?.search?.trim()) {
      add(
        `(l.subject ILIKE ? OR l.number ILIKE $${params.length + 1} OR l.agenda_number ILIKE $${params.length + 1} OR l.sender_name ILIKE $${params.length + 1})`,
        likePattern(filter.search),
      );
    }
    const filtered = where.join(' AND ');
    const countParams = [...params];
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(l.created_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(size + 1);
    const readable = `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}, ${this.access.readableLettersSql('$1::uuid[]')}`;
    const rows: { id: string; at: string }[] = await this.dataSource.query(
      `${readable}
       SELECT l.id, ${MICROSECOND_CURSOR('l.created_at')} AS at FROM letter l WHERE ${where.join(' AND ')} ORDER BY l.created_at DESC, l.id DESC LIMIT $${params.length}`,
      params,
    );
    const letters = await this.dataSource.getRepository(LetterEntity).findBy({ id: In(rows.map((r) => r.id)) });
    const byId = new Map(letters.map((l) => [l.id, l]));
    const at = new Map(rows.map((r) => [r.id, r.at]));
    const ordered = rows.map((r) => byId.get(r.id)).filter((l): l is LetterEntity => Boolean(l));
    const count = async () => {
      const [{ count: total }] = await this.dataSource.query(
        `${readable} SELECT count(*)::int AS count FROM letter l WHERE ${filtered}`,
        countParams,
      );
      return total as number;
    };
    return toConnection(ordered, size, count, (l) => [at.get(l.id)!, l.id]);
  }
}

/** A LIKE pattern matching `text` anywhere, with the user's % and _ taken literally. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
