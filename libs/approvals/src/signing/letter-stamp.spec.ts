import { stampLetter } from './letter-stamp';
import { makeDraftPdf, makeStamp, makeSteps } from './testing/draft-pdf';
import { PdfTools } from './testing/pdf-tools';

const FOOTER = 'Dokumen ini ditandatangani secara elektronik. Keaslian dapat diperiksa di';

describe('stampLetter', () => {
  const tools = new PdfTools();
  let draft: Buffer;

  beforeAll(async () => {
    draft = await makeDraftPdf(3);
  });
  afterAll(() => tools.cleanup());

  it('stamps number, date, signature block, footer and one approval page, unsigned', async () => {
    const stamp = makeStamp();
    const pdf = await stampLetter(draft, stamp);
    const pages = tools.pageTexts(pdf);

    expect(pdf.includes('/ByteRange')).toBe(false);
    expect(tools.qpdfProblems(pdf)).toEqual([]);
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('Nomor: B-0042/DISKOMINFO/000.1.2/XI/2026');
    expect(pages[0]).toContain('Tanggal: 27 November 2026');
    for (const line of [
      'a.n. Kepala Dinas',
      stamp.signerPositionTitle,
      'Kode verifikasi: AB12CD34EF',
      stamp.signerName,
      'NIP. 198001012005011001',
    ]) {
      expect(pages[2]).toContain(line);
    }
    expect(pages[1]).not.toContain('Kode verifikasi');
    for (const page of pages) {
      expect(page).toContain(FOOTER);
      expect(page).toContain('https://gesit.example.go.id/verify/AB12CD34EF');
    }
    expect(pages[3]).toContain('LEMBAR PERSETUJUAN');
    expect(pages[3]).toContain(`SHA-256 draf: ${stamp.approvalSheet.draftSha256}`);
    expect(pages[3]).toContain('Revisi draf: 3');
  });

  it('embeds the QR code and each font once', async () => {
    const pdf = await stampLetter(draft, makeStamp());
    const images = tools.imagesDrawn(pdf);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*3\s/);
    const fonts = tools.fonts(pdf).map((row) => row.split(/\s+/)[0]);
    expect(fonts.filter((name) => name === 'Helvetica')).toHaveLength(1);
    expect(fonts.filter((name) => name === 'Helvetica-Bold')).toHaveLength(1);
  });

  it('leaves out the signing line when the official signs in person', async () => {
    const pages = tools.pageTexts(await stampLetter(draft, makeStamp({ signingLine: undefined })));
    expect(pages[2]).not.toContain('a.n.');
    expect(pages[2]).toContain('Sekretaris Dinas Komunikasi dan Informatika');
  });

  it('lists the steps with kind, acting-for and comment', async () => {
    const steps = makeSteps(2);
    steps[0] = { ...steps[0], actingFor: 'Kepala Dinas', comment: 'Mohon perbaiki lampiran' };
    steps[1] = { ...steps[1], actingFor: undefined, comment: undefined };
    const [sheet] = tools.pageTexts(await stampLetter(draft, makeStamp({ approvalSheet: { ...makeStamp().approvalSheet, steps } })), 4);
    for (const text of ['Paraf', 'Tanda', 'tangan', 'Kepala Dinas', 'Mohon perbaiki lampiran']) {
      expect(sheet).toContain(text);
    }
    expect(sheet).toMatch(/^Pemeriksa 2$/m);
  });

  it('continues a row too long for one page on the next without losing text', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `kata${String(i).padStart(4, '0')}`);
    const steps = makeSteps(2, (i) => (i === 1 ? words.join(' ') : 'OK'));
    const pdf = await stampLetter(draft, makeStamp({ approvalSheet: { ...makeStamp().approvalSheet, steps } }));
    const sheets = tools.pageTexts(pdf).slice(3);
    expect(sheets.length).toBeGreaterThan(3);
    expect(sheets.every((page) => page.includes('LEMBAR PERSETUJUAN'))).toBe(true);
    const text = sheets.join('\n');
    expect(words.every((word) => text.includes(word))).toBe(true);
    expect(sheets[sheets.length - 1]).toMatch(/^Pemeriksa 2$/m);
  });

  it('copes with a title too long for the first sheet page', async () => {
    const title = 'Perihal yang sangat panjang '.repeat(400);
    const pdf = await stampLetter(draft, makeStamp({ approvalSheet: { ...makeStamp().approvalSheet, title } }));
    const sheets = tools.pageTexts(pdf).slice(3);
    expect(sheets.length).toBeGreaterThan(1);
    expect(sheets.join('\n')).toMatch(/^Pemeriksa 3$/m);
    expect(tools.qpdfProblems(pdf)).toEqual([]);
  });

  it('rejects a PDF without pages', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    await expect(stampLetter(empty, makeStamp())).rejects.toThrow(/no pages/);
  });
});
