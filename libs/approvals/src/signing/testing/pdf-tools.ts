import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';

/** Poppler and qpdf on temporary files (Debian packages poppler-utils, qpdf, libnss3-tools). */
export class PdfTools {
  readonly dir = mkdtempSync(join(tmpdir(), 'gesit-signing-'));
  private files = 0;

  write(pdf: Buffer): string {
    const file = join(this.dir, `${++this.files}.pdf`);
    writeFileSync(file, pdf);
    return file;
  }

  pdfsig(pdf: Buffer, nssDir?: string): string {
    return run('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), this.write(pdf)]).output;
  }

  /** Lines of `qpdf --check` that report a problem; exit code 0 (clean) or 3 (warnings) only. */
  qpdfProblems(pdf: Buffer): string[] {
    const { status, output } = run('qpdf', ['--check', this.write(pdf)]);
    if (status !== 0 && status !== 3) throw new Error(`qpdf --check exited with ${status}:\n${output}`);
    return output
      .split('\n')
      .filter(
        (line) => /error|warning/i.test(line) && !/^No syntax or stream encoding errors found|^errors that qpdf cannot detect/.test(line),
      );
  }

  /** Text of each page (pdftotext separates pages with form feeds). */
  pageTexts(pdf: Buffer, first?: number, last?: number): string[] {
    const range = [...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : [])];
    return run('pdftotext', [...range, this.write(pdf), '-'])
      .output.split('\f')
      .slice(0, -1);
  }

  /** Text of each page as `pdftotext -layout` lays it out: what a reader sees, in reading order. */
  layoutTexts(pdf: Buffer): string[] {
    return run('pdftotext', ['-layout', this.write(pdf), '-'])
      .output.split('\f')
      .slice(0, -1);
  }

  /** The text lines of every page with their boxes (`pdftotext -bbox-layout`; y grows downwards from the top). */
  lineBoxes(pdf: Buffer): LineBox[] {
    const html = run('pdftotext', ['-bbox-layout', this.write(pdf), '-']).output;
    const lines: LineBox[] = [];
    [...html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].forEach(([, page], index) => {
      for (const [, x1, y1, x2, y2, words] of page.matchAll(
        /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
      )) {
        const text = [...words.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' ');
        lines.push({ page: index + 1, text, x1: Number(x1), y1: Number(y1), x2: Number(x2), y2: Number(y2) });
      }
    });
    return lines;
  }

  pageCount(pdf: Buffer): number {
    return Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [this.write(pdf)]).output)?.[1]);
  }

  /** Rows of `pdfimages -list` (one per image drawn on a page). */
  imagesDrawn(pdf: Buffer): string[] {
    return run('pdfimages', ['-list', this.write(pdf)])
      .output.split('\n')
      .slice(2)
      .filter(Boolean);
  }

  /** Rows of `pdffonts` (one per font object). */
  fonts(pdf: Buffer): string[] {
    return run('pdffonts', [this.write(pdf)])
      .output.split('\n')
      .slice(2)
      .filter(Boolean);
  }

  /** An NSS database that trusts `caPem`, for `pdfsig -nssdir`. */
  trustStore(caPem: string): string {
    const nss = join(this.dir, 'nss');
    const ca = join(this.dir, 'ca.pem');
    writeFileSync(ca, caPem);
    mkdirSync(nss);
    execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'gesit-dev-ca', '-t', 'CT,C,C', '-i', ca]);
    return nss;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface LineBox {
  /** 1-based */
  page: number;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Whether two boxes share more than a hairline of area. */
export function overlaps(
  a: { x1: number; y1: number; x2: number; y2: number },
  b: { x1: number; y1: number; x2: number; y2: number },
): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;
}

/** The visible signature field of a signed PDF: its page (1-based) and rectangle, y downwards like `lineBoxes`. */
export async function signatureWidget(pdf: Buffer): Promise<{ page: number; x1: number; y1: number; x2: number; y2: number } | null> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages = doc.getPages();
  for (const [index, page] of pages.entries()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      if (
        annot.get(PDFName.of('FT'))?.toString() !== '/Sig' &&
        annot.lookupMaybe(PDFName.of('Parent'), PDFDict)?.get(PDFName.of('FT'))?.toString() !== '/Sig'
      )
        continue;
      const [x1, y1, x2, y2] = rect(annot.lookup(PDFName.of('Rect'), PDFArray));
      const height = page.getHeight();
      return { page: index + 1, x1, x2, y1: height - y2, y2: height - y1 };
    }
  }
  return null;
}

function rect(array: PDFArray): [number, number, number, number] {
  const { x, y, width, height } = array.asRectangle();
  return [x, y, x + width, y + height];
}

function run(command: string, args: string[]): { status: number; output: string } {
  try {
    return { status: 0, output: execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    const failed = error as { status?: number | null; stdout?: string; stderr?: string };
    if (typeof failed.status !== 'number') throw error;
    return { status: failed.status, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
