import type { Language, Message } from '@gesit/platform';
import type { ImportRowError } from './archive-import.entity';

/** A stored row error as a Message: one recorded before errors were bilingual reads the same in both languages. */
export const rowErrorMessage = (message: ImportRowError['message']): Message =>
  typeof message === 'string' ? { id: message, en: message } : message;

/** The errors of an import in the reader's language. */
export const rowErrorsIn = (errors: readonly ImportRowError[], language: Language): { row: number; message: string }[] =>
  errors.map((e) => ({ row: e.row, message: rowErrorMessage(e.message)[language] }));

/** A CSV field, quoted when it must be; a leading =, +, - or @ is defused so a spreadsheet shows it as text. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER: Record<Language, string> = { id: 'baris,pesan', en: 'row,message' };

/** The errors of an import as CSV (baris, pesan; row, message in English), for the clerk to fix the manifest. */
export function errorsCsv(errors: readonly ImportRowError[], language: Language = 'id'): string {
  return [HEADER[language], ...rowErrorsIn(errors, language).map((e) => `${e.row},${field(e.message)}`)].join('\r\n') + '\r\n';
}
