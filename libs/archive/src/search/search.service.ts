import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessPolicyService } from '@gesit/identity';
import { badInput, decodeCursor, MICROSECOND_CURSOR, pageSize, Principal, toConnection, type ConnectionShape } from '@gesit/platform';
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

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const like = (text: string): string => `%${escapeLike(foldWord(text))}%`;

/** A letter number as the index holds it: lower case, as typed otherwise. */
export const letterNumberKey = (query: string): string => query.trim().toLowerCase();

export interface SearchStatementInput {
  letterReadable: LetterReadableSql;
  /** Who reads for the caller (AccessPolicyService.readers): the caller and the officials they act for. */
  viewers: readonly string[];
  /** Everyone below the viewers in the chain of command. */
  below: readonly string[];
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

/** A statement and its parameters, built with `p` to number each value. */
type Sql = { sql: string; params: unknown[] };
type Param = (value: unknown) => string;

/** A hit as the tiers return it: the score is its tier, `at` its archived_at to the microsecond. */
export interface SearchRow {
  id: string;
  score: number;
  at: string;
}

/**
 * Runs one of the search's statements. Each may take its own pooled connection: they need no common snapshot,
 * and every connection runs without JIT (data-source-options: compiling the access rule's large expression took
 * seconds where the statement takes milliseconds), so no transaction is opened for a setting.
 */
export type SearchQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The parts every tier shares: the access rule and the filters, and the conditions of each tier. */
function searchParts(input: SearchStatementInput, p: Param) {
  const base = [
    'r.destroyed_at IS NULL',
    readableRecordSql(input.letterReadable, `${p(input.viewers)}::uuid[]`, `${p(input.below)}::uuid[]`),
  ];
  for (const [sql, value] of input.filters ?? []) base.push(sql.replaceAll('?', p(value)));
  const stems = allOf(queryStems(input.query));
  const exact = allOf(queryWords(input.query));
  const key = letterNumberKey(input.query);
  return {
    base: base.join(' AND '),
    head: () => `(r.search_head @@ to_tsquery('simple', ${p(stems)}) OR r.search_head @@ to_tsquery('simple', ${p(exact)}))`,
    text: () => `(r.search_stemmed @@ to_tsquery('simple', ${p(stems)}) OR r.search_exact @@ to_tsquery('simple', ${p(exact)}))`,
    // A whole letter number, or its leading parts up to a slash (000.8.3.3/15 finds 000.8.3.3/15/OR): a btree range.
    whole: () => `(lower(r.letter_number) = ${p(key)} OR lower(r.letter_number) LIKE ${p(`${escapeLike(key)}/%`)})`,
    // The number as a substring of titles and numbers (15/OR): a trigram lookup, whose cost grows with the archive.
    substring: () => `r.search_keys LIKE ${p(like(input.query))}`,
    typo: () => `${p(foldWord(input.query))} <% r.search_keys`,
  };
}

type Parts = ReturnType<typeof searchParts>;

function numbered(build: (p: Param) => string): Sql {
  const params: unknown[] = [];
  const sql = build((value) => {
    params.push(value);
    return `$${params.length}`;
  });
  return { sql, params };
}

/**
 * One tier's page: its matches the caller may read, newest first, after the cursor when it lies in this tier.
 * `few`: the condition matches a handful of rows (a letter number), read first behind OFFSET 0; otherwise the
 * planner, misjudging how many records share a number, walks the archived_at index through the whole archive
 * to fill the LIMIT (1 s at 1,000,000 records).
 */
function tierStatement(input: SearchStatementInput, score: number, condition: (parts: Parts) => string, limit: number, few = false): Sql {
  return numbered((p) => {
    const parts = searchParts(input, p);
    const after = input.after && input.after[0] === score ? input.after : null;
    const page = after ? ` AND (r.archived_at, r.id) < (${p(after[1])}::timestamptz, ${p(after[2])}::uuid)` : '';
    const from = few
      ? `(SELECT * FROM archive_record r WHERE r.destroyed_at IS NULL AND ${condition(parts)} OFFSET 0) r`
      : 'archive_record r';
    return `SELECT r.id, ${score}::float8 AS score, ${MICROSECOND_CURSOR('r.archived_at')} AS at
        FROM ${from} LEFT JOIN dossier d ON d.id = r.dossier_id
       WHERE ${parts.base}${few ? '' : ` AND ${condition(parts)}`}${page}
       ORDER BY r.archived_at DESC, r.id DESC LIMIT ${p(limit)}`;
  });
}

/**
 * The hits of one page, best tier first: a letter number (whole, else as a substring), a word of the title or
 * letter number, a word anywhere; typos (title trigrams) only when asked. Each tier is its own statement, read
 * newest first through the GIN indexes or the archived_at index, whichever the planner finds cheaper, and the
 * tiers below are neither planned nor run once the page is full: planning the access rule costs more than
 * running a tier at small scale. Keyset pagination on (score, archived_at, id).
 */
export async function searchRows(query: SearchQuery, input: SearchStatementInput): Promise<SearchRow[]> {
  const rows: SearchRow[] = [];
  const after = input.after;
  const read = async (score: number, condition: (parts: Parts) => string, few = false): Promise<number> => {
    const wanted = input.limit - rows.length;
    if (wanted <= 0 || (after && score > after[0])) return 0;
    const { sql, params } = tierStatement(input, score, condition, wanted, few);
    const found = (await query(sql, params)) as unknown as SearchRow[];
    rows.push(...found);
    return found.length;
  };
  if (input.typos) {
    await read(SCORE.TYPO, (parts) => parts.typo());
    return rows;
  }
  let notNumber: (parts: Parts) => string = () => '';
  if (numberLike(input.query)) {
    // The substring counts only when no record the caller may read has the number whole; the answer is the same
    // on every page (asked again only when the cursor has left the whole numbers behind).
    let whole = (await read(SCORE.NUMBER, (parts) => parts.whole(), true)) > 0;
    if (!whole && after && after[0] <= SCORE.NUMBER) {
      const exists = numbered((p) => {
        const parts = searchParts(input, p);
        return `SELECT EXISTS (SELECT 1 FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id WHERE ${parts.base} AND ${parts.whole()}) AS found`;
      });
      whole = Boolean((await query(exists.sql, exists.params))[0]?.found);
    }
    if (!whole) await read(SCORE.NUMBER, (parts) => parts.substring());
    // IS NOT TRUE: a record without a letter number (NULL) is no number match.
    notNumber = (parts) => {
      return ` AND ${parts.whole()} IS NOT TRUE${whole ? '' : ` AND (${parts.substring()}) IS NOT TRUE`}`;
    };
  }
  await read(SCORE.HEAD, (parts) => `${parts.head()}${notNumber(parts)}`);
  await read(SCORE.TEXT, (parts) => `${parts.text()} AND NOT ${parts.head()}${notNumber(parts)}`);
  return rows;
}

/** How many hits there are in all (for totalCount, asked only when the client wants it): every tier once, no page. */
export function searchCount(input: SearchStatementInput): Sql {
  return numbered((p) => {
    const parts = searchParts(input, p);
    let ctes = '';
    let match: string;
    if (input.typos) match = parts.typo();
    else if (numberLike(input.query)) {
      ctes = `WITH number_whole AS MATERIALIZED (SELECT EXISTS (SELECT 1 FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id
        WHERE ${parts.base} AND ${parts.whole()}) AS found) `;
      match = `${parts.whole()} OR (${parts.substring()} AND NOT (SELECT found FROM number_whole)) OR ${parts.head()} OR ${parts.text()}`;
    } else match = `${parts.head()} OR ${parts.text()}`;
    return `${ctes}SELECT count(*)::int AS count FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id WHERE ${parts.base} AND (${match})`;
  });
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
    const { viewers, below } = await this.policy.readers(principal);
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
      viewers,
      below,
      query: text,
      filters,
      after: cursor as [number, string, string] | null,
      limit: size + 1,
      typos: cursor?.[0] === SCORE.TYPO,
    };
    let typos = Boolean(input.typos);
    let rows = await this.rows(input);
    if (!rows.length && !cursor) {
      typos = true;
      rows = await this.rows({ ...input, typos });
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
    const total = async () => {
      const count = searchCount({ ...input, typos });
      const [{ count: n }] = await this.query<{ count: number }>(count.sql, count.params);
      return n as number;
    };
    const connection = toConnection(hits, size, total, (h) => [h.hit.score, h.at, h.hit.record.id]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: e.node.hit })) };
  }

  private rows(input: SearchStatementInput): Promise<SearchRow[]> {
    return searchRows((sql, params) => this.dataSource.query(sql, params), input);
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(sql, params);
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
