import { DisposalKind } from '../archive.enums';
import { PdfDocumentContent } from '../records/document-pdf';

export interface ListedDossier {
  number: string;
  title: string;
  classificationCode: string;
  periodFrom: string | null;
  periodTo: string | null;
  records: number;
  retention: string;
  physicalLocation: string | null;
}

const COLUMNS = [
  { title: 'No', width: 1 },
  { title: 'Nomor berkas', width: 6 },
  { title: 'Kode', width: 2 },
  { title: 'Uraian', width: 6 },
  { title: 'Kurun waktu', width: 3 },
  { title: 'Jumlah', width: 2 },
  { title: 'Retensi', width: 3 },
  { title: 'Lokasi', width: 3 },
];

const rows = (dossiers: readonly ListedDossier[]) =>
  dossiers.map((d, i) => [
    String(i + 1),
    d.number,
    d.classificationCode,
    d.title,
    d.periodFrom && d.periodTo ? (d.periodFrom === d.periodTo ? d.periodFrom : `${d.periodFrom} s.d. ${d.periodTo}`) : '-',
    `${d.records} arsip`,
    d.retention,
    d.physicalLocation ?? '-',
  ]);

/** Daftar arsip usul musnah / usul serah: the list the committee appraises. */
export function proposalList(input: {
  kind: DisposalKind;
  unitName: string;
  proposedBy: string;
  date: string;
  committee: string[];
  dossiers: ListedDossier[];
}): PdfDocumentContent {
  const destroy = input.kind === DisposalKind.DESTROY;
  return {
    title: destroy ? 'DAFTAR ARSIP USUL MUSNAH' : 'DAFTAR ARSIP USUL SERAH (ARSIP STATIS)',
    lead: [
      `Unit pengolah: ${input.unitName}`,
      `Diusulkan oleh ${input.proposedBy} pada ${input.date}.`,
      `Panitia penilai: ${input.committee.join(', ')}.`,
    ],
    table: { columns: COLUMNS, rows: rows(input.dossiers) },
    landscape: true,
  };
}

/** Berita acara pemusnahan / penyerahan: what was done, to what, on whose decision. */
export function minutes(input: {
  kind: DisposalKind;
  unitName: string;
  date: string;
  decidedBy: string;
  decisionNote: string | null;
  appraisalNote: string;
  executedBy: string;
  dossiers: ListedDossier[];
}): PdfDocumentContent {
  const destroy = input.kind === DisposalKind.DESTROY;
  return {
    title: destroy ? 'BERITA ACARA PEMUSNAHAN ARSIP' : 'BERITA ACARA PENYERAHAN ARSIP STATIS',
    lead: [
      `Pada tanggal ${input.date}, ${input.unitName} telah ${destroy ? 'memusnahkan' : 'menyerahkan'} arsip sebagaimana tercantum dalam daftar di bawah ini, ` +
        `berdasarkan pertimbangan panitia penilai dan persetujuan ${input.decidedBy}.`,
      `Pertimbangan panitia penilai: ${input.appraisalNote}`,
      ...(input.decisionNote ? [`Catatan persetujuan: ${input.decisionNote}`] : []),
      destroy
        ? 'Isi arsip, teks hasil OCR dan indeks pencariannya telah dihapus; metadata disimpan sebagai bukti.'
        : 'Arsip diserahkan dalam satu paket berisi berkas, metadata (CSV) dan daftar SHA-256; berkasnya kini hanya dapat dibaca.',
    ],
    table: { columns: COLUMNS, rows: rows(input.dossiers) },
    landscape: true,
    closing: [`Dilaksanakan oleh ${input.executedBy}. Dokumen ini ditandatangani secara elektronik dengan segel instansi.`],
  };
}
