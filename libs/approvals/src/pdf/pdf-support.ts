import { deflateSync } from 'node:zlib';
import type { PDFDocument } from 'pdf-lib';
import { pdfLib } from './pdf-libraries';

const VERIFICATION_KEYWORD = 'gesit-verify:';

export type CanEncode = (codePoint: number) => boolean;

/** What a literal string in a PDF dictionary (PDFDocEncoding) holds as itself: printable ASCII and Latin-1. */
export const isPdfDocEncodable: CanEncode = (cp) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff && cp !== 0xad);

/**
 * Makes text drawable by an encoding that cannot hold all of Unicode (standard fonts: WinAnsi):
 * compatibility forms first ('Ǆ' → 'DŽ'), then the base letter without its accents, else '?'.
 * Whitespace becomes a space; invisible format characters and stray combining marks disappear.
 */
export function sanitizeText(text: string, canEncode: CanEncode): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (canEncode(ch.codePointAt(0)!)) out += ch;
    else if (/\s/u.test(ch)) out += ' ';
    else if (!/[\p{Cc}\p{Cf}\p{M}]/u.test(ch)) out += substitute(ch, canEncode);
  }
  return out;
}

function substitute(ch: string, canEncode: CanEncode): string {
  const encodable = (s: string) => [...s].every((c) => canEncode(c.codePointAt(0)!));
  const compatible = ch.normalize('NFKC');
  if (compatible !== ch && encodable(compatible)) return compatible;
  const base = [...ch.normalize('NFKD')].filter((c) => canEncode(c.codePointAt(0)!)).join('');
  return base || '?';
}

/** Greedy word wrap; a word wider than the line is broken between characters. `text` must be sanitised. */
export function wrapLine(text: string, measure: (s: string) => number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (measure(line) > maxWidth) {
      let cut = 1;
      while (cut < line.length && measure(line.slice(0, cut + 1)) <= maxWidth) cut++;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  lines.push(line);
  return lines;
}

// pdf-lib yields to the event loop every 50–100 objects by default, through setTimeout(0) (≥ 1 ms each):
// for a letter that is most of the load and save time, so both run in one go.
export function loadPdf(pdf: Buffer): Promise<PDFDocument> {
  const { PDFDocument, ParseSpeeds } = pdfLib();
  return PDFDocument.load(pdf, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false });
}

/**
 * Saves without copying the result; no form appearances are regenerated (that would embed fonts again).
 * Without object streams: pdf-lib compresses those in JavaScript, slower than the rest of the save.
 */
export async function savePdf(doc: PDFDocument): Promise<Buffer> {
  const bytes = await doc.save({ objectsPerTick: Infinity, updateFieldAppearances: false, useObjectStreams: false });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Compresses the content streams drawn into `doc` with the native zlib instead of pdf-lib's JavaScript
 * deflate at save: for a ten-page letter in a TrueType font that is most of the time of the save.
 */
export function compressContentStreams(doc: PDFDocument): void {
  const { PDFContentStream } = pdfLib();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFContentStream) {
      doc.context.assign(ref, doc.context.stream(deflateSync(object.getUnencodedContents(), { level: 1 }), { Filter: 'FlateDecode' }));
    }
  }
}

/** Writes the verification code into the document's keywords, where a copy edited elsewhere usually keeps it. */
export function markVerificationCode(doc: PDFDocument, code: string): void {
  doc.setKeywords([`${VERIFICATION_KEYWORD}${code}`]);
}

/** The verification code a PDF's keywords carry, if any; a file that does not parse carries none. */
export async function verificationCodeIn(pdf: Buffer): Promise<string | null> {
  try {
    const { PDFDocument, ParseSpeeds } = pdfLib();
    const doc = await PDFDocument.load(pdf, {
      parseSpeed: ParseSpeeds.Fastest,
      updateMetadata: false,
      ignoreEncryption: true,
      throwOnInvalidObject: false,
    });
    const keywords = doc.getKeywords() ?? '';
    return new RegExp(`${VERIFICATION_KEYWORD}([A-Z2-7]{16})`).exec(keywords)?.[1] ?? null;
  } catch {
    return null;
  }
}
