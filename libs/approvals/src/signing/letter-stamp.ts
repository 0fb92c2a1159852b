import type { Color, PDFDocument, PDFFont, PDFImage, PDFPage } from 'pdf-lib';
import { embedLetterFonts, fontCoverage } from '../pdf/letter-fonts';
import { pdfLib, qrcode, rgb } from '../pdf/pdf-libraries';
import { compressContentStreams, loadPdf, sanitizeText, savePdf, wrapLine } from '../pdf/pdf-support';
import type { PlaceholderMark } from '../pdf/text-layer';
import type { SignatureWidget } from './signer.port';

export interface ApprovalStep {
  order: number;
  kind: 'REVIEW' | 'SIGN';
  approver: string;
  actingFor?: string;
  decision: string;
  decidedAt: string;
  comment?: string;
}

export interface ApprovalSheet {
  title: string;
  draftRevision: number;
  draftSha256: string;
  steps: ApprovalStep[];
}

/** What is written over an uploaded draft's placeholders. */
export interface UploadedStamp {
  /** Where ${nomor}, ${tanggal} and ${ttd} are (from the draft's text layer). */
  marks: PlaceholderMark[];
  /** e.g. 'B-0042/DISKOMINFO/000.1.2/XI/2026' */
  number: string;
  /** as printed, e.g. '27 November 2026' (the caller formats it) */
  date: string;
  /**
   * Printed above the QR code when the signer signs a.n. or as Plh./Plt. (the draft's own text names the
   * official; it cannot know who signs in the end); empty when the official signs in person.
   */
  positionLines: string[];
  signerName: string;
  signerRank: string | null;
  /** 18 digits */
  signerNip: string;
  /** `${PUBLIC_BASE_URL}/verify/<code>`, encoded in the QR code */
  verificationUrl: string;
  /** The footer of every page (electronic signature and where to check it). */
  footer: string;
}

/** Called after stamping, before the single save: the pipeline adds its signature placeholder here. */
export type BeforeSave = (doc: PDFDocument, signatureBlock?: SignatureWidget) => void;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.3, 0.3, 0.3);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.9, 0.9, 0.9);
const WHITE = rgb(1, 1, 1);
const A4: [number, number] = [595.28, 841.89];
/** The foot of a page where the footer goes; a ${ttd} block stops above it. */
const FOOTER_TOP = 46;

/**
 * Writes the number, the date and the signing block (QR, name, rank, NIP) over the placeholders of an
 * uploaded draft, and the footer on every page. Unsigned. A placeholder is covered, not removed: its
 * text stays in the file's text layer under the white box.
 */
export async function stampUploadedLetter(draft: Buffer, stamp: UploadedStamp, beforeSave?: BeforeSave): Promise<Buffer> {
  const doc = await loadPdf(draft);
  const pages = doc.getPages();
  if (pages.length === 0) throw new Error('The draft has no pages');
  const type = new Typesetter(await embedLetterFonts(doc, ['regular', 'bold']));
  const qrCode = await doc.embedPng(await qrcode().toBuffer(stamp.verificationUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6 }));
  let signatureBlock: SignatureWidget | undefined;
  for (const mark of stamp.marks) {
    const page = pages[mark.page];
    if (!page) continue;
    page.drawRectangle({ x: mark.x1 - 1, y: mark.y1 - 1.5, width: mark.x2 - mark.x1 + 2, height: mark.y2 - mark.y1 + 3, color: WHITE });
    if (mark.name === 'ttd') {
      signatureBlock ??= { page, rect: drawSigningBlockAt(page, type, stamp, qrCode, mark) };
      continue;
    }
    const size = Math.min(14, Math.max(6, (mark.y2 - mark.y1) * 0.92));
    page.drawText(type.clean(mark.name === 'nomor' ? stamp.number : stamp.date), {
      x: mark.x1,
      y: mark.y1 + 0.22 * size,
      font: type.regular,
      size,
      color: BLACK,
    });
  }
  const drawFooter = footerDrawer(type, stamp.footer);
  for (const page of pages) drawFooter(page);
  beforeSave?.(doc, signatureBlock);
  compressContentStreams(doc);
  return savePdf(doc);
}

/** The approval sheet as a PDF of its own (kept inside the office, never sent with the letter). Unsigned. */
export async function approvalSheetPdf(sheet: ApprovalSheet, footer: string, beforeSave?: BeforeSave): Promise<Buffer> {
  const doc = await pdfLib().PDFDocument.create({ updateMetadata: false });
  const type = new Typesetter(await embedLetterFonts(doc, ['regular', 'bold']));
  appendApprovalSheet(doc, type, sheet, A4);
  const drawFooter = footerDrawer(type, footer);
  for (const page of doc.getPages()) drawFooter(page);
  beforeSave?.(doc);
  compressContentStreams(doc);
  return savePdf(doc);
}

/** Sanitises and measures text in the letter fonts. */
class Typesetter {
  private readonly canEncode = fontCoverage();
  readonly regular: PDFFont;
  readonly bold: PDFFont;

  constructor(fonts: { regular: PDFFont; bold: PDFFont }) {
    this.regular = fonts.regular;
    this.bold = fonts.bold;
  }

  clean(text: string): string {
    return sanitizeText(text, this.canEncode).replace(/ {2,}/g, ' ').trim();
  }

  wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    const measure = (s: string) => font.widthOfTextAtSize(s, size);
    return text
      .trim()
      .split(/\r\n|\r|\n/)
      .flatMap((paragraph) => wrapLine(this.clean(paragraph), measure, maxWidth));
  }
}

interface TextStyle {
  font: PDFFont;
  size: number;
  /** line height */
  lead: number;
  color?: Color;
}

/** Draws lines downwards from `top` (the top of the first line box); returns the bottom of the last. */
function drawLines(page: PDFPage, lines: string[], x: number, top: number, style: TextStyle): number {
  const baselineOffset = (style.lead - style.size) / 2 + 0.22 * style.size;
  lines.forEach((line, i) => {
    page.drawText(line, {
      x,
      y: top - (i + 1) * style.lead + baselineOffset,
      font: style.font,
      size: style.size,
      color: style.color ?? BLACK,
    });
  });
  return top - lines.length * style.lead;
}

/**
 * The position lines (a.n./Plh./Plt. only), QR code, name, rank and NIP from the top of the ${ttd} mark downwards, in the room between the
 * mark and the footer and right page margin: the QR shrinks (down to 40 pt) before the text does.
 * Returns the rectangle it occupies.
 */
function drawSigningBlockAt(
  page: PDFPage,
  type: Typesetter,
  stamp: UploadedStamp,
  qrCode: PDFImage,
  mark: PlaceholderMark,
): [number, number, number, number] {
  const box = page.getCropBox();
  const x = mark.x1;
  const top = mark.y2 + 1;
  const width = Math.max(80, box.x + box.width - 36 - x);
  const room = top - (box.y + FOOTER_TOP);
  const size = room < 110 ? 8 : 10;
  const text: TextStyle = { font: type.regular, size, lead: size * 1.25 };
  const name: TextStyle = { ...text, font: type.bold };
  const positionLines = stamp.positionLines.flatMap((line, i, all) =>
    type.wrap(i === all.length - 1 ? `${line},` : line, text.font, text.size, width),
  );
  const nameLines = type.wrap(stamp.signerName, name.font, name.size, width);
  const rankLines = stamp.signerRank ? type.wrap(stamp.signerRank, text.font, text.size, width) : [];
  const nipLines = type.wrap(`NIP. ${stamp.signerNip}`, text.font, text.size, width);
  const textHeight = (positionLines.length + nameLines.length + rankLines.length + nipLines.length) * text.lead;
  const qrSize = Math.max(40, Math.min(72, room - textHeight - 4, width));
  const qrTop = drawLines(page, positionLines, x, top, text);
  page.drawImage(qrCode, { x, y: qrTop - qrSize, width: qrSize, height: qrSize });
  let y = drawLines(page, nameLines, x, qrTop - qrSize - 4, name);
  y = drawLines(page, rankLines, x, y, text);
  y = drawLines(page, nipLines, x, y, text);
  const right =
    x +
    Math.max(
      qrSize,
      ...[...nameLines, ...positionLines, ...rankLines, ...nipLines].map((l, i) =>
        (i < nameLines.length ? name : text).font.widthOfTextAtSize(l, size),
      ),
    );
  return [x - 2, y - 2, right + 2, top + 2];
}

/** The footer of every page; its layout is computed once per page width (measuring text dominates on long drafts). */
function footerDrawer(type: Typesetter, footer: string): (page: PDFPage) => void {
  const style: TextStyle = { font: type.regular, size: 7.5, lead: 9.5, color: GREY };
  const layouts = new Map<number, Array<{ line: string; width: number }>>();
  return (page) => {
    const box = page.getCropBox();
    let layout = layouts.get(box.width);
    if (!layout) {
      layout = type
        .wrap(footer, style.font, style.size, box.width - 100)
        .map((line) => ({ line, width: style.font.widthOfTextAtSize(line, style.size) }));
      layouts.set(box.width, layout);
    }
    layout.forEach(({ line, width }, i, all) => {
      const y = box.y + 12 + (all.length - 1 - i) * style.lead;
      page.drawText(line, { x: box.x + (box.width - width) / 2, y, font: style.font, size: style.size, color: style.color });
    });
  };
}

const COLUMNS = [
  { label: 'No.', weight: 0.05 },
  { label: 'Jenis', weight: 0.1 },
  { label: 'Nama', weight: 0.18 },
  { label: 'Atas nama', weight: 0.15 },
  { label: 'Keputusan', weight: 0.12 },
  { label: 'Waktu', weight: 0.14 },
  { label: 'Catatan', weight: 0.26 },
];
const KIND_LABEL: Record<ApprovalStep['kind'], string> = { REVIEW: 'Paraf', SIGN: 'Tanda tangan' };
/** A row taller than the room left is split only if at least this many of its lines fit. */
const MIN_SPLIT_LINES = 3;

function appendApprovalSheet(doc: PDFDocument, type: Typesetter, sheet: ApprovalSheet, [width, height]: [number, number]): void {
  const margin = 50;
  const bottom = 44;
  const padding = 3;
  const cell: TextStyle = { font: type.regular, size: 8, lead: 10 };
  const headerCell: TextStyle = { ...cell, font: type.bold };
  const columnWidths = COLUMNS.map((column) => column.weight * (width - 2 * margin));
  const wrapCells = (texts: string[], style: TextStyle) =>
    texts.map((text, i) => type.wrap(text, style.font, style.size, columnWidths[i] - 2 * padding));
  const header = wrapCells(
    COLUMNS.map((column) => column.label),
    headerCell,
  );
  const rows = sheet.steps.map((step) =>
    wrapCells(
      [String(step.order), KIND_LABEL[step.kind], step.approver, step.actingFor || '-', step.decision, step.decidedAt, step.comment || '-'],
      cell,
    ),
  );

  /** One table row (or the part of it that fits); returns its bottom. */
  const drawRow = (page: PDFPage, cells: string[][], top: number, style: TextStyle, shade?: Color) => {
    const rowHeight = Math.max(...cells.map((lines) => lines.length)) * style.lead + 2 * padding;
    let x = margin;
    cells.forEach((lines, i) => {
      page.drawRectangle({
        x,
        y: top - rowHeight,
        width: columnWidths[i],
        height: rowHeight,
        color: shade,
        borderColor: RULE,
        borderWidth: 0.5,
      });
      drawLines(page, lines, x + padding, top - padding, style);
      x += columnWidths[i];
    });
    return top - rowHeight;
  };

  let page!: PDFPage;
  let y = 0;
  let sheetPages = 0;
  /** Nothing below the heading yet: a row starts here even if little of it fits, so a huge title cannot loop. */
  let fresh = true;
  const newPage = () => {
    const continued = sheetPages++ > 0;
    page = doc.addPage([width, height]);
    fresh = true;
    y = height - 56;
    const title = continued ? 'LEMBAR PERSETUJUAN (lanjutan)' : 'LEMBAR PERSETUJUAN';
    const titleStyle: TextStyle = { font: type.bold, size: 12, lead: 16 };
    page.drawText(title, {
      x: (width - titleStyle.font.widthOfTextAtSize(title, titleStyle.size)) / 2,
      y,
      font: titleStyle.font,
      size: titleStyle.size,
    });
    // Every sheet page names the draft it approves.
    const info: TextStyle = { font: type.regular, size: 9, lead: 12 };
    const infoLines = [
      ...(continued ? [] : [`Perihal: ${sheet.title}`]),
      `Revisi draf: ${sheet.draftRevision}`,
      `SHA-256 draf: ${sheet.draftSha256}`,
    ].flatMap((text) => type.wrap(text, info.font, info.size, width - 2 * margin));
    y = drawLines(page, infoLines, margin, y - 12, info) - 10;
    y = drawRow(page, header, y, headerCell, SHADE);
  };

  newPage();
  for (const cells of rows) {
    const lineCount = Math.max(...cells.map((lines) => lines.length));
    for (let start = 0; start < lineCount;) {
      const fit = Math.floor((y - bottom - 2 * padding) / cell.lead);
      if (!fresh && fit < Math.min(MIN_SPLIT_LINES, lineCount - start)) {
        newPage();
        continue;
      }
      const take = Math.max(1, Math.min(fit, lineCount - start));
      y = drawRow(
        page,
        cells.map((lines) => lines.slice(start, start + take)),
        y,
        cell,
      );
      start += take;
      fresh = false;
    }
  }
}
