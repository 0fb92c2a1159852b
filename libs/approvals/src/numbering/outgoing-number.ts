import { formatNumber, formatProblems, isClassified, SecurityLevel } from '@gesit/correspondence';
import type { Message } from '@gesit/platform';

/**
 * Outgoing letters carry the code of the unit in whose name they go out (the signing official's), as
 * clerks expect; a format may print the drafting unit's code instead with {unitCode}.
 */
export const DEFAULT_SIGNED_FORMAT = '{security}-{seq:4}/{signerUnitCode}/{classification}/{monthRoman}/{year}';

const SIGNER_UNIT_CODE = /\{signerUnitCode\}/g;

/** B (biasa) for PUBLIC and RESTRICTED letters, R (rahasia) for CONFIDENTIAL and SECRET ones. */
export function securityMark(level: SecurityLevel): 'B' | 'R' {
  return isClassified(level) ? 'R' : 'B';
}

/** Problems of an outgoing number format, or none: known placeholders only, a {seq}, a sane length. */
export function outgoingFormatProblems(format: string): Message[] {
  if (!format.trim()) return [{ id: 'Format masih kosong.', en: 'The format is empty.' }];
  const problems = formatProblems(format.replace(SIGNER_UNIT_CODE, '')).map((problem) => ({
    id: problem.id.replace('{unitCode},', '{unitCode} (unit pembuat draf), {signerUnitCode} (unit pejabat penanda tangan),'),
    en: problem.en.replace('{unitCode},', '{unitCode} (the drafting unit), {signerUnitCode} (the signing official’s unit),'),
  }));
  if (format.length > 200) problems.push({ id: 'Format lebih dari 200 karakter.', en: 'The format is longer than 200 characters.' });
  return problems;
}

/** Whether numbers of this format count in the signing official's unit (their code is printed) or the drafting unit's. */
export function numbersBySignerUnit(format: string | null): boolean {
  return (format ?? DEFAULT_SIGNED_FORMAT).includes('{signerUnitCode}');
}

export interface OutgoingNumberParts {
  seq: number;
  /** the drafting unit's code */
  unitCode: string;
  /** the code of the unit in whose name the letter is signed */
  signerUnitCode: string;
  year: number;
  month: number;
  classificationCode: string;
  securityLevel: SecurityLevel;
}

export function outgoingNumber(format: string | null, parts: OutgoingNumberParts): string {
  return formatNumber(
    (format ?? DEFAULT_SIGNED_FORMAT).replace(SIGNER_UNIT_CODE, () => parts.signerUnitCode.replace(/[{}]/g, '')),
    {
      seq: parts.seq,
      unitCode: parts.unitCode,
      year: parts.year,
      month: parts.month,
      classification: parts.classificationCode,
      security: securityMark(parts.securityLevel),
    },
  );
}
