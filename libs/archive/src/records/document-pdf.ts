import type { PDFFont } from 'pdf-lib';
import { pdfLib } from '@gesit/approvals';

export interface PdfTable {
  columns: { title: string; width: number }[];
  rows: string[][];
}

export interface PdfDocumentContent {
  title: string;
  /** Paragraphs before the table. */
  lead?: string[];
  table?: PdfTable;
  /** Paragraphs after the table (places, dates, names that sign). */
  closing?: string[];
  /** Landscape for wide tables, as archive lists are printed; portrait otherwise. */
  landscape?: boolean;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const SIZE = 9;
const LINE = 12;

/** What the standard PDF fonts can show (WinAnsi); anything else becomes '?'. */
export function printable(text: string): string {
  return text.normalize('NFC').replace(/[^\x20-\x7e\xa0-\xff]/g, (c) => (c === '\n' || c === '\t' ? ' ' : '?'));
}

/** A word wider than the column (a dossier number, a classification code) split into pieces that fit, after a separator where possible. */
function pieces(word: string, font: PDFFont, width: number): string[] {
  const out: string[] = [];
  let rest = word;
  while (font.widthOfTextAtSize(rest, SIZE) > width && rest.length > 1) {
    let end = 1;
    while (end < rest.length && font.widthOfTextAtSize(rest.slice(0, end + 1), SIZE) <= width) end++;
    const separator = Math.max(...['/', '.', '-', '_'].map((c) => rest.lastIndexOf(c, end - 1)));
    const cut = separator > 0 ? separator + 1 : end;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...out, rest];
}

/** Lines of `text` no wider than `width`: at spaces, and inside words too long for the column. */
export function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split(/\s*\n\s*/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, SIZE) <= width) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      const parts = pieces(word, font, width);
      lines.push(...parts.slice(0, -1));
      line = parts[parts.length - 1];
    }
    lines.push(line);
  }
  return lines;
}

/** A plain A4 document: a title, paragraphs and a table that runs over as many pages as it needs. */
export async function renderDocumentPdf(content: PdfDocumentContent): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = pdfLib();
  const doc = await PDFDocument.create();
  doc.setTitle(printable(content.title));
  doc.setCreator('Gesit');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const PAGE: [number, number] = content.landscape ? [A4[1], A4[0]] : A4;
  let page = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const usable = PAGE[0] - 2 * MARGIN;
  const ensure = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const paragraph = (text: string, f = font) => {
    for (const line of wrap(text, f, usable)) {
      ensure(LINE);
      page.drawText(line, { x: MARGIN, y, size: SIZE, font: f });
      y -= LINE;
    }
    y -= LINE / 2;
  };
  for (const line of wrap(content.title, bold, usable)) {
    page.drawText(line, { x: MARGIN, y, size: 12, font: bold });
    y -= 16;
  }
  y -= LINE;
  for (const text of content.lead ?? []) paragraph(text);
  if (content.table) {
    const { columns, rows } = content.table;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * usable);
    const row = (cells: string[], f: PDFFont) => {
      const wrapped = cells.map((cell, i) => wrap(cell, f, widths[i] - 4));
      const height = Math.max(...wrapped.map((w) => w.length)) * LINE;
      ensure(height + 2);
      let x = MARGIN;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, n) => page.drawText(line, { x: x + 2, y: y - n * LINE, size: SIZE, font: f }));
        x += widths[i];
      });
      y -= height + 2;
    };
    row(
      columns.map((c) => c.title),
      bold,
    );
    for (const cells of rows) row(cells, font);
    y -= LINE;
  }
  for (const text of content.closing ?? []) paragraph(text);
  return Buffer.from(await doc.save());
}
