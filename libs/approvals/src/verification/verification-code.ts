import { randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: easy to read aloud and type from paper. */
export function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** 80 random bits as 16 base32 characters: unguessable, and short enough to print under the QR code. */
export function newVerificationCode(): string {
  return base32(randomBytes(10));
}

/** A code as typed by a person: case, spaces and dashes do not matter. */
export function normaliseVerificationCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
