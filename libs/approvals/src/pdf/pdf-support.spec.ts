import { PDFDocument, StandardFonts } from 'pdf-lib';
import { type CanEncode, isPdfDocEncodable, sanitizeText, wrapLine } from './pdf-support';

describe('sanitizeText', () => {
  let winAnsi: CanEncode;

  beforeAll(async () => {
    const glyphs = new Set((await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica)).getCharacterSet());
    winAnsi = (cp) => glyphs.has(cp);
  });

  it('keeps what the encoding has', () => {
    expect(sanitizeText('Ñoman Šimon – “Kepala” €5', winAnsi)).toBe('Ñoman Šimon – “Kepala” €5');
  });

  it('uses compatibility forms, then base letters, then ?', () => {
    expect(sanitizeText('Ǆemal', winAnsi)).toBe('DŽemal');
    expect(sanitizeText('Ǆemal', isPdfDocEncodable)).toBe('DZemal');
    expect(sanitizeText('Nguyễn Šimić Đức', winAnsi)).toBe('Nguyen Šimic ?uc');
    expect(sanitizeText('ﬁrma', winAnsi)).toBe('firma');
    expect(sanitizeText('محمد 😀', winAnsi)).toBe('???? ?');
  });

  it('turns whitespace into spaces and drops invisible characters', () => {
    expect(sanitizeText('a\tb\nc\u200bd\u0007e', winAnsi)).toBe('a b cde');
    expect(sanitizeText('👨‍👩‍👧 ❤️', winAnsi)).toBe('??? ?');
  });
});

describe('wrapLine', () => {
  const measure = (s: string) => s.length;

  it('wraps at spaces', () => {
    expect(wrapLine('aaa bbb  ccc', measure, 7)).toEqual(['aaa bbb', 'ccc']);
  });

  it('breaks a word longer than the line', () => {
    expect(wrapLine('x abcdefghij', measure, 4)).toEqual(['x', 'abcd', 'efgh', 'ij']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapLine('', measure, 4)).toEqual(['']);
  });
});
