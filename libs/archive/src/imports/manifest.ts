import { parse } from 'csv-parse/sync';
import { RecordOriginality } from '../archive.enums';
import { SecurityLevel } from '@gesit/correspondence';
import type { Message } from '@gesit/platform';

/** A manifest row as the clerk wrote it, with the CSV line it came from. */
export interface ManifestRow {
  line: number;
  file: string;
  classificationCode: string;
  title: string;
  documentDate: string;
  dossierNumber: string | null;
  securityLevel: SecurityLevel;
  originality: RecordOriginality;
  physicalLocation: string | null;
  description: string | null;
}

export interface ParsedManifest {
  rows: ManifestRow[];
  /** Problems of single rows: [line, message]. */
  problems: [number, Message][];
}

/** The manifest cannot be read at all (not UTF-8, no header, a column missing): the whole import is refused. */
export class ManifestRefused extends Error {
  constructor(readonly text: Message) {
    super(text.id);
  }
}

// Each column by its English and Indonesian header (case-insensitive, spaces and hyphens as underscores).
const COLUMNS: Record<string, keyof Omit<ManifestRow, 'line'>> = {
  file: 'file',
  berkas: 'file',
  classification_code: 'classificationCode',
  kode_klasifikasi: 'classificationCode',
  title: 'title',
  uraian: 'title',
  document_date: 'documentDate',
  tanggal: 'documentDate',
  dossier_number: 'dossierNumber',
  nomor_berkas: 'dossierNumber',
  security_level: 'securityLevel',
  tingkat_keamanan: 'securityLevel',
  originality: 'originality',
  tingkat_perkembangan: 'originality',
  physical_location: 'physicalLocation',
  lokasi_simpan: 'physicalLocation',
  description: 'description',
  keterangan: 'description',
};
const REQUIRED = ['file', 'classificationCode', 'title', 'documentDate'] as const;
const REQUIRED_NAMES: Record<(typeof REQUIRED)[number], string> = {
  file: 'file (berkas)',
  classificationCode: 'classification_code (kode_klasifikasi)',
  title: 'title (uraian)',
  documentDate: 'document_date (tanggal)',
};

// Indonesian words clerks write for the enums, besides the English values.
const SECURITY: Record<string, SecurityLevel> = {
  public: SecurityLevel.PUBLIC,
  biasa: SecurityLevel.PUBLIC,
  restricted: SecurityLevel.RESTRICTED,
  terbatas: SecurityLevel.RESTRICTED,
  confidential: SecurityLevel.CONFIDENTIAL,
  rahasia: SecurityLevel.CONFIDENTIAL,
  secret: SecurityLevel.SECRET,
  sangat_rahasia: SecurityLevel.SECRET,
};
const ORIGINALITY: Record<string, RecordOriginality> = {
  original: RecordOriginality.ORIGINAL,
  asli: RecordOriginality.ORIGINAL,
  copy: RecordOriginality.COPY,
  salinan: RecordOriginality.COPY,
  carbon_copy: RecordOriginality.CARBON_COPY,
  tembusan: RecordOriginality.CARBON_COPY,
  file_copy: RecordOriginality.FILE_COPY,
  pertinggal: RecordOriginality.FILE_COPY,
};

const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Reads a manifest: UTF-8 (a BOM is fine), comma or semicolon, a header row; rows checked one by one. */
export function parseManifest(bytes: Buffer, today: string): ParsedManifest {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ManifestRefused({
      id: 'Manifes bukan teks UTF-8; simpan ulang CSV-nya sebagai "CSV UTF-8" lalu unggah lagi.',
      en: 'The manifest is not UTF-8 text; save the CSV again as "CSV UTF-8" and upload it again.',
    });
  }
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: false });
  } catch (error) {
    throw new ManifestRefused({
      id: `Manifes tidak dapat dibaca sebagai CSV: ${(error as Error).message}`,
      en: `The manifest cannot be read as CSV: ${(error as Error).message}`,
    });
  }
  if (!records.length)
    throw new ManifestRefused({
      id: 'Manifes kosong: baris pertama harus berisi nama kolom.',
      en: 'The manifest is empty: its first row must hold the column names.',
    });
  const header = records[0].map((h) => COLUMNS[key(h)] ?? null);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    const names = missing.map((c) => REQUIRED_NAMES[c]).join(', ');
    throw new ManifestRefused({ id: `Manifes tidak memiliki kolom ${names}.`, en: `The manifest has no column ${names}.` });
  }

  const rows: ManifestRow[] = [];
  const problems: [number, Message][] = [];
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (column: keyof Omit<ManifestRow, 'line'>) => {
      const at = header.indexOf(column);
      return at >= 0 ? (cells[at] ?? '').trim() : '';
    };
    const rowProblems: Message[] = [];
    for (const column of REQUIRED)
      if (!get(column)) rowProblems.push({ id: `kolom ${REQUIRED_NAMES[column]} kosong`, en: `column ${REQUIRED_NAMES[column]} is empty` });
    const documentDate = get('documentDate');
    if (documentDate && !isCalendarDate(documentDate))
      rowProblems.push({
        id: `tanggal "${documentDate}" bukan tanggal YYYY-MM-DD yang sah`,
        en: `date "${documentDate}" is not a valid YYYY-MM-DD date`,
      });
    else if (documentDate > today)
      rowProblems.push({ id: `tanggal ${documentDate} jatuh di masa depan`, en: `date ${documentDate} lies in the future` });
    const security = get('securityLevel');
    const securityLevel = security ? SECURITY[key(security)] : SecurityLevel.PUBLIC;
    if (!securityLevel)
      rowProblems.push({
        id: `tingkat keamanan "${security}" tidak dikenal (biasa, terbatas, rahasia, sangat rahasia)`,
        en: `security level "${security}" is unknown (PUBLIC, RESTRICTED, CONFIDENTIAL, SECRET)`,
      });
    const original = get('originality');
    const originality = original ? ORIGINALITY[key(original)] : RecordOriginality.ORIGINAL;
    if (!originality)
      rowProblems.push({
        id: `tingkat perkembangan "${original}" tidak dikenal (asli, salinan, tembusan, pertinggal)`,
        en: `originality "${original}" is unknown (ORIGINAL, COPY, CARBON_COPY, FILE_COPY)`,
      });
    if (rowProblems.length) {
      problems.push([
        line,
        {
          id: `Baris ${line}: ${rowProblems.map((p) => p.id).join('; ')}.`,
          en: `Row ${line}: ${rowProblems.map((p) => p.en).join('; ')}.`,
        },
      ]);
      return;
    }
    rows.push({
      line,
      file: get('file').replace(/^\.\//, ''),
      classificationCode: get('classificationCode'),
      title: get('title'),
      documentDate,
      dossierNumber: get('dossierNumber') || null,
      securityLevel,
      originality,
      physicalLocation: get('physicalLocation') || null,
      description: get('description') || null,
    });
  });
  return { rows, problems };
}
