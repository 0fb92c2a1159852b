import { findPlaceholders, readTextLayer } from '../pdf/text-layer';
import { approvalSheetPdf, stampUploadedLetter } from './letter-stamp';
import { makeDraftPdf, makeSheet, makeSteps, makeUploadedStamp, TEST_VERIFICATION_URL } from './testing/draft-pdf';
import { overlaps, PdfTools } from './testing/pdf-tools';

const FOOTER = 'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik.';

describe('stampUploadedLetter', () => {
  const tools = new PdfTools();
  let draft: Buffer;
  let stamp: ReturnType<typeof makeUploadedStamp>;

  beforeAll(async () => {
    draft = await makeDraftPdf(3);
    stamp = makeUploadedStamp(findPlaceholders(await readTextLayer(draft)));
  });
  afterAll(() => tools.cleanup());

  it('writes number and date over their placeholders, the signing block at ${ttd} and the footer on every page, unsigned', async () => {
    expect(stamp.marks.map((m) => m.name)).toEqual(['nomor', 'tanggal', 'ttd']);
    const pdf = await stampUploadedLetter(draft, stamp);
    const pages = tools.layoutTexts(pdf).map((page) => page.replace(/ +/g, ' '));

    expect(pdf.includes('/ByteRange')).toBe(false);
    expect(tools.qpdfProblems(pdf)).toEqual([]);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('B-0042/DISKOMINFO/000.1.2/XI/2026');
    expect(pages[0]).toContain('27 November 2026');
    const last = pages[2];
    for (const line of ['Kepala Dinas,', stamp.signerName, 'Pembina Tingkat I (IV/b)', 'NIP. 198001012005011001'])
      expect(last).toContain(line);
    expect(last.indexOf('Kepala Dinas,')).toBeLessThan(last.indexOf(stamp.signerName));
    for (const page of pages)
      expect(page.replace(/\s+/g, ' ')).toContain(`${FOOTER} Keasliannya dapat diperiksa di ${TEST_VERIFICATION_URL}`);
    expect(tools.imagesDrawn(pdf)).toHaveLength(1);
  });

  it('keeps the signing block off the lines above it', async () => {
    const lines = tools.lineBoxes(await stampUploadedLetter(draft, stamp));
    const position = lines.find((l) => l.page === 3 && l.text === 'Kepala Dinas,')!;
    const name = lines.find((l) => l.page === 3 && l.text.startsWith('Dr. Budi Santoso'))!;
    expect(name.y1).toBeGreaterThan(position.y2);
    for (const line of lines.filter((l) => l.page === 3 && l !== name && !/^(Pembina|NIP)/.test(l.text)))
      expect(overlaps(line, name)).toBe(false);
  });

  it('rejects a PDF without pages', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    await expect(stampUploadedLetter(empty, makeUploadedStamp([]))).rejects.toThrow(/no pages/);
  });
});

describe('approvalSheetPdf', () => {
  const tools = new PdfTools();
  afterAll(() => tools.cleanup());

  it('lists the steps with kind, acting-for and comment, with the draft hash and the footer', async () => {
    const steps = makeSteps(2);
    steps[0] = { ...steps[0], actingFor: 'Kepala Dinas', comment: 'Mohon perbaiki lampiran' };
    steps[1] = { ...steps[1], actingFor: undefined, comment: undefined };
    const pdf = await approvalSheetPdf(makeSheet(steps), 'Lembar persetujuan internal.');
    const [sheet] = tools.pageTexts(pdf);
    for (const text of ['LEMBAR PERSETUJUAN', 'Paraf', 'Tanda', 'tangan', 'Kepala Dinas', 'Mohon perbaiki lampiran', 'Revisi draf: 3']) {
      expect(sheet).toContain(text);
    }
    expect(sheet).toContain(`SHA-256 draf: ${makeSheet().draftSha256}`);
    expect(sheet).toMatch(/^Pemeriksa 2$/m);
    expect(sheet).toContain('Lembar persetujuan internal.');
  });

  it('continues a row too long for one page on the next without losing text', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `kata${String(i).padStart(4, '0')}`);
    const pdf = await approvalSheetPdf(makeSheet(makeSteps(2, (i) => (i === 1 ? words.join(' ') : 'OK'))), 'catatan');
    const sheets = tools.pageTexts(pdf);
    expect(sheets.length).toBeGreaterThan(3);
    expect(sheets.every((page) => page.includes('LEMBAR PERSETUJUAN'))).toBe(true);
    const text = sheets.join('\n');
    expect(words.every((word) => text.includes(word))).toBe(true);
    expect(sheets[sheets.length - 1]).toMatch(/^Pemeriksa 2$/m);
  });

  it('copes with a title too long for the first sheet page', async () => {
    const pdf = await approvalSheetPdf({ ...makeSheet(), title: 'Perihal yang sangat panjang '.repeat(400) }, 'catatan');
    const sheets = tools.pageTexts(pdf);
    expect(sheets.length).toBeGreaterThan(1);
    expect(sheets.join('\n')).toMatch(/^Pemeriksa 3$/m);
    expect(tools.qpdfProblems(pdf)).toEqual([]);
  });
});
