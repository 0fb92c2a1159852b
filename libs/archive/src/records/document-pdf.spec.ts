import { PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';
import { wrap } from './document-pdf';

describe('wrap: text in a table column of the disposal lists', () => {
  let font: PDFFont;
  beforeAll(async () => {
    font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  });
  const fits = (lines: string[], width: number) => lines.every((l) => font.widthOfTextAtSize(l, 9) <= width);

  it('breaks at spaces and keeps the words whole when they fit', () => {
    const lines = wrap('Laporan kegiatan pengelolaan arsip dinamis tahun 2019', font, 80);
    expect(lines.length).toBeGreaterThan(1);
    expect(fits(lines, 80)).toBe(true);
    expect(lines.join(' ')).toBe('Laporan kegiatan pengelolaan arsip dinamis tahun 2019');
  });

  it('splits a dossier number wider than its column after a separator, so it never runs into the next column', () => {
    const lines = wrap('BRK/000.1.2.3/DISKOMINFO/2019/0001', font, 50);
    expect(fits(lines, 50)).toBe(true);
    expect(lines.join('')).toBe('BRK/000.1.2.3/DISKOMINFO/2019/0001');
    expect(lines[0].endsWith('/') || lines[0].endsWith('.')).toBe(true);
  });

  it('splits a word without separators by characters', () => {
    const lines = wrap('Pemberkasanarsipinaktifdiskominfo', font, 40);
    expect(fits(lines, 40)).toBe(true);
    expect(lines.join('')).toBe('Pemberkasanarsipinaktifdiskominfo');
  });
});
