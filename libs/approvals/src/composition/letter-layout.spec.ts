import { savePdf } from '../pdf/pdf-support';
import { makeComposedLetter, TEST_VERIFICATION_URL } from '../signing/testing/draft-pdf';
import { type LineBox, overlaps, PdfTools } from '../signing/testing/pdf-tools';
import { type ComposedLetter, layOutLetter } from './letter-layout';

describe('layOutLetter', () => {
  const tools = new PdfTools();
  afterAll(() => tools.cleanup());

  async function render(letter: ComposedLetter) {
    const { doc, signingBlock } = await layOutLetter(letter);
    const pdf = await savePdf(doc);
    const height = signingBlock.page.getHeight();
    const [x1, y1, x2, y2] = signingBlock.rect;
    const page = doc.getPages().indexOf(signingBlock.page) + 1;
    return { pdf, block: { page, x1, x2, y1: height - y2, y2: height - y1 }, lines: tools.lineBoxes(pdf) };
  }

  const sealed = async (overrides: Partial<ComposedLetter> = {}) =>
    makeComposedLetter(12, { seal: { url: TEST_VERIFICATION_URL, caption: 'Ditandatangani secara elektronik' }, ...overrides });

  /** `needles` appear in this order in `text` (runs of spaces count as one). */
  function expectInOrder(layout: string, needles: string[]): void {
    const text = layout.replace(/ +/g, ' ');
    let at = -1;
    for (const needle of needles.map((n) => n.replace(/ +/g, ' '))) {
      const next = text.indexOf(needle, at + 1);
      expect({ needle, found: next > at }).toEqual({ needle, found: true });
      at = next;
    }
  }

  it('lays a two-page letter out in the order of a naskah dinas, page numbers on the later page', async () => {
    const letter = await sealed();
    const { pdf } = await render(letter);
    const pages = tools.layoutTexts(pdf);
    expect(pages).toHaveLength(2);
    expectInOrder(pages.join('\n'), [
      'PEMERINTAH KABUPATEN SLEMAN',
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      `Nomor    : ${letter.number}`,
      'Sifat    : Biasa',
      'Lampiran : -',
      'Hal      : Undangan Rapat Koordinasi',
      'Yth. Kepala Badan Perencanaan',
      'di',
      'Sleman',
      'Dengan hormat,',
      'Paragraf 1:',
      'Paragraf 12:',
      'Demikian, atas perhatian',
      'Sleman, 27 November 2026',
      'a.n. Kepala Dinas Komunikasi dan',
      'Sekretaris,',
      'Dr. Sétiawan Nugroho, S.Kom., M.T.',
      'Pembina Tingkat I (IV/b)',
      'NIP. 198001012005011001',
      'Tembusan:',
      '1. Bupati Sleman',
      '2. Sekretaris Daerah',
    ]);
    expect(pages[0]).not.toMatch(/-\s*1\s*-/);
    expect(pages[1]).toMatch(/^\s*-\s*2\s*-/);
    for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain(`Keasliannya dapat diperiksa di ${TEST_VERIFICATION_URL}`);
  });

  it('never puts the signing block or its QR code over a line of text', async () => {
    for (const paragraphs of [1, 6, 7, 8, 9, 12, 20]) {
      const { block, lines } = await render(await sealed({ body: makeComposedLetter(paragraphs).body }));
      const inBlock = (line: LineBox) =>
        line.page === block.page && line.x1 >= block.x1 - 0.5 && line.y1 >= block.y1 - 0.5 && line.y2 <= block.y2 + 0.5;
      const others = lines.filter((line) => !inBlock(line));
      expect(others.filter((line) => line.page === block.page && overlaps(line, block)).map((l) => l.text)).toEqual([]);
      for (const [i, a] of lines.entries()) {
        for (const b of lines.slice(i + 1))
          if (a.page === b.page) expect({ a: a.text, b: b.text, overlap: overlaps(a, b) }).toMatchObject({ overlap: false });
      }
      // The closing paragraph is on the page of the signing block, just above it.
      const closing = lines.find((line) => line.text.startsWith('Demikian'))!;
      expect(closing.page).toBe(block.page);
      expect(closing.y2).toBeLessThanOrEqual(block.y1);
    }
  });

  it('moves the last paragraph to the next page with the signing block rather than leave the block alone', async () => {
    const lengths = await Promise.all(
      [6, 7, 8, 9].map(async (paragraphs) => {
        const { block, lines } = await render(await sealed({ body: makeComposedLetter(paragraphs).body }));
        const closing = lines.find((line) => line.text.startsWith('Demikian'))!;
        const firstOnBlockPage = lines.filter((line) => line.page === block.page && !line.text.startsWith('- '))[0];
        return {
          paragraphs,
          closingPage: closing.page,
          blockPage: block.page,
          pageStartsWithBody: block.page === 1 || firstOnBlockPage.text !== 'Sleman, 27 November 2026',
        };
      }),
    );
    for (const result of lengths) expect(result).toMatchObject({ closingPage: result.blockPage, pageStartsWithBody: true });
    expect(lengths.some((r) => r.blockPage === 2)).toBe(true);
  });

  it('embeds the fonts it uses, renders Indonesian names with diacritics, and prints F4 paper', async () => {
    const { pdf } = await render(
      await sealed({ paper: 'F4', signerName: 'Ni Luh Putu Ayu Ṣaraswatī, S.E.', body: 'Dengan hormat, tanpa miring.' }),
    );
    const fonts = tools.fonts(pdf);
    expect(fonts.every((row) => /\syes\s/.test(row))).toBe(true);
    expect(fonts.map((row) => row.split(/\s+/)[0]).filter((name) => /Oblique/.test(name))).toEqual([]);
    expect(tools.layoutTexts(pdf)[0]).toContain('Ni Luh Putu Ayu Ṣaraswatī, S.E.');
    expect(tools.qpdfProblems(pdf)).toEqual([]);
    const { doc } = await layOutLetter(await sealed({ paper: 'F4' }));
    expect(doc.getPage(0).getSize()).toEqual({ width: 609.45, height: 935.43 });
  });

  it('shows where the signature will go in a preview, without footer', async () => {
    const { pdf } = await render(makeComposedLetter(2, { number: '${nomor}', placeAndDate: 'Sleman, ${tanggal}', footer: null }));
    const text = tools.layoutTexts(pdf).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Nomor : ${nomor}');
    expect(text).toContain('Tempat tanda tangan elektronik dan kode QR');
    expect(text).not.toContain('Keasliannya');
    expect(tools.imagesDrawn(pdf)).toEqual([]);
  });
});
