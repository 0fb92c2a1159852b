import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A word of a page's text layer, in PDF user space (origin at the bottom left of the page). */
export interface PlacedWord {
  page: number;
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface TextLayer {
  pages: { width: number; height: number }[];
  words: PlacedWord[];
}

/**
 * The words of a PDF with their boxes, read by poppler's pdftotext (Debian poppler-utils, also in the
 * image): the same reader the tests use to check what a person sees. A file pdftotext cannot read has
 * no text layer.
 */
export async function readTextLayer(pdf: Buffer): Promise<TextLayer> {
  const dir = await mkdtemp(join(tmpdir(), 'gesit-text-'));
  try {
    const file = join(dir, 'draft.pdf');
    await writeFile(file, pdf);
    const output = await run('pdftotext', ['-q', '-bbox', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { code?: unknown }) => {
        // A non-zero exit is poppler refusing the file; anything else (pdftotext missing) is ours to report.
        if (typeof error.code === 'number') return { stdout: '' };
        throw error;
      },
    );
    return parseBboxHtml(output.stdout);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** Parses the XHTML of `pdftotext -bbox`: pages with their size, words with their boxes (y downwards). */
export function parseBboxHtml(html: string): TextLayer {
  const layer: TextLayer = { pages: [], words: [] };
  for (const [, pageAttributes, content] of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const width = Number(/width="([\d.]+)"/.exec(pageAttributes)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(pageAttributes)?.[1]);
    const page = layer.pages.push({ width, height }) - 1;
    for (const [, x1, yMin, x2, yMax, text] of content.matchAll(
      /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
    )) {
      layer.words.push({
        page,
        text: text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (entity) => ENTITIES[entity]),
        x1: Number(x1),
        x2: Number(x2),
        y1: height - Number(yMax),
        y2: height - Number(yMin),
      });
    }
  }
  return layer;
}

export type PlaceholderName = 'nomor' | 'tanggal' | 'ttd';

/** Where a placeholder sits; its box covers only the placeholder, not punctuation stuck to it. */
export type PlaceholderMark = PlacedWord & { name: PlaceholderName };

/** Every `${nomor}`, `${tanggal}` and `${ttd}` of the text layer, in reading order. */
export function findPlaceholders(layer: TextLayer): PlaceholderMark[] {
  const marks: PlaceholderMark[] = [];
  for (const word of layer.words) {
    for (const match of word.text.matchAll(/\$\{(nomor|tanggal|ttd)\}/g)) {
      // Characters of one word are about equally wide: enough to cover the placeholder and not its neighbours.
      const perChar = (word.x2 - word.x1) / word.text.length;
      const x1 = word.x1 + match.index * perChar;
      marks.push({ ...word, name: match[1] as PlaceholderName, text: match[0], x1, x2: x1 + match[0].length * perChar });
    }
  }
  return marks;
}
