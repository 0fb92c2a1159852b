import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ApprovalStep, LetterStamp } from '../letter-stamp';

/** A draft letter of `pages` A4 pages of body text; the last page leaves room for the signature block. */
export async function makeDraftPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let line = 0; line < (p === pages ? 24 : 40); line++) {
      page.drawText(`Halaman ${p}, baris ${line + 1}: Dengan hormat, bersama ini kami sampaikan undangan rapat.`, {
        x: 72,
        y: 760 - line * 16,
        size: 11,
        font,
      });
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

export function makeStamp(overrides: Partial<LetterStamp> = {}): LetterStamp {
  return {
    number: 'B-0042/DISKOMINFO/000.1.2/XI/2026',
    date: '27 November 2026',
    signingLine: 'a.n. Kepala Dinas',
    signerPositionTitle: 'Sekretaris Dinas Komunikasi dan Informatika',
    signerName: 'Dr. Budi Santoso, S.Kom., M.T.',
    signerNip: '198001012005011001',
    verificationUrl: 'https://gesit.example.go.id/verify/AB12CD34EF',
    verificationCode: 'AB12CD34EF',
    approvalSheet: {
      title: 'Undangan Rapat Koordinasi Transformasi Digital',
      draftRevision: 3,
      draftSha256: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
      steps: makeSteps(3),
    },
    ...overrides,
  };
}
