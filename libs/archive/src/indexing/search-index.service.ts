import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { stemText } from './indonesian-stemmer';

interface IndexSource {
  id: string;
  title: string;
  description: string | null;
  letter_number: string | null;
  classification_code: string;
  dossier_number: string | null;
  dossier_title: string | null;
  pages: string | null;
}

/**
 * Writes a record's search entries: the stemmed vector (Indonesian roots, so word forms find each other),
 * the exact vector (unstemmed, unaccented words and names) and the keys for trigram matching of letter
 * numbers and typos. Titles weigh most, and the title with the letter number also has its own small vector
 * (search_head), whose matches come before those in the body.
 */
@Injectable()
export class SearchIndexService {
  async reindex(em: EntityManager, recordIds: readonly string[]): Promise<void> {
    if (!recordIds.length) return;
    const sources: IndexSource[] = await em.query(
      `SELECT r.id, r.title, r.description, r.letter_number, r.classification_code, d.number AS dossier_number, d.title AS dossier_title,
              (SELECT string_agg(p.text, E'\\n' ORDER BY p.page) FROM archive_record_page p WHERE p.record_id = r.id) AS pages
         FROM archive_record r LEFT JOIN dossier d ON d.id = r.dossier_id
        WHERE r.id = ANY($1::uuid[]) AND r.destroyed_at IS NULL`,
      [recordIds],
    );
    for (const s of sources) {
      const head = s.title;
      const body = [s.description, s.letter_number, s.classification_code, s.dossier_number, s.dossier_title, s.pages]
        .filter(Boolean)
        .join('\n');
      await em.query(
        `UPDATE archive_record SET
           search_stemmed = setweight(to_tsvector('simple', $2), 'A') || to_tsvector('simple', $3),
           search_exact = setweight(to_tsvector('simple', unaccent($4)), 'A') || to_tsvector('simple', unaccent($5)),
           search_head = to_tsvector('simple', $8) || to_tsvector('simple', unaccent(concat_ws(' ', $4, $6::text))),
           search_keys = lower(unaccent(concat_ws(' ', $4, $6::text, $7::text)))
         WHERE id = $1`,
        [s.id, stemText(head), stemText(body), head, body, s.letter_number, s.description, stemText(`${head} ${s.letter_number ?? ''}`)],
      );
    }
  }
}
