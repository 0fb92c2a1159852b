import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AccessPolicyService, belowUserCte } from '@gesit/identity';
import { badInput, decodeCursor, pageSize, Principal, toConnection, type ConnectionShape } from '@gesit/platform';
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

/** The query's parameters: $1 viewers, $2 stemmed tsquery, $3 exact tsquery, $4 folded query for trigrams, $5 its LIKE pattern. */
export function searchParams(viewers: readonly string[], query: string): unknown[] {
  const keys = foldWord(query);
  return [viewers, allOf(queryStems(query)), allOf(queryWords(query)), keys, `%${keys.replace(/[\\%_]/g, (c) => `\\${c}`)}%`];
}

/** What every search asks of a record row `r`: alive, readable by $1 (letters by `letterReadable`), matching $2..$5. */
export const searchConditions = (letterReadable: LetterReadableSql): string[] => [
  'r.destroyed_at IS NULL',
  readableRecordSql(letterReadable, '$1::uuid[]'),
  `(r.search_stemmed @@ to_tsquery('simple', $2) OR r.search_exact @@ to_tsquery('simple', $3)
    OR r.search_keys LIKE $5 OR $4 <% r.search_keys)`,
];

/** A page of hits, best first: `filtered` the conditions, `page` the keyset condition on s, $limit the page size + 1. */
export function hitsSql(filtered: string, page: string, limit: number): string {
  return `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}
    SELECT s.id, s.score FROM (
      SELECT r.id, (
          ts_rank(r.search_stemmed, to_tsquery('simple', $2)) + ts_rank(r.search_exact, to_tsquery('simple', $3))
          + CASE WHEN r.search_keys LIKE $5 THEN 1 ELSE 0 END + word_similarity($4, coalesce(r.search_keys, ''))
        )::float8 AS score
        FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id WHERE ${filtered}) s
    ${page} ORDER BY s.score DESC, s.id LIMIT $${limit}`;
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
   * words, and trigrams of titles and letter numbers (000.8.3.3/15/OR, typos). Best first, keyset-paginated.
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
    const cursor = decodeCursor(after, 2);
    const stems = queryStems(text);
    const exact = queryWords(text);
    const me = await this.policy.viewerIds(principal);
    const params: unknown[] = searchParams(me, text);
    const where: string[] = searchConditions(this.records.letterReadable);
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter?.classificationCode) add(`(r.classification_code = ? OR r.classification_code LIKE ? || '.%')`, filter.classificationCode);
    if (filter?.dossierId) add('r.dossier_id = ?::uuid', filter.dossierId);
    if (filter?.unitId) add('r.unit_id = ?::uuid', filter.unitId);
    if (filter?.phase?.length) add(`${RECORD_PHASE} = ANY(?)`, filter.phase);
    if (filter?.documentDateFrom) add('r.document_date >= ?::date', filter.documentDateFrom);
    if (filter?.documentDateTo) add('r.document_date <= ?::date', filter.documentDateTo);
    const filtered = where.join(' AND ');
    const countParams = [...params];
    let page = '';
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      page = `WHERE (s.score < $${params.length - 1}::float8 OR (s.score = $${params.length - 1}::float8 AND s.id > $${params.length}::uuid))`;
    }
    params.push(size + 1);
    const rows: { id: string; score: number }[] = await this.dataSource.query(hitsSql(filtered, page, params.length), params);
    const shown = rows.slice(0, size).map((r) => r.id);
    const [records, highlights] = await Promise.all([
      this.dataSource.getRepository(ArchiveRecordEntity).findBy({ id: In(rows.map((r) => r.id)) }),
      this.highlights(shown, stems, exact),
    ]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const hits: ArchiveSearchHitType[] = rows
      .filter((r) => byId.has(r.id))
      .map((r) => ({ record: byId.get(r.id)!, score: r.score, highlight: highlights.get(r.id) ?? null }));
    await this.records.auditReads(
      principal,
      hits.slice(0, size).map((h) => h.record),
    );
    const count = async () => {
      const [{ count: total }] = await this.dataSource.query(
        `WITH RECURSIVE ${belowUserCte('$1::uuid[]')}
         SELECT count(*)::int AS count FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id WHERE ${filtered}`,
        countParams,
      );
      return total as number;
    };
    return toConnection(hits, size, count, (h) => [h.score, h.record.id]);
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
