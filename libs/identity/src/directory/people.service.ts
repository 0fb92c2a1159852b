import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import {
  badInput,
  decodeCursor,
  isUuid,
  Loaders,
  notFound,
  orderByKeys,
  pageSize,
  toConnection,
  type ConnectionShape,
} from '@gesit/platform';
import { Role } from '../users/role';
import { UserEntity } from '../users/user.entity';
import { parsePeopleSearch, WORD_SIMILARITY, type PeopleSearch } from './people-search';
import { delegationInForceSql } from './people.sql';

export interface PeopleQuery {
  search?: string | null;
  unitId?: string | null;
  includeSubUnits?: boolean | null;
  roles?: Role[] | null;
}

/** At most this many disposition candidates: more than a picker shows; narrow with a search. */
export const MAX_CANDIDATES = 200;
// Positions are never re-parented, so the chain has no cycles; the bound only guards against bad data.
const MAX_DEPTH = 64;

/** One searchable line per person: name, e-mail and position title, folded like the search words. */
const HAYSTACK = `lower(unaccent(u.name || ' ' || u.email || ' ' || coalesce(p.title, '')))`;

/** SQL conditions and a relevance score (0–1) for a parsed search; `param` adds a parameter and names it. */
function searchSql(search: PeopleSearch, param: (value: unknown) => string): { where: string[]; score: string } {
  if (search.kind === 'nip') return { where: [`u.nip LIKE ${param(search.prefix)} || '%'`], score: '1' };
  if (search.kind === 'all') return { where: [], score: '1' };
  const words = param(search.words);
  const threshold = param(WORD_SIMILARITY);
  // Each word must be in the entry or nearly so (a typo); the score favours whole-word hits.
  return {
    where: [
      `NOT EXISTS (SELECT 1 FROM unnest(${words}::text[]) w
                    WHERE strpos(h.hay, w) = 0 AND word_similarity(w, h.hay) < ${threshold})`,
    ],
    score: `round((SELECT avg(CASE WHEN strpos(h.hay, w) > 0 THEN 1 ELSE word_similarity(w, h.hay) END)
                     FROM unnest(${words}::text[]) w)::numeric, 4)`,
  };
}

/**
 * The staff directory: who works where, found by name, NIP, e-mail or position title. Names, positions
 * and units are not secret inside an office, so every signed-in user may search it.
 */
@Injectable()
export class PeopleService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: PeopleQuery, first?: number | null, after?: string | null): Promise<ConnectionShape<UserEntity>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after, 3);
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const { where, score } = searchSql(parsePeopleSearch(query.search), param);
    let scope = '';
    if (query.unitId) {
      if (!isUuid(query.unitId) || !(await this.dataSource.query('SELECT 1 FROM unit WHERE id = $1', [query.unitId])).length) {
        throw notFound({ id: 'Unit', en: 'Unit' });
      }
      const unit = param(query.unitId);
      if (query.includeSubUnits) {
        scope = `WITH RECURSIVE scope(id) AS (SELECT ${unit}::uuid UNION SELECT c.id FROM unit c JOIN scope s ON c.parent_id = s.id)`;
        where.push('p.unit_id IN (SELECT id FROM scope)');
      } else {
        where.push(`p.unit_id = ${unit}::uuid`);
      }
    }
    if (query.roles?.length) where.push(`u.roles && ${param(query.roles)}::text[]`);
    const hits = `SELECT u.id, u.name, ${score} AS score
        FROM app_user u LEFT JOIN position p ON p.id = u.position_id
        CROSS JOIN LATERAL (SELECT ${HAYSTACK} AS hay) h
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const countParams = [...params];
    let keyset = '';
    if (cursor) {
      const [s, n, id] = cursor;
      if (typeof s !== 'string' || !/^\d+(\.\d+)?$/.test(s) || typeof id !== 'string' || !isUuid(id)) {
        throw badInput({
          id: 'Kursor pada "after" bukan kursor dari server ini; mulai lagi tanpa kursor itu.',
          en: 'The cursor in "after" is not one this server gave out; start again without it.',
        });
      }
      keyset = `WHERE score < ${param(s)}::numeric OR (score = $${params.length}::numeric AND (name, id) > (${param(n)}, ${param(id)}::uuid))`;
    }
    const rows: { id: string; name: string; score: string }[] = await this.dataSource.query(
      `${scope} SELECT id, name, score::text AS score FROM (${hits}) hits ${keyset}
        ORDER BY score DESC, name, id LIMIT ${param(size + 1)}`,
      params,
    );
    const users = await this.users(rows.map((r) => r.id));
    const scores = new Map(rows.map((r) => [r.id, r.score]));
    return toConnection(
      users,
      size,
      async () => {
        const [{ count }] = await this.dataSource.query(`${scope} SELECT count(*)::int AS count FROM (${hits}) hits`, countParams);
        return count as number;
      },
      (u) => [scores.get(u.id)!, u.name, u.id],
    );
  }

  /**
   * Everyone below `officialId` in the chain of command, nearest first, matching `search`; `exceptId` (the
   * person acting, when a Plh/Plt disposes for the official) is left out.
   */
  async below(officialId: string, search: string | null | undefined, exceptId: string): Promise<UserEntity[]> {
    const params: unknown[] = [officialId, MAX_DEPTH, exceptId];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const { where } = searchSql(parsePeopleSearch(search), param);
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE down(position_id, depth) AS (
         SELECT p.id, 1 FROM position p JOIN app_user o ON o.position_id = p.superior_id WHERE o.id = $1
         UNION ALL
         SELECT p.id, d.depth + 1 FROM position p JOIN down d ON p.superior_id = d.position_id WHERE d.depth < $2
       )
       SELECT u.id FROM down JOIN app_user u ON u.position_id = down.position_id JOIN position p ON p.id = u.position_id
        CROSS JOIN LATERAL (SELECT ${HAYSTACK} AS hay) h
        WHERE u.id <> $3 ${where.map((w) => `AND ${w}`).join(' ')}
        ORDER BY down.depth, u.name, u.id LIMIT ${param(MAX_CANDIDATES)}`,
      params,
    );
    return this.users(rows.map((r) => r.id));
  }

  /** Who acts for each official right now (their active Plh/Plt), by official. */
  actingFor(loaders: Loaders): DataLoader<string, UserEntity | null> {
    return loaders.get(
      'identity.actingFor',
      () =>
        new DataLoader(async (officialIds: readonly string[]) => {
          const rows: { officialId: string; deputyId: string }[] = await this.dataSource.query(
            `SELECT d.from_user_id AS "officialId", d.to_user_id AS "deputyId" FROM delegation d
              WHERE d.from_user_id = ANY($1::uuid[]) AND ${delegationInForceSql('d')}`,
            [officialIds.filter(isUuid)],
          );
          const deputies = new Map((await this.users(rows.map((r) => r.deputyId))).map((u) => [u.id, u]));
          return orderByKeys(officialIds, rows, (r) => r.officialId).map((r) => (r ? (deputies.get(r.deputyId) ?? null) : null));
        }),
    );
  }

  /** Users by id, in the order given. */
  private async users(ids: string[]): Promise<UserEntity[]> {
    if (!ids.length) return [];
    const found = new Map((await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) })).map((u) => [u.id, u]));
    return ids.map((id) => found.get(id)).filter((u): u is UserEntity => Boolean(u));
  }
}
