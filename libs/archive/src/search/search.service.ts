import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessPolicyService, belowUserCte } from '@gesit/identity';
import {
  badInput,
  decodeCursor,
  inTransaction,
  MICROSECOND_CURSOR,
  pageSize,
  Principal,
  toConnection,
  type ConnectionShape,
} from '@gesit/platform';
import { ArchiveRecordEntity } from '../records/archive-record.entity';
import { type LetterReadableSql, readableRecordSql } from '../records/record-access.sql';
import { RecordsService } from '../records/records.service';
import { foldWord, queryStems, queryWords, wordsMatching } from '../indexing/indonesian-stemmer';
import { ArchiveFilter, ArchiveSearchHitType } from './search.types';

const MAX_QUERY = 500;
const HEADLINE_OPTIONS = 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

/** A tsquery of lexemes ORed together, each quoted (lexemes of the simple parser may hold dots and slashes). */
export function anyOf(lexemes: readonly string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
}

/** A tsquery of plain words (letters and digits only) ANDed together. */
const allOf = (terms: readonly string[]): string => terms.join(' & ');

/** The phase of a record row `r` with its dossier `d` (LEFT JOINed), as RecordsService.phaseOf says it. */
const RECORD_PHASE = `(CASE WHEN r.destroyed_at IS NOT NULL THEN 'DESTROYED' ELSE coalesce(d.phase, 'ACTIVE') END)`;

/**
 * The score of a hit is its tier; within a tier the newest record comes first. Ranking every match (ts_rank
 * over 2 KB of OCR text) costs a fixed time per match, and a common word matches a fifth of a million-record
 * archive; tiers let each one be read in index order and stop after one page.
 */
export const SCORE = { NUMBER: 3, HEAD: 2, TEXT: 1, TYPO: 0.5 } as const;

/** A query naming a letter number or any figure (000.8.3.3/15/OR, 15/OR) is also looked up as a substring of the keys. */
export const numberLike = (query: string): boolean => /\d/.test(query);

/**
 * Run before the search statements, in their transaction. JIT compiling the access rule's large expression
 * took seconds where the statement itself takes milliseconds: the planner costs a LIMITed index scan as if
 * it read the whole index, which puts it past jit_optimize_above_cost.
 */
export const SEARCH_SETTINGS = 'SET LOCAL jit = off';

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (text: string): string => `%${escapeLike(foldWord(text))}%`;

/** A letter number as the index holds it: lower case, as typed otherwise. */
export const letterNumberKey = (query: string): string => query.trim().toLowerCase();

export interface SearchStatementInput {
  letterReadable: LetterReadableSql;
  viewers: readonly string[];
  query: string;
  /** Further conditions on `r`/`d`, each with one `?` for its value. */
  filters?: readonly [sql: string, value: unknown][];
  /** The last hit of the previous page: its score, archived_at (full microseconds) and id. */
  after?: readonly [number, string, string] | null;
  /** Rows to fetch (a page + 1). */
  limit: number;
  /** Trigram similarity of titles instead of words: for a misspelt query that found nothing. */
  typos?: boolean;
}

/**
 * The search statement: one subquery per tier (letter number as typed, a word of the title or letter number,
 * a word anywhere), each read newest first through the GIN indexes or the archived_at index, whichever the
 * planner finds cheaper, each with the access rule and LIMIT. Keyset pagination on (score, archived_at, id).
 */
export function searchStatement(input: SearchStatementInput): {
  sql: string;
  params: unknown[];
  count: { sql: string; params: unknown[] };
} {
  const params: unknown[] = [input.viewers];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const base = ['r.destroyed_at IS NULL', readableRecordSql(input.letterReadable, '$1::uuid[]')];
  for (const [sql, value] of input.filters ?? []) base.push(sql.replaceAll('?', p(value)));
  const tiers: [number, string][] = [];
  const ctes = [belowUserCte('$1::uuid[]')];
  if (input.typos) {
    tiers.push([SCORE.TYPO, `${p(foldWord(input.query))} <% r.search_keys`]);
  } else {
    const stems = p(allOf(queryStems(input.query)));
    const exact = p(allOf(queryWords(input.query)));
    const head = `(r.search_head @@ to_tsquery('simple', ${stems}) OR r.search_head @@ to_tsquery('simple', ${exact}))`;
    const text = `(r.search_stemmed @@ to_tsquery('simple', ${stems}) OR r.search_exact @@ to_tsquery('simple', ${exact}))`;
    let notNumber = '';
    if (numberLike(input.query)) {
      // A whole letter number, or its leading parts up to a slash (000.8.3.3/15 finds 000.8.3.3/15/OR): a btree
      // range. Only when no record the caller may read has one does the number count as a substring of titles
      // and numbers (15/OR), whose trigram lookup grows with the archive. The answer is a CTE of its own: asked
      // once, before that scan (which it skips), planned once, and the same on every page.
      const key = letterNumberKey(input.query);
      const whole = `(lower(r.letter_number) = ${p(key)} OR lower(r.letter_number) LIKE ${p(`${escapeLike(key)}/%`)})`;
      ctes.push(`number_whole AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id
        WHERE ${base.join(' AND ')} AND ${whole}) AS found)`);
      const substring = `(r.search_keys LIKE ${p(like(input.query))} AND NOT (SELECT found FROM number_whole))`;
      tiers.push([SCORE.NUMBER, whole], [SCORE.NUMBER, substring]);
      // IS NOT TRUE: a record without a letter number (NULL) is no number match.
      notNumber = ` AND ${whole} IS NOT TRUE AND ${substring} IS NOT TRUE`;
    }
    tiers.push([SCORE.HEAD, `${head}${notNumber}`]);
    tiers.push([SCORE.TEXT, `${text} AND NOT ${head}${notNumber}`]);
  }
  const countParams = [...params];
  const count = `WITH RECURSIVE ${ctes.join(', ')}
    SELECT count(*)::int AS count FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id
     WHERE ${base.join(' AND ')} AND (${tiers.map(([, sql]) => `(${sql})`).join(' OR ')})`;
  const limit = p(input.limit);
  const after = input.after;
  const parts = tiers
    .filter(([score]) => !after || score <= after[0])
    .map(([score, sql]) => {
      const page = after && score === after[0] ? ` AND (r.archived_at, r.id) < (${p(after[1])}::timestamptz, ${p(after[2])}::uuid)` : '';
      return `(SELECT r.id, ${score}::float8 AS score, ${MICROSECOND_CURSOR('r.archived_at')} AS at
          FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id
         WHERE ${base.join(' AND ')} AND ${sql}${page}
         ORDER BY r.archived_at DESC, r.id DESC LIMIT ${limit})`;
    });
  const counted = { sql: count, params: countParams };
  // A cursor below every tier: nothing is left.
  if (!parts.length)
    return { sql: 'SELECT NULL::uuid AS id, 0::float8 AS score, NULL::text AS at WHERE false', params: [], count: counted };
  const sql = `WITH RECURSIVE ${ctes.join(', ')}
    SELECT * FROM (${parts.join(' UNION ALL ')}) s ORDER BY s.score DESC, s.at DESC, s.id DESC LIMIT ${limit}`;
  return { sql, params, count: counted };
}

@Injectable()
export class SearchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: AccessPolicyService,
    private readonly records: RecordsService,
  ) {}

  /**
   * Full-text search within what the caller may read: Indonesian stems (pemusnahan finds dimusnahkan), exact
   * words, letter numbers as typed (000.8.3.3/15/OR), and title trigrams when the words found nothing (typos).
   * Best tier first, newest first within it, keyset-paginated; highlights for the returned page only.
   */
  async search(
    principal: Principal,
    query: string,
    filter: ArchiveFilter | null | undefined,
    first?: number | null,
    after?: string | null,
  ): Promise<ConnectionShape<ArchiveSearchHitType>> {
    const text = query.trim();
    if (!text) throw badInput({ id: 'Tulis kata yang dicari.', en: 'Type what to search for.' }, { field: 'query' });
    if (text.length > MAX_QUERY)
      throw badInput(
        {
          id: `Kata pencarian terlalu panjang: paling banyak ${MAX_QUERY} karakter.`,
          en: `The search text is too long: at most ${MAX_QUERY} characters.`,
        },
        { field: 'query' },
      );
    const size = pageSize(first);
    const cursor = decodeCursor(after, 3);
    if (cursor && (typeof cursor[0] !== 'number' || typeof cursor[1] !== 'string' || typeof cursor[2] !== 'string')) {
      throw badInput(
        {
          id: 'Penanda halaman ("after") tidak dikenal; ulangi pencarian tanpa penanda itu.',
          en: 'The page marker ("after") is not known; search again without it.',
        },
        { field: 'after' },
      );
    }
    const me = await this.policy.viewerIds(principal);
    const filters: [string, unknown][] = [];
    if (filter?.classificationCode)
      filters.push([`(r.classification_code = ? OR r.classification_code LIKE ? || '.%')`, filter.classificationCode]);
    if (filter?.dossierId) filters.push(['r.dossier_id = ?::uuid', filter.dossierId]);
    if (filter?.unitId) filters.push(['r.unit_id = ?::uuid', filter.unitId]);
    if (filter?.phase?.length) filters.push([`${RECORD_PHASE} = ANY(?)`, filter.phase]);
    if (filter?.documentDateFrom) filters.push(['r.document_date >= ?::date', filter.documentDateFrom]);
    if (filter?.documentDateTo) filters.push(['r.document_date <= ?::date', filter.documentDateTo]);
    const input: SearchStatementInput = {
      letterReadable: this.records.letterReadable,
      viewers: me,
      query: text,
      filters,
      after: cursor as [number, string, string] | null,
      limit: size + 1,
      typos: cursor?.[0] === SCORE.TYPO,
    };
    let statement = searchStatement(input);
    type Row = { id: string; score: number; at: string };
    let rows: Row[] = await this.query(statement.sql, statement.params);
    if (!rows.length && !cursor) {
      statement = searchStatement({ ...input, typos: true });
      rows = await this.query(statement.sql, statement.params);
    }
    const shown = rows.slice(0, size).map((r) => r.id);
    const [records, highlights] = await Promise.all([
      this.dataSource.getRepository(ArchiveRecordEntity).findBy({ id: In(rows.map((r) => r.id)) }),
      this.highlights(shown, queryStems(text), queryWords(text)),
    ]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const hits = rows
      .filter((r) => byId.has(r.id))
      .map((r) => ({ hit: { record: byId.get(r.id)!, score: r.score, highlight: highlights.get(r.id) ?? null }, at: r.at }));
    await this.records.auditReads(
      principal,
      hits.slice(0, size).map((h) => h.hit.record),
    );
    const { count } = statement;
    const total = async () => {
      const [{ count: n }] = await this.query<{ count: number }>(count.sql, count.params);
      return n as number;
    };
    const connection = toConnection(hits, size, total, (h) => [h.hit.score, h.at, h.hit.record.id]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.hit })) };
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return inTransaction(this.dataSource, async (em) => {
      await em.query(SEARCH_SETTINGS);
      return em.query(sql, params);
    });
  }

  /**
   * ts_headline over title, description, letter number and OCR text, marking the document's own word forms
   * whose stem the query asks for (the stemmed vector holds roots, which the text itself does not contain).
   */
  private async highlights(ids: string[], stems: string[], exact: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const vocab: { id: string; words: string[] }[] = await this.dataSource.query(
      `SELECT r.id, array(SELECT lexeme FROM unnest(r.search_exact)) AS words FROM archive_record r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    const queries = vocab.map((v) => ({
      id: v.id,
      q: anyOf([...new Set([...wordsMatching(v.words, stems), ...exact.filter((w) => v.words.includes(w))])]),
    }));
    const wanted = queries.filter((q) => q.q);
    if (!wanted.length) return new Map();
    const rows: { id: string; headline: string }[] = await this.dataSource.query(
      `SELECT r.id, ts_headline('simple', replace(replace(replace(concat_ws(E'\\n', r.title, r.description, r.letter_number,
                (SELECT string_agg(p.text, E'\\n' ORDER BY p.page) FROM archive_record_page p WHERE p.record_id = r.id)),
              '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
              to_tsquery('simple', q.q), '${HEADLINE_OPTIONS}') AS headline
         FROM unnest($1::uuid[], $2::text[]) AS q(id, q) JOIN archive_record r ON r.id = q.id`,
      [wanted.map((q) => q.id), wanted.map((q) => q.q)],
    );
    return new Map(rows.map((r) => [r.id, r.headline]));
  }
}
