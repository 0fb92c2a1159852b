import type { Color, PDFDocument, PDFImage, PDFOperator, PDFPage } from 'pdf-lib';
import { embedLetterFonts, fontCoverage, type Face, type LetterFonts } from '../pdf/letter-fonts';
import { pdfLib, qrcode, rgb } from '../pdf/pdf-libraries';
import { compressContentStreams, markVerificationCode, sanitizeText, savePdf, wrapLine } from '../pdf/pdf-support';
import { paintText } from '../pdf/text-painter';
import { parseBody, type Run } from './letter-body';

export type PaperSizeName = 'A4' | 'F4';

const PAPER: Record<PaperSizeName, [number, number]> = {
  A4: [595.28, 841.89],
  // 215 × 330 mm, the folio most Indonesian offices print on.
  F4: [609.45, 935.43],
};

/** Everything printed on a composed letter, as text ready to print (the caller formats dates and numbers). */
export interface ComposedLetter {
  paper: PaperSizeName;
  letterhead: { lines: string[]; logo: { bytes: Buffer; type: 'png' | 'jpg' } | null };
  number: string;
  /** Sifat: Biasa, Segera, Sangat Segera */
  nature: string;
  attachments: string;
  subject: string;
  addressee: string;
  addresseePlace: string | null;
  body: string;
  /** e.g. 'Sleman, 27 November 2026' */
  placeAndDate: string;
  /** e.g. ['a.n. Kepala Dinas', 'Sekretaris'], ['Plh. Kepala Dinas'], ['Kepala Dinas'] */
  positionLines: string[];
  /** The electronic-signature mark: the QR code of `url` and a caption; null in a preview, which shows where it will go. */
  seal: { url: string; caption: string } | null;
  signerName: string;
  signerRank: string | null;
  signerNip: string;
  carbonCopies: string[];
  /** Printed at the foot of every page; null in a preview. */
  footer: string | null;
}

/** Where the signing block landed: the visible signature field goes there ([x1, y1, x2, y2]). */
export interface SigningBlockPlace {
  page: PDFPage;
  rect: [number, number, number, number];
}

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.3, 0.3, 0.3);
const MARGIN = { left: 85, right: 57, top: 42 };
/** The foot of each page belongs to the footer. */
const FOOTER_ZONE = 50;
const BODY = { size: 11, lead: 15 };
const QR_SIZE = 64;

/** One printed line: its height and how to draw it with its top at `top`. */
interface Line {
  height: number;
  draw(page: PDFPage, top: number): void;
}

interface Block {
  lines: Line[];
  gapBefore: number;
  /** Never split over two pages. */
  whole?: boolean;
  /** On the same page as (the start of) the next block. */
  keepWithNext?: boolean;
  /** Called with the page and the block's top and bottom once it is placed. */
  placed?(page: PDFPage, top: number, bottom: number): void;
}

/** A piece of a line in one face. */
interface Piece {
  text: string;
  face: Face;
  dx: number;
}

/**
 * Lays out an Indonesian official letter (naskah dinas, Permendagri 1/2023): letterhead and rule, Nomor /
 * Sifat / Lampiran / Hal, addressee, body, signing block, tembusan; continuation pages numbered. The
 * signing block is placed in the flow after the body, on the same page as (at least the end of) the last
 * paragraph, so it never covers text. Returns the document unsaved, so a signer can add its field.
 */
export async function layOutLetter(letter: ComposedLetter): Promise<{ doc: PDFDocument; signingBlock: SigningBlockPlace }> {
  const doc = await pdfLib().PDFDocument.create({ updateMetadata: false });
  const bodyBlocks = parseBody(letter.body);
  const runs = bodyBlocks.flatMap((b) => b.runs);
  const faces: Face[] = ['regular', 'bold'];
  if (runs.some((r) => r.italic && !r.bold)) faces.push('italic');
  if (runs.some((r) => r.italic && r.bold)) faces.push('boldItalic');
  const fonts = await embedLetterFonts(doc, faces);
  const type = new Typesetter(fonts as LetterFonts);
  const [width, height] = PAPER[letter.paper];
  const left = MARGIN.left;
  const measure = width - MARGIN.left - MARGIN.right;
  const logo = letter.letterhead.logo
    ? letter.letterhead.logo.type === 'png'
      ? await doc.embedPng(letter.letterhead.logo.bytes)
      : await doc.embedJpg(letter.letterhead.logo.bytes)
    : null;
  const qr = letter.seal ? qrCodeModules(letter.seal.url) : null;

  let signingBlock: SigningBlockPlace | null = null;
  const blocks: Block[] = [
    { lines: letterheadLines(type, letter.letterhead.lines, logo, left, measure), gapBefore: 0, whole: true },
    { lines: headerLines(type, letter, left, measure), gapBefore: 14, whole: true },
    { lines: addresseeLines(type, letter, left, measure), gapBefore: 14, whole: true },
    ...bodyBlocks.map((block, i): Block => {
      const indent = block.kind === 'item' ? 20 : 0;
      const lines = type.runLines(block.runs, left + indent, measure - indent, BODY.size, BODY.lead);
      if (block.kind === 'item') lines[0] = withMarker(lines[0], type, block.marker, left + 4);
      return { lines, gapBefore: i === 0 ? 16 : block.kind === 'item' ? 2 : 8, keepWithNext: i === bodyBlocks.length - 1 };
    }),
    {
      lines: signingLines(type, letter, qr, left + measure / 2, measure / 2),
      gapBefore: 18,
      whole: true,
      placed: (page, top, bottom) => {
        signingBlock = { page, rect: [left + measure / 2 - 4, bottom - 2, left + measure + 2, top + 2] };
      },
    },
    ...(letter.carbonCopies.length ? [{ lines: carbonCopyLines(type, letter.carbonCopies, left, measure), gapBefore: 16 }] : []),
  ];

  paginate(doc, type, blocks, [width, height]);
  if (letter.footer) drawFooters(doc, type, letter.footer);
  compressContentStreams(doc);
  return { doc, signingBlock: signingBlock! };
}

/**
 * The letter as a finished PDF: laid out, its verification code (when signed) in its keywords, then
 * `beforeSave` (a signer adds its field on the signing block), then one save.
 */
export async function composedLetterPdf(
  letter: ComposedLetter,
  options: { verificationCode?: string; beforeSave?: (doc: PDFDocument, signingBlock: SigningBlockPlace) => void } = {},
): Promise<Buffer> {
  const { doc, signingBlock } = await layOutLetter(letter);
  if (options.verificationCode) markVerificationCode(doc, options.verificationCode);
  options.beforeSave?.(doc, signingBlock);
  return savePdf(doc);
}

/** Flows the blocks onto pages; pages after the first carry their number at the top. */
function paginate(doc: PDFDocument, type: Typesetter, blocks: Block[], size: [number, number]): void {
  const floor = FOOTER_ZONE + 8;
  const firstTop = size[1] - MARGIN.top;
  const laterTop = size[1] - MARGIN.top - 28;
  let page = doc.addPage(size);
  let y = firstTop;
  let fresh = true;
  const newPage = () => {
    page = doc.addPage(size);
    const label = `- ${doc.getPageCount()} -`;
    page.drawText(label, {
      x: (size[0] - type.width(label, 'regular', 10)) / 2,
      y: size[1] - MARGIN.top - 10,
      font: type.fonts.regular,
      size: 10,
    });
    y = laterTop;
    fresh = true;
  };
  const sum = (lines: Line[]) => lines.reduce((total, line) => total + line.height, 0);
  blocks.forEach((block, k) => {
    const next = blocks[k + 1];
    const tail = block.keepWithNext && next ? next.gapBefore + sum(next.lines) : 0;
    const gap = fresh ? 0 : block.gapBefore;
    if (block.whole && !fresh && gap + sum(block.lines) + tail > y - floor) newPage();
    else if (!fresh) y -= gap;
    const top = y;
    let blockPage = page;
    block.lines.forEach((line, i) => {
      const rest = sum(block.lines.slice(i)) + tail;
      // The rest of a kept block and what follows it would fit on a fresh page, but not here: go there.
      const keep = block.keepWithNext && rest > y - floor && rest <= laterTop - floor;
      if (!fresh && (keep || line.height > y - floor)) newPage();
      if (i === 0) blockPage = page;
      line.draw(page, y);
      y -= line.height;
      fresh = false;
    });
    block.placed?.(blockPage, blockPage === page ? top : laterTop, y);
  });
}

/** Sanitises, measures and wraps text in the letter's faces. */
class Typesetter {
  private readonly canEncode = fontCoverage();

  constructor(readonly fonts: LetterFonts) {}

  clean(text: string): string {
    return sanitizeText(text, this.canEncode).replace(/ {2,}/g, ' ').trim();
  }

  width(text: string, face: Face, size: number): number {
    return this.fonts[face].widthOfTextAtSize(text, size);
  }

  /** Plain text in one face, wrapped to `maxWidth`, as lines drawn at `x`. */
  lines(text: string, face: Face, size: number, lead: number, x: number, maxWidth: number, color: Color = BLACK): Line[] {
    return wrapLine(this.clean(text), (s) => this.width(s, face, size), maxWidth).map((line) =>
      textLine([{ text: line, face, dx: 0 }], this.fonts, x, size, lead, color),
    );
  }

  /** Styled runs, wrapped word by word; words of one style on a line are drawn as one piece. */
  runLines(runs: Run[], x: number, maxWidth: number, size: number, lead: number): Line[] {
    const result: Line[] = [];
    let pieces: Piece[] = [];
    let cursor = 0;
    let spaceBefore = false;
    for (const run of runs) {
      const face: Face = run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';
      for (const [, space, raw] of sanitizeText(run.text, this.canEncode).matchAll(/(\s*)(\S+)/g)) {
        const word = raw;
        const gap = cursor > 0 && (spaceBefore || space.length > 0) ? this.width(' ', face, size) : 0;
        const wordWidth = this.width(word, face, size);
        if (cursor > 0 && cursor + gap + wordWidth > maxWidth) {
          result.push(textLine(pieces, this.fonts, x, size, lead, BLACK));
          pieces = [];
          cursor = 0;
        }
        const spaced = cursor > 0 ? gap : 0;
        const last = pieces[pieces.length - 1];
        if (last && last.face === face) last.text += `${spaced ? ' ' : ''}${word}`;
        else pieces.push({ text: word, face, dx: cursor + spaced });
        cursor += spaced + wordWidth;
        spaceBefore = false;
      }
      spaceBefore = /\s$/.test(run.text);
    }
    if (pieces.length) result.push(textLine(pieces, this.fonts, x, size, lead, BLACK));
    return result.length ? result : [blankLine(lead)];
  }
}

function textLine(pieces: Piece[], fonts: LetterFonts, x: number, size: number, lead: number, color: Color): Line {
  return {
    height: lead,
    draw: (page, top) => {
      const baseline = top - lead + (lead - size) / 2 + 0.22 * size;
      for (const piece of pieces) paintText(page, piece.text, { x: x + piece.dx, y: baseline, font: fonts[piece.face], size, color });
    },
  };
}

function blankLine(height: number): Line {
  return { height, draw: () => undefined };
}

/** The marker of a list item, drawn left of the item's first line. */
function withMarker(line: Line, type: Typesetter, marker: string, x: number): Line {
  return {
    height: line.height,
    draw: (page, top) => {
      line.draw(page, top);
      const baseline = top - line.height + (line.height - BODY.size) / 2 + 0.22 * BODY.size;
      page.drawText(type.clean(marker), { x, y: baseline, font: type.fonts.regular, size: BODY.size });
    },
  };
}

/** Kop surat: the logo at the left, the lines centred beside it, then a thick and a thin rule. */
function letterheadLines(type: Typesetter, lines: string[], logo: PDFImage | null, left: number, measure: number): Line[] {
  const logoWidth = logo ? 64 : 0;
  const textLeft = left + (logo ? logoWidth + 8 : 0);
  const textWidth = measure - (logo ? logoWidth + 8 : 0);
  const styles = lines.map((_, i): { face: Face; size: number; lead: number } =>
    lines.length === 1 || i === 1
      ? { face: 'bold', size: 15, lead: 19 }
      : i === 0
        ? { face: 'bold', size: 12.5, lead: 16 }
        : { face: 'regular', size: 9, lead: 11.5 },
  );
  // A kop line keeps to one line where it can: shrunk by up to a fifth before it wraps.
  const centred: { text: string; face: Face; size: number; lead: number }[] = lines.flatMap((line, i) => {
    const text = type.clean(line);
    const style = styles[i];
    const size = Math.max(style.size * 0.8, Math.min(style.size, (textWidth / type.width(text, style.face, style.size)) * style.size));
    return wrapLine(text, (s) => type.width(s, style.face, size), textWidth).map((part) => ({ ...style, text: part, size }));
  });
  const textHeight = centred.reduce((total, l) => total + l.lead, 0);
  const height = Math.max(textHeight, logo ? logoWidth : 0) + 10;
  return [
    {
      height,
      draw: (page, top) => {
        if (logo) {
          const scale = Math.min(logoWidth / logo.width, logoWidth / logo.height);
          page.drawImage(logo, {
            x: left,
            y: top - (height - 10 + logo.height * scale) / 2,
            width: logo.width * scale,
            height: logo.height * scale,
          });
        }
        let y = top - (height - 10 - textHeight) / 2;
        for (const line of centred) {
          const lineWidth = type.width(line.text, line.face, line.size);
          page.drawText(line.text, {
            x: textLeft + (textWidth - lineWidth) / 2,
            y: y - line.lead + (line.lead - line.size) / 2 + 0.22 * line.size,
            font: type.fonts[line.face],
            size: line.size,
          });
          y -= line.lead;
        }
        page.drawLine({ start: { x: left, y: top - height + 4 }, end: { x: left + measure, y: top - height + 4 }, thickness: 2 });
        page.drawLine({ start: { x: left, y: top - height + 0.8 }, end: { x: left + measure, y: top - height + 0.8 }, thickness: 0.6 });
      },
    },
  ];
}

/** Nomor, Sifat, Lampiran and Hal, their colons aligned; a long value wraps under itself. */
function headerLines(type: Typesetter, letter: ComposedLetter, left: number, measure: number): Line[] {
  const colon = left + 62;
  const value = colon + 10;
  const rows: [string, string][] = [
    ['Nomor', letter.number],
    ['Sifat', letter.nature],
    ['Lampiran', letter.attachments],
    ['Hal', letter.subject],
  ];
  return rows.flatMap(([label, text]) => {
    const lines = type.lines(text, 'regular', BODY.size, BODY.lead, value, left + measure - value);
    const first = lines[0];
    lines[0] = {
      height: first.height,
      draw: (page, top) => {
        const baseline = top - BODY.lead + (BODY.lead - BODY.size) / 2 + 0.22 * BODY.size;
        page.drawText(label, { x: left, y: baseline, font: type.fonts.regular, size: BODY.size });
        page.drawText(':', { x: colon, y: baseline, font: type.fonts.regular, size: BODY.size });
        first.draw(page, top);
      },
    };
    return lines;
  });
}

/** Yth. <addressee>, then 'di' and the place indented under it. */
function addresseeLines(type: Typesetter, letter: ComposedLetter, left: number, measure: number): Line[] {
  const indent = type.width('Yth. ', 'regular', BODY.size);
  const lines = type.lines(letter.addressee, 'regular', BODY.size, BODY.lead, left + indent, measure - indent);
  const first = lines[0];
  lines[0] = {
    height: first.height,
    draw: (page, top) => {
      page.drawText('Yth.', {
        x: left,
        y: top - BODY.lead + (BODY.lead - BODY.size) / 2 + 0.22 * BODY.size,
        font: type.fonts.regular,
        size: BODY.size,
      });
      first.draw(page, top);
    },
  };
  if (letter.addresseePlace) {
    lines.push(...type.lines('di', 'regular', BODY.size, BODY.lead, left, measure));
    lines.push(...type.lines(letter.addresseePlace, 'regular', BODY.size, BODY.lead, left + 20, measure - 20));
  }
  return lines;
}

/** Place and date, position lines, the electronic-signature mark with the QR code, name, rank, NIP. */
/** The dark modules of a QR code as rows of runs: [row, first column, length]. */
type QrModules = { size: number; runs: [number, number, number][] };

function qrCodeModules(url: string): QrModules {
  const { modules } = qrcode().create(url, { errorCorrectionLevel: 'M' });
  const runs: [number, number, number][] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      const start = col;
      while (col + 1 < modules.size && modules.get(row, col + 1)) col++;
      runs.push([row, start, col - start + 1]);
    }
  }
  return { size: modules.size, runs };
}

/**
 * The QR code drawn as filled rectangles (vector, one per run of dark modules) with a one-module quiet
 * zone: sharp at any zoom or print resolution, and no image to decode and compress per letter.
 */
function drawQrCode(page: PDFPage, qr: QrModules, x: number, y: number, size: number): void {
  const { fill, popGraphicsState, pushGraphicsState, rectangle, setFillingGrayscaleColor } = pdfLib();
  const module = size / (qr.size + 2);
  const operators: PDFOperator[] = [pushGraphicsState(), setFillingGrayscaleColor(0)];
  for (const [row, col, length] of qr.runs) {
    operators.push(rectangle(x + (col + 1) * module, y + size - (row + 2) * module, length * module, module));
  }
  operators.push(fill(), popGraphicsState());
  page.pushOperators(...operators);
}

function signingLines(type: Typesetter, letter: ComposedLetter, qr: QrModules | null, x: number, width: number): Line[] {
  const text = (s: string, face: Face = 'regular') => type.lines(s, face, BODY.size, BODY.lead, x, width);
  const positions = letter.positionLines.map((line, i, all) => (i === all.length - 1 ? `${line},` : line));
  const caption = letter.seal?.caption ?? 'Tempat tanda tangan elektronik dan kode QR';
  const captionLines = wrapLine(type.clean(caption), (s) => type.width(s, 'regular', 7.5), width - QR_SIZE - 8);
  const mark: Line = {
    height: QR_SIZE + 8,
    draw: (page, top) => {
      if (qr) drawQrCode(page, qr, x, top - 4 - QR_SIZE, QR_SIZE);
      else
        page.drawRectangle({
          x,
          y: top - 4 - QR_SIZE,
          width: QR_SIZE,
          height: QR_SIZE,
          borderColor: GREY,
          borderWidth: 0.6,
          borderDashArray: [3, 2],
        });
      captionLines.forEach((line, i) =>
        page.drawText(line, {
          x: x + QR_SIZE + 8,
          y: top - 4 - QR_SIZE / 2 + (captionLines.length / 2 - i - 1) * 9.5 + 2,
          font: type.fonts.regular,
          size: 7.5,
          color: GREY,
        }),
      );
    },
  };
  return [
    ...text(letter.placeAndDate),
    ...positions.flatMap((line) => text(line)),
    mark,
    ...text(letter.signerName, 'bold'),
    ...(letter.signerRank ? text(letter.signerRank) : []),
    ...text(`NIP. ${letter.signerNip}`),
  ];
}

function carbonCopyLines(type: Typesetter, copies: string[], left: number, measure: number): Line[] {
  const size = 10;
  const lead = 13.5;
  const numbered = copies.length > 1;
  return [
    ...type.lines('Tembusan:', 'regular', size, lead, left, measure),
    ...copies.flatMap((copy, i) => {
      const lines = type.lines(copy, 'regular', size, lead, left + (numbered ? 16 : 0), measure - 16);
      if (!numbered) return lines;
      const first = lines[0];
      lines[0] = {
        height: first.height,
        draw: (page, top) => {
          page.drawText(`${i + 1}.`, { x: left, y: top - lead + (lead - size) / 2 + 0.22 * size, font: type.fonts.regular, size });
          first.draw(page, top);
        },
      };
      return lines;
    }),
  ];
}

/** The footer of every page, centred in the zone the layout leaves free. */
function drawFooters(doc: PDFDocument, type: Typesetter, footer: string): void {
  const size = 7.5;
  const lead = 9.5;
  for (const page of doc.getPages()) {
    const { width } = page.getSize();
    const lines = wrapLine(type.clean(footer), (s) => type.width(s, 'regular', size), width - MARGIN.left - MARGIN.right);
    lines.forEach((line, i) => {
      const lineWidth = type.width(line, 'regular', size);
      page.drawText(line, {
        x: (width - lineWidth) / 2,
        y: 18 + (lines.length - 1 - i) * lead,
        font: type.fonts.regular,
        size,
        color: GREY,
      });
    });
    page.drawLine({
      start: { x: MARGIN.left, y: 20 + lines.length * lead },
      end: { x: width - MARGIN.right, y: 20 + lines.length * lead },
      thickness: 0.4,
      color: GREY,
    });
  }
}
