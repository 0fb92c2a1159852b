import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ComposedLetter } from '../../composition/letter-layout';
import type { PlaceholderMark } from '../../pdf/text-layer';
import type { ApprovalSheet, ApprovalStep, UploadedStamp } from '../letter-stamp';

/**
 * A draft letter of `pages` A4 pages of body text as a word processor would export it: `${nomor}` and
 * `${tanggal}` on the first page, the position line and `${ttd}` on the last, with room below.
 */
export async function makeDraftPdf(pages: number, options: { placeholders?: boolean } = {}): Promise<Buffer> {
  const placeholders = options.placeholders ?? true;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const text = (page: ReturnType<typeof doc.addPage>, line: string, x: number, y: number) => page.drawText(line, { x, y, size: 11, font });
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    let y = 780;
    if (p === 1) {
      text(page, `Nomor : ${placeholders ? '${nomor}' : '....................'}`, 72, y);
      text(page, `Sleman, ${placeholders ? '${tanggal}' : '....................'}`, 350, y);
      y -= 32;
    }
    for (let line = 0; line < (p === pages ? 20 : 40); line++, y -= 16) {
      text(page, `Halaman ${p}, baris ${line + 1}: Dengan hormat, bersama ini kami sampaikan undangan rapat.`, 72, y);
    }
    if (p === pages) {
      text(page, 'Kepala Dinas,', 330, y - 16);
      if (placeholders) text(page, '${ttd}', 330, y - 36);
    }
  }
  return Buffer.from(await doc.save());
}

export function makeSteps(count: number, comment = (i: number) => `Catatan ${i}`): ApprovalStep[] {
  return Array.from({ length: count }, (_, i) => ({
    order: i + 1,
    kind: i === count - 1 ? 'SIGN' : 'REVIEW',
    approver: `Pemeriksa ${i + 1}`,
    actingFor: i % 3 === 0 ? 'Sekretaris Dinas' : undefined,
    decision: 'Disetujui',
    decidedAt: `${1 + (i % 28)} November 2026 10:${String(i % 60).padStart(2, '0')} WIB`,
    comment: comment(i + 1),
  }));
}

export function makeSheet(steps = makeSteps(3)): ApprovalSheet {
  return {
    title: 'Undangan Rapat Koordinasi Transformasi Digital',
    draftRevision: 3,
    draftSha256: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
    steps,
  };
}

export const TEST_VERIFICATION_URL = 'https://gesit.example.go.id/verify/AB23CD45EF67GH23';

export function makeUploadedStamp(marks: PlaceholderMark[], overrides: Partial<UploadedStamp> = {}): UploadedStamp {
  return {
    marks,
    number: 'B-0042/DISKOMINFO/000.1.2/XI/2026',
    date: '27 November 2026',
    positionLines: [],
    signerName: 'Dr. Budi Santoso, S.Kom., M.T.',
    signerRank: 'Pembina Tingkat I (IV/b)',
    signerNip: '198001012005011001',
    verificationUrl: TEST_VERIFICATION_URL,
    footer: `Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik. Keasliannya dapat diperiksa di ${TEST_VERIFICATION_URL} atau dengan memindai kode QR.`,
    ...overrides,
  };
}

/** A paragraph of about four lines. */
export const bodyParagraph = (i: number) =>
  `Paragraf ${i}: sehubungan dengan pelaksanaan **transformasi digital** di lingkungan Pemerintah Kabupaten Sleman, kami mengundang Saudara untuk hadir dalam rapat koordinasi yang membahas _rencana aksi_ tahun 2027 beserta anggaran yang diperlukan oleh setiap perangkat daerah.`;

/** Body paragraphs that fill a composed A4 letter of ten pages. */
export const TEN_PAGES = 90;

/** A composed letter with `paragraphs` body paragraphs (about eight fill a page); no seal unless given. */
export function makeComposedLetter(paragraphs: number, overrides: Partial<ComposedLetter> = {}): ComposedLetter {
  return {
    paper: 'A4',
    letterhead: {
      lines: [
        'PEMERINTAH KABUPATEN SLEMAN',
        'DINAS KOMUNIKASI DAN INFORMATIKA',
        'Jalan Parasamya Nomor 1, Beran, Tridadi, Sleman, Daerah Istimewa Yogyakarta 55511',
        'Telepon (0274) 868405, Laman diskominfo.example, Pos-el tu@diskominfo.example',
      ],
      logo: null,
    },
    number: 'B-0042/DISKOMINFO/000.1.2/XI/2026',
    nature: 'Biasa',
    attachments: '-',
    subject: 'Undangan Rapat Koordinasi Transformasi Digital',
    addressee: 'Kepala Badan Perencanaan Pembangunan Daerah Kabupaten Sleman',
    addresseePlace: 'Sleman',
    body: [
      'Dengan hormat,',
      ...Array.from({ length: paragraphs }, (_, i) => bodyParagraph(i + 1)),
      'Demikian, atas perhatian Saudara kami ucapkan terima kasih.',
    ].join('\n\n'),
    placeAndDate: 'Sleman, 27 November 2026',
    positionLines: ['a.n. Kepala Dinas Komunikasi dan Informatika', 'Sekretaris'],
    seal: null,
    signerName: 'Dr. Sétiawan Nugroho, S.Kom., M.T.',
    signerRank: 'Pembina Tingkat I (IV/b)',
    signerNip: '198001012005011001',
    carbonCopies: ['Bupati Sleman (sebagai laporan);', 'Sekretaris Daerah Kabupaten Sleman.'],
    footer: `Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik. Keasliannya dapat diperiksa di ${TEST_VERIFICATION_URL} atau dengan memindai kode QR.`,
    ...overrides,
  };
}
