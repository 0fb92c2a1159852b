import {
  beginText,
  type Color,
  endText,
  moveText,
  type PDFFont,
  type PDFName,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  setFillingColor,
  setFontAndSize,
  showText,
} from 'pdf-lib';

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

/**
 * Draws one line of text, as pdf-lib's `page.drawText` does for a single line without rotation, but
 * without its per-call option checks and font switching: a ten-page letter draws about 500 lines, and
 * those checks were a tenth of its signing time. The font's resource key is registered once per page.
 */
export function paintText(page: PDFPage, text: string, options: { x: number; y: number; font: PDFFont; size: number; color: Color }): void {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(options.font);
  if (!key) keys.set(options.font, (key = page.node.newFontDictionary(options.font.name, options.font.ref)));
  page.pushOperators(
    pushGraphicsState(),
    setFillingColor(options.color),
    beginText(),
    setFontAndSize(key, options.size),
    moveText(options.x, options.y),
    showText(options.font.encodeText(text)),
    endText(),
    popGraphicsState(),
  );
}
