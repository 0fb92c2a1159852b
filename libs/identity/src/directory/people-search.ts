import { badInput } from '@gesit/platform';

/** What a directory search asks for: a NIP prefix, or words that must each match a person. */
export type PeopleSearch = { kind: 'all' } | { kind: 'nip'; prefix: string } | { kind: 'words'; words: string[] };

export const MAX_SEARCH_LENGTH = 100;
/** How alike a typed word and a word of a person's entry must be (pg_trgm word_similarity) to match. */
export const WORD_SIMILARITY = 0.5;

// Academic degrees and honorifics as Indonesians write them around names: a search that includes or
// omits them must find the same person, so they are never required to match.
const TITLES = new Set([
  'dr',
  'drs',
  'dra',
  'ir',
  'h',
  'hj',
  'prof',
  'st',
  'se',
  'sh',
  'sip',
  'sos',
  'ssos',
  'spd',
  'skom',
  'skm',
  'sked',
  'sag',
  'sstp',
  'ssi',
  'ak',
  'amd',
  'ap',
  'mt',
  'mm',
  'msi',
  'mkom',
  'mpd',
  'mh',
  'map',
  'mak',
  'ma',
  'msc',
  'phd',
  'bsc',
]);

/** Lower case, without diacritics (é → e), as PostgreSQL's unaccent + lower give the stored side. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Splits what a person typed into what to look for; titles and punctuation are dropped. */
export function parsePeopleSearch(text: string | null | undefined): PeopleSearch {
  if (text === null || text === undefined) return { kind: 'all' };
  if (text.includes('\u0000'))
    throw badInput({
      id: 'Kata pencarian memuat karakter yang tidak sah; ketik ulang kata pencariannya.',
      en: 'The search text contains characters that are not allowed; type the search again.',
    });
  if (text.length > MAX_SEARCH_LENGTH) {
    throw badInput(
      {
        id: `Kata pencarian terlalu panjang; paling banyak ${MAX_SEARCH_LENGTH} karakter.`,
        en: `The search text is too long; at most ${MAX_SEARCH_LENGTH} characters.`,
      },
      { field: 'search' },
    );
  }
  const compact = text.replace(/\s+/g, '');
  if (/^\d{3,18}$/.test(compact)) return { kind: 'nip', prefix: compact };
  const words = foldText(text)
    .split(/[^\p{L}\p{N}@._-]+/u)
    .map((w) => w.replace(/^[._-]+|[._-]+$/g, ''))
    .filter((w) => w.length > 0 && !TITLES.has(w.replace(/[._-]/g, '')));
  return words.length ? { kind: 'words', words: [...new Set(words)] } : { kind: 'all' };
}
