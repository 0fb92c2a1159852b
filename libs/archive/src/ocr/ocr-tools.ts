import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAX_OUTPUT = 64 * 1024 * 1024;

/** Rasterising resolution: Tesseract reads 200-dpi office scans well, and fewer pixels cost less time. */
export const OCR_DPI = 200;

/** A page with fewer letters than this in its text layer is taken for a scan. */
const MIN_TEXT_LETTERS = 20;

/** Splits pdftotext or tesseract output into pages (form feed between pages), dropping the empty tail. */
export function splitPages(text: string): string[] {
  const pages = text.split('\f');
  if (pages.length > 1 && !pages[pages.length - 1].trim()) pages.pop();
  return pages.map((p) => p.replace(/[ \t]+\n/g, '\n').trim());
}

/** True when every page carries a text layer worth searching (so the PDF needs no OCR). */
export function hasTextLayer(pages: readonly string[]): boolean {
  return pages.length > 0 && pages.every((p) => (p.match(/\p{L}/gu)?.length ?? 0) >= MIN_TEXT_LETTERS);
}

export async function pdfPageCount(pdf: string, timeoutMs: number): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf], { timeout: timeoutMs, maxBuffer: MAX_OUTPUT });
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!pages) throw new Error('pdfinfo did not report a page count');
  return Number(pages[1]);
}

/** The PDF's own text, per page. */
export async function pdfText(pdf: string, timeoutMs: number): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { timeout: timeoutMs, maxBuffer: MAX_OUTPUT });
  return splitPages(stdout);
}

/** Rasterises every page of `pdf` into `dir` as PNG; returns the images in page order. */
export async function rasterise(pdf: string, dir: string, timeoutMs: number): Promise<string[]> {
  await run('pdftoppm', ['-r', String(OCR_DPI), '-png', '-gray', pdf, join(dir, 'page')], { timeout: timeoutMs, maxBuffer: MAX_OUTPUT });
  const images = (await readdir(dir)).filter((f) => /^page-\d+\.png$/.test(f));
  // pdftoppm pads the page number to the width of the last one: a numeric sort keeps page 10 after page 9.
  images.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return images.map((f) => join(dir, f));
}

/**
 * Reads `images` (one page each; a TIFF may hold several) with Tesseract's Indonesian model in one process and
 * writes a searchable PDF (each page image with an invisible text layer) and the text per page.
 */
export async function ocrImages(images: readonly string[], dir: string, timeoutMs: number): Promise<{ pages: string[]; pdf: string }> {
  const list = join(dir, 'images.txt');
  await writeFile(list, `${images.join('\n')}\n`);
  const base = join(dir, 'ocr');
  await run('tesseract', [list, base, '-l', 'ind', '--psm', '3', 'txt', 'pdf'], {
    timeout: timeoutMs,
    maxBuffer: MAX_OUTPUT,
    // One thread per tesseract process: the worker's concurrency setting decides how many cores OCR uses.
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  return { pages: splitPages(await readFile(`${base}.txt`, 'utf8')), pdf: `${base}.pdf` };
}
