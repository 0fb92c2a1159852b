import type { ImportRowError } from './archive-import.entity';

/** A CSV field, quoted when it must be; a leading =, +, - or @ is defused so a spreadsheet shows it as text. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The errors of an import as CSV (baris, pesan), for the clerk to fix the manifest. */
export function errorsCsv(errors: readonly ImportRowError[]): string {
  return ['baris,pesan', ...errors.map((e) => `${e.row},${field(e.message)}`)].join('\r\n') + '\r\n';
}
