/** The content types Gesit accepts, recognised by their bytes, never by the client's word. */
export type AcceptedType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/tiff' | 'application/zip' | 'text/csv';

export const SNIFF_BYTES = 4096;

const startsWith = (head: Buffer, signature: number[]): boolean => signature.every((byte, i) => head[i] === byte);

/** Plain text that a spreadsheet would read: valid UTF-8, no control bytes but tab, CR and LF. */
function looksLikeCsv(head: Buffer, complete: boolean): boolean {
  if (!head.length) return false;
  let text: string;
  try {
    // A sample cut mid-character is fine: drop up to 3 trailing bytes of an incomplete sequence.
    const sample = complete ? head : head.subarray(0, Math.max(0, head.length - 3));
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return false;
  const firstLine = text.split(/\r?\n/)[0];
  return /[,;\t]/.test(firstLine);
}

/**
 * Recognises a file from its first bytes. CSV has no signature, so it is accepted only when the client
 * also calls it CSV (by name or type) and the bytes are delimited text.
 */
export function sniffContentType(head: Buffer, declared: { filename: string; mimetype?: string }, complete: boolean): AcceptedType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // Scanners write TIFF (little- or big-endian); the archive OCRs it.
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  const saysCsv =
    /\.csv$/i.test(declared.filename) || /^(text\/csv|application\/csv|text\/comma-separated-values)/i.test(declared.mimetype ?? '');
  if (saysCsv && looksLikeCsv(head, complete)) return 'text/csv';
  return null;
}

const EXTENSIONS: Record<AcceptedType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'application/zip': 'zip',
  'text/csv': 'csv',
};

/**
 * A display name safe to put in a Content-Disposition header and a file system: no paths, no control
 * characters, at most 200 characters, and the extension of what the file really is.
 */
export function safeFilename(original: string | undefined, type: AcceptedType): string {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  const stem = cleaned.replace(/\.[^.]*$/, '') || 'berkas';
  return `${stem}.${EXTENSIONS[type]}`;
}
