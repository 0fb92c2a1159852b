import { type Color, type PDFDocument, type PDFFont, type PDFImage, type PDFPage, StandardFonts, rgb } from 'pdf-lib';
import { toBuffer as qrCodePng } from 'qrcode';
import { loadPdf, sanitizeText, savePdf, wrapLine } from './pdf-support';
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

export interface LetterStamp {
  /** e.g. 'B-0042/DISKOMINFO/000.1.2/XI/2026' */
  number: string;
  /** as printed, e.g. '27 November 2026' (the caller formats it) */
  date: string;
  /** e.g. 'a.n. Kepala Dinas', 'Plh. Kepala Dinas', 'Plt. Kepala Dinas'; omitted when the official signs in person */
  signingLine?: string;
  signerPositionTitle: string;
  signerName: string;
  /** 18 digits */
  signerNip: string;
  /** `${PUBLIC_BASE_URL}/verify/<code>`, encoded in the QR code */
  verificationUrl: string;
  /** printed under the QR code */
  verificationCode: string;
  approvalSheet: ApprovalSheet;
}

/** Called after stamping, before the single save: the pipeline adds its signature placeholder here. */
export type BeforeSave = (doc: PDFDocument, signatureBlock: SignatureWidget) => void;

const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.9, 0.9, 0.9);
const WHITE = rgb(1, 1, 1);
const A4: [number, number] = [595.28, 841.89];

/** Stamps the draft: number and date, signature block with QR code, footer, approval sheet. Unsigned. */
export async function stampLetter(draft: Buffer, stamp: LetterStamp, beforeSave?: BeforeSave): Promise<Buffer> {
  const doc = await loadPdf(draft);
  const pages = doc.getPages();
  if (pages.length === 0) throw new Error('The draft has no pages');
  const lastDraftPage = pages[pages.length - 1];
  const type = new Typesetter(await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const qrCode = await doc.embedPng(await qrCodePng(stamp.verificationUrl, { errorCorrectionLevel: 'M', margin: 1, scale: 6 }));

  drawNumberBox(pages[0], type, stamp);
  const signatureBlock = drawSignatureBlock(lastDraftPage, type, stamp, qrCode);
  appendApprovalSheet(doc, type, stamp.approvalSheet, sheetSize(lastDraftPage));
  const drawFooter = footerDrawer(type, stamp.verificationUrl);
  for (const page of doc.getPages()) drawFooter(page);

  beforeSave?.(doc, { page: lastDraftPage, rect: signatureBlock });
  return savePdf(doc);
}

/** Sanitises and measures text for the standard fonts (WinAnsi). */
class Typesetter {
  private readonly glyphs: Set<number>;

  constructor(
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.glyphs = new Set(regular.getCharacterSet());
  }

  clean(text: string): string {
    return sanitizeText(text, (cp) => this.glyphs.has(cp))
      .replace(/ {2,}/g, ' ')
      .trim();
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

function drawNumberBox(page: PDFPage, type: Typesetter, stamp: LetterStamp): void {
  const box = page.getCropBox();
  const style: TextStyle = { font: type.regular, size: 9, lead: 11.5 };
  const padding = 6;
  const maxTextWidth = Math.min(260, box.width / 2) - 2 * padding;
  const lines = [
    ...type.wrap(`Nomor: ${stamp.number}`, style.font, style.size, maxTextWidth),
    ...type.wrap(`Tanggal: ${stamp.date}`, style.font, style.size, maxTextWidth),
  ];
  const width = Math.max(...lines.map((line) => style.font.widthOfTextAtSize(line, style.size))) + 2 * padding;
  const height = lines.length * style.lead + 2 * padding;
  const x = box.x + box.width - 28 - width;
  const top = box.y + box.height - 22;
  page.drawRectangle({ x, y: top - height, width, height, color: WHITE, borderColor: RULE, borderWidth: 0.5 });
  drawLines(page, lines, x + padding, top - padding, style);
}

/** Lower right of the page, above the footer; returns the rectangle it occupies. */
function drawSignatureBlock(page: PDFPage, type: Typesetter, stamp: LetterStamp, qrCode: PDFImage): [number, number, number, number] {
  const box = page.getCropBox();
  const width = Math.min(230, box.width * 0.4);
  const text: TextStyle = { font: type.regular, size: 10, lead: 12.5 };
  const name: TextStyle = { ...text, font: type.bold };
  const code: TextStyle = { font: type.regular, size: 7.5, lead: 10 };
  const qrSize = 80;
  const gap = 5;

  const heading = [
    ...(stamp.signingLine ? type.wrap(stamp.signingLine, text.font, text.size, width) : []),
    ...type.wrap(stamp.signerPositionTitle, text.font, text.size, width),
  ];
  const codeLines = type.wrap(`Kode verifikasi: ${stamp.verificationCode}`, code.font, code.size, width);
  const nameLines = type.wrap(stamp.signerName, name.font, name.size, width);
  const nipLines = type.wrap(`NIP. ${stamp.signerNip}`, text.font, text.size, width);
  const height =
    heading.length * text.lead +
    gap +
    qrSize +
    codeLines.length * code.lead +
    gap +
    nameLines.length * name.lead +
    nipLines.length * text.lead;

  const x = box.x + box.width - 56 - width;
  const bottom = box.y + 48;
  let y = drawLines(page, heading, x, bottom + height, text) - gap;
  page.drawImage(qrCode, { x, y: y - qrSize, width: qrSize, height: qrSize });
  y = drawLines(page, codeLines, x, y - qrSize, code) - gap;
  y = drawLines(page, nameLines, x, y, name);
  drawLines(page, nipLines, x, y, text);
  return [x - 4, bottom - 4, x + width + 4, bottom + height + 4];
}

/** The footer of every page; its layout is computed once per page width (measuring text dominates on long drafts). */
function footerDrawer(type: Typesetter, verificationUrl: string): (page: PDFPage) => void {
  const text = `Dokumen ini ditandatangani secara elektronik. Keaslian dapat diperiksa di ${verificationUrl} atau dengan memindai kode QR.`;
  const style: TextStyle = { font: type.regular, size: 6.5, lead: 8, color: GREY };
  const layouts = new Map<number, Array<{ line: string; width: number }>>();
  return (page) => {
    const box = page.getCropBox();
    let layout = layouts.get(box.width);
    if (!layout) {
      layout = type
        .wrap(text, style.font, style.size, box.width - 80)
        .map((line) => ({ line, width: style.font.widthOfTextAtSize(line, style.size) }));
      layouts.set(box.width, layout);
    }
    layout.forEach(({ line, width }, i, all) => {
      const y = box.y + 14 + (all.length - 1 - i) * style.lead;
      page.drawText(line, { x: box.x + (box.width - width) / 2, y, font: style.font, size: style.size, color: style.color });
    });
  };
}

/** The letter's paper size when it is a portrait page of at least A5, A4 otherwise. */
function sheetSize(page: PDFPage): [number, number] {
  const { width, height } = page.getCropBox();
  return width >= 419 && height >= 595 && height > width ? [width, height] : A4;
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
