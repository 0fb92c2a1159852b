/** One line of the e-Kinerja export. */
export interface CsvEntry {
  date: string;
  nip: string;
  name: string;
  target: string | null;
  activity: string;
  startTime: string;
  endTime: string;
  minutes: number;
  output: string | null;
  quantity: number | null;
  status: string;
}

const BOM = '\uFEFF';
export const CSV_HEADER = [
  'tanggal',
  'nip',
  'nama',
  'rencana_hasil_kerja',
  'kegiatan',
  'mulai',
  'selesai',
  'menit',
  'keluaran',
  'kuantitas',
  'status',
];

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so that spreadsheet programs read Indonesian names right; CRLF line ends. */
export function dailyReportCsv(entries: readonly CsvEntry[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const e of entries)
    lines.push(
      [e.date, e.nip, e.name, e.target, e.activity, e.startTime, e.endTime, e.minutes, e.output, e.quantity, e.status]
        .map(csvField)
        .join(','),
    );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
