import type { Font } from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFDocument, PDFFont, PDFHexString, PDFRef } from 'pdf-lib';
import { fontkit, pdfLib } from './pdf-libraries';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The faces a letter uses; DejaVu Sans covers the Latin letters of Indonesian names (é, ñ, ā, …). */
export type LetterFonts = Record<Face, PDFFont>;

const FILES: Record<Face, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

/** Printable ASCII, Latin-1, Latin Extended-A and the typographic punctuation of Indonesian letters. */
const PRESET = [...range(0x20, 0x7e), ...range(0xa0, 0x17f), ...[0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026]];

const fontFiles = new Map<Face, Buffer>();
/** Per face, the compressed subset of the preset glyphs: the same bytes for every letter that needs no others. */
const presetStreams = new Map<Face, Uint8Array>();

/** The font files come with the npm package dejavu-fonts-ttf: read once from node_modules, never fetched. */
function fontFile(face: Face): Buffer {
  let bytes = fontFiles.get(face);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[face]}`));
    fontFiles.set(face, bytes);
  }
  return bytes;
}

/** fontkit, parsing each font file once per process: pdf-lib would parse it again for every letter. */
const parsedOnce = {
  parsed: new WeakMap<Uint8Array, Font>(),
  create(bytes: Uint8Array) {
    let font = this.parsed.get(bytes);
    if (!font) {
      font = fontkit().create(bytes);
      this.parsed.set(bytes, font);
    }
    return font;
  },
};

/** Embeds the faces asked for as subsets: the preset glyphs first, in a fixed order, then any others the text uses. */
export async function embedLetterFonts<F extends Face>(doc: PDFDocument, faces: readonly F[]): Promise<Record<F, PDFFont>> {
  doc.registerFontkit(parsedOnce);
  const fonts = await Promise.all(faces.map((face) => doc.embedFont(fontFile(face), { subset: true })));
  fonts.forEach((font, i) => encodeWithoutShaping(font, faces[i]));
  return Object.fromEntries(faces.map((face, i) => [face, fonts[i]])) as Record<F, PDFFont>;
}

let coverage: Set<number> | null = null;

/** The code points the regular face has a glyph for (the other faces cover the same Latin letters). */
export function fontCoverage(): (codePoint: number) => boolean {
  coverage ??= new Set(parsedOnce.create(fontFile('regular')).characterSet);
  const set = coverage;
  return (codePoint) => codePoint >= 0x20 && set.has(codePoint);
}

interface Glyph {
  id: number;
  advanceWidth: number;
}

/** The parts of pdf-lib's subset embedder (CustomFontSubsetEmbedder) that encode, measure and write a font. */
interface SubsetEmbedder {
  font: { glyphForCodePoint(codePoint: number): Glyph; unitsPerEm: number };
  subset: { includeGlyph(glyph: Glyph): number };
  glyphs: Glyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  encodeText(text: string): PDFHexString;
  widthOfTextAtSize(text: string, size: number): number;
  serializeFont(): Promise<Uint8Array>;
  embedFontStream(context: PDFContext): Promise<PDFRef>;
}

/**
 * Two costs of pdf-lib with a TrueType font, measured on a ten-page letter: fontkit's full OpenType layout
 * (GSUB/GPOS) on every string drawn or measured, about 0.4 ms a line; and writing the subset on save,
 * about 15 ms a face. Indonesian in Latin script needs no shaping, so each code point maps to its glyph
 * once (no kerning or ligatures; widths stay exact); and the subset of the preset glyphs is written and
 * compressed once per process.
 */
function encodeWithoutShaping(font: PDFFont, face: Face): void {
  const { PDFHexString } = pdfLib();
  const embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
  const glyphs = new Map<number, { glyph: Glyph; hex: string }>();
  const scale = 1 / embedder.font.unitsPerEm;
  const lookup = (codePoint: number) => {
    let entry = glyphs.get(codePoint);
    if (!entry) {
      const glyph = embedder.font.glyphForCodePoint(codePoint);
      const subsetId = embedder.subset.includeGlyph(glyph);
      embedder.glyphs[subsetId - 1] = glyph;
      embedder.glyphIdMap.set(glyph.id, subsetId);
      embedder.glyphCache.invalidate();
      entry = { glyph, hex: subsetId.toString(16).padStart(4, '0') };
      glyphs.set(codePoint, entry);
    }
    return entry;
  };
  for (const codePoint of PRESET) lookup(codePoint);
  const presetGlyphs = embedder.glyphs.length;
  embedder.encodeText = (text) => {
    let hex = '';
    for (const ch of text) hex += lookup(ch.codePointAt(0)!).hex;
    return PDFHexString.of(hex);
  };
  embedder.widthOfTextAtSize = (text, size) => {
    let width = 0;
    for (const ch of text) width += lookup(ch.codePointAt(0)!).glyph.advanceWidth;
    return width * scale * size;
  };
  const serialize = embedder.serializeFont.bind(embedder);
  embedder.embedFontStream = async (context) => {
    if (embedder.glyphs.length !== presetGlyphs) return context.register(context.flateStream(await serialize()));
    let compressed = presetStreams.get(face);
    if (!compressed) {
      compressed = deflateSync(await serialize());
      presetStreams.set(face, compressed);
    }
    return context.register(context.stream(compressed, { Filter: 'FlateDecode' }));
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
