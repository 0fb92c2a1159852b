import { Stemmer } from 'sastrawijs';

/**
 * Roots in Sastrawi's dictionary that an office archive almost never means but that capture common
 * words: "ilai" takes penilaian and menilai away from nilai, "utus" takes memutuskan away from putus.
 */
const MISLEADING_ROOTS = ['ilai', 'utus'];

let stemmer: Stemmer | null = null;

function shared(): Stemmer {
  if (!stemmer) {
    stemmer = new Stemmer();
    stemmer.remove(MISLEADING_ROOTS);
  }
  return stemmer;
}

/** Lower case, without diacritics (é → e), as PostgreSQL's unaccent leaves words. */
export function foldWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const LETTERS_ONLY = /^\p{L}+$/u;

/** Words of `text` as they stand, folded (reduplications like berkas-berkas kept whole). */
export function words(text: string): string[] {
  return foldWord(text).match(WORD) ?? [];
}

/** The stems of one word: a reduplication (berkas-berkas, surat-menyurat) gives the stems of its parts. */
export function stemWord(word: string): string[] {
  const parts = word.split('-');
  const stems = parts.map((part) => (LETTERS_ONLY.test(part) && part.length > 2 ? shared().stem(part) || part : part));
  return [...new Set(stems)];
}

/** Every word of `text` reduced to its root (Nazief–Adriani, Sastrawi's dictionary), space-separated. */
export function stemText(text: string): string {
  return words(text).flatMap(stemWord).join(' ');
}

/** The distinct stems a search query asks for. */
export function queryStems(query: string): string[] {
  return [...new Set(words(query).flatMap(stemWord))];
}

/** The folded words of `query`, each split at hyphens, as they must appear unstemmed. */
export function queryWords(query: string): string[] {
  return [...new Set(words(query).flatMap((w) => w.split('-')))];
}

/** Of a document's words, those whose stem is one of `stems`: what a highlight marks. */
export function wordsMatching(documentWords: readonly string[], stems: readonly string[]): string[] {
  const wanted = new Set(stems);
  return documentWords.filter((w) => stemWord(w).some((s) => wanted.has(s)) || wanted.has(w));
}
