import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A PDF page with real text (a text layer), as a word processor writes it. */
export async function textPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 28, size: 16, font }));
  return Buffer.from(await doc.save());
}

/** A "scanned" page: the text PDF rasterised to a 200-dpi grey PNG, with no text layer left. */
export async function scanPng(lines: string[]): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'gesit-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), await textPdf(lines));
    execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', join(dir, 'in.pdf'), join(dir, 'out')]);
    return readFileSync(join(dir, 'out.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A scanned PDF: each page only an image (what a copier's scan-to-PDF produces). */
export async function scannedPdf(pages: string[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (const lines of pages) {
    const png = await doc.embedPng(await scanPng(lines));
    const page = doc.addPage([595, 842]);
    page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
  }
  return Buffer.from(await doc.save());
}
