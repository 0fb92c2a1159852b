import { createHash } from 'node:crypto';

// A signature value: the hex string after /Contents in a signature dictionary (at least a few hundred bytes of CMS).
const SIGNATURE_CONTENTS = /\/Contents\s*<([0-9A-Fa-f\s]{256,})>/g;

/**
 * hex SHA-256 of each CMS signature a PDF carries (the /Contents of its signature dictionaries), oldest
 * first. A copy changed by an incremental update keeps the bytes of the signature it was made from, so
 * the signature still names the letter Gesit signed. The placeholder's zero padding is not part of it.
 */
export function signatureDigests(pdf: Buffer): string[] {
  const digests: string[] = [];
  for (const [, hex] of pdf.toString('latin1').matchAll(SIGNATURE_CONTENTS)) {
    const der = derValue(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
    if (der) digests.push(createHash('sha256').update(der).digest('hex'));
  }
  return digests;
}

/** The DER SEQUENCE at the start of `bytes` (a CMS ContentInfo), without what follows it; null when there is none. */
function derValue(bytes: Buffer): Buffer | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  let length = bytes[1];
  let header = 2;
  if (length & 0x80) {
    const size = length & 0x7f;
    if (size === 0 || size > 4 || bytes.length < 2 + size) return null;
    length = bytes.subarray(2, 2 + size).reduce((n, b) => n * 256 + b, 0);
    header += size;
  }
  return header + length <= bytes.length ? bytes.subarray(0, header + length) : null;
}
