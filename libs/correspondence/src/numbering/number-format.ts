import type { Message } from '@gesit/platform';
export interface NumberParts {
  seq: number;
  unitCode: string;
  year: number;
  /** 1..12 */
  month: number;
  classification?: string;
  /** B (biasa/terbatas) or R (rahasia/sangat rahasia) */
  security?: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const PLACEHOLDER = /\{(seq|unitCode|year|monthRoman|month|classification|security)(?::(\d{1,2}))?\}/g;

export const DEFAULT_AGENDA_FORMAT = '{seq:4}/{unitCode}/{year}';
export const DEFAULT_OUTGOING_FORMAT = '{security}-{seq:4}/{unitCode}/{classification}/{monthRoman}/{year}';

export function romanMonth(month: number): string {
  const roman = ROMAN[month - 1];
  if (!roman) throw new RangeError(`month ${month} is not 1..12`);
  return roman;
}

/** Checks a numbering format before it is saved: known placeholders only, and a {seq}. */
export function formatProblems(format: string): Message[] {
  const problems: Message[] = [];
  if (!format.includes('{seq'))
    problems.push({
      id: 'Format memerlukan {seq} (boleh dengan lebar, misalnya {seq:4}).',
      en: 'The format needs {seq} (optionally padded, e.g. {seq:4}).',
    });
  const unknown = format.replace(PLACEHOLDER, '').match(/\{[^}]*\}/g);
  if (unknown)
    problems.push({
      id: `Penanda tidak dikenal: ${unknown.join(', ')}. Pakai {seq}, {seq:4}, {unitCode}, {year}, {month}, {monthRoman}, {classification}, {security}.`,
      en: `Unknown placeholders: ${unknown.join(', ')}. Use {seq}, {seq:4}, {unitCode}, {year}, {month}, {monthRoman}, {classification}, {security}.`,
    });
  return problems;
}

/** Renders a letter or agenda number, e.g. '{security}-{seq:4}/{unitCode}/{classification}/{monthRoman}/{year}' → 'B-0042/DISKOMINFO/000.1.2/XI/2026'. */
export function formatNumber(format: string, parts: NumberParts): string {
  return format.replace(PLACEHOLDER, (_match, name: string, width?: string) => {
    switch (name) {
      case 'seq':
        return String(parts.seq).padStart(width ? Number(width) : 0, '0');
      case 'unitCode':
        return parts.unitCode;
      case 'year':
        return String(parts.year);
      case 'month':
        return String(parts.month).padStart(width ? Number(width) : 2, '0');
      case 'monthRoman':
        return romanMonth(parts.month);
      case 'classification':
        if (!parts.classification) throw new RangeError('this format needs a classification code');
        return parts.classification;
      default:
        if (!parts.security) throw new RangeError('this format needs a security mark');
        return parts.security;
    }
  });
}
