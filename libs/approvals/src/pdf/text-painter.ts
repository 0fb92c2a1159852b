import type { Color, PDFFont, PDFName, PDFOperator, PDFPage } from 'pdf-lib';
import { pdfLib } from './pdf-libraries';

/** What paintText last set on a page: font, size and colour stay in the graphics state until changed. */
interface PageText {
  keys: Map<PDFFont, PDFName>;
  font?: PDFName;
  size?: number;
  color?: Color;
}

const pages = new WeakMap<PDFPage, PageText>();

/**
 * Draws one line of text, as pdf-lib's `page.drawText` does for a single line without rotation, but
 * without its per-call option checks, and setting font, size and colour only when they change: a
 * ten-page letter draws about 500 lines, and those operators were much of its layout time. Every other
 * drawing on these pages saves and restores the graphics state (q … Q), so what this sets stays set.
 */
export function paintText(page: PDFPage, text: string, options: { x: number; y: number; font: PDFFont; size: number; color: Color }): void {
  const { beginText, endText, moveText, setFillingColor, setFontAndSize, showText } = pdfLib();
  let state = pages.get(page);
  if (!state) pages.set(page, (state = { keys: new Map() }));
  let key = state.keys.get(options.font);
  if (!key) state.keys.set(options.font, (key = page.node.newFontDictionary(options.font.name, options.font.ref)));
  const operators: PDFOperator[] = [];
  if (state.color !== options.color) {
    operators.push(setFillingColor(options.color));
    state.color = options.color;
  }
  operators.push(beginText());
  if (state.font !== key || state.size !== options.size) {
    operators.push(setFontAndSize(key, options.size));
    state.font = key;
    state.size = options.size;
  }
  operators.push(moveText(options.x, options.y), showText(options.font.encodeText(text)), endText());
  page.pushOperators(...operators);
}
