import { DEFAULT_OUTGOING_FORMAT, formatNumber, formatProblems, isClassified, SecurityLevel } from '@gesit/correspondence';

/** B (biasa) for PUBLIC and RESTRICTED letters, R (rahasia) for CONFIDENTIAL and SECRET ones. */
export function securityMark(level: SecurityLevel): 'B' | 'R' {
  return isClassified(level) ? 'R' : 'B';
}

/** Problems of an outgoing number format, or none: known placeholders only, a {seq}, a sane length. */
export function outgoingFormatProblems(format: string): string[] {
  if (!format.trim()) return ['The format is empty.'];
  const problems = formatProblems(format);
  if (format.length > 200) problems.push('The format is longer than 200 characters.');
  return problems;
}

export interface OutgoingNumberParts {
  seq: number;
  unitCode: string;
  year: number;
  month: number;
  classificationCode: string;
  securityLevel: SecurityLevel;
}

export function outgoingNumber(format: string | null, parts: OutgoingNumberParts): string {
  return formatNumber(format ?? DEFAULT_OUTGOING_FORMAT, {
    seq: parts.seq,
    unitCode: parts.unitCode,
    year: parts.year,
    month: parts.month,
    classification: parts.classificationCode,
    security: securityMark(parts.securityLevel),
  });
}
