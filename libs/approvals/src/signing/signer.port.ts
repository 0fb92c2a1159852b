import type { PDFDocument, PDFPage } from 'pdf-lib';

export interface SignRequest {
  reason: string;
  location: string;
  signerName: string;
  contactInfo?: string;
  /** BSrE: NIK + passphrase or TOTP of the signer; never stored/logged */
  credentials?: { nik: string; passphrase?: string; totp?: string };
}

export interface Signer {
  readonly kind: 'local-p12' | 'bsre';
  /** returns the signed PDF */
  signPdf(pdf: Buffer, request: SignRequest): Promise<Buffer>;
}

export const SIGNER = Symbol('SIGNER');

/** Where the visible signature field goes: the signature block of the letter (PDF user space, [x1, y1, x2, y2]). */
export interface SignatureWidget {
  page: PDFPage;
  rect: [number, number, number, number];
}

/**
 * Optional capability of a signer that prepares the PDF itself: its placeholder can be added
 * while the letter is being stamped, so the pipeline loads and saves the document only once.
 */
export interface PlaceholderSigner extends Signer {
  addPlaceholder(doc: PDFDocument, request: SignRequest, widget?: SignatureWidget): void;
  /** Signs a saved PDF holding this signer's placeholder; fills it in place and returns the same buffer. */
  signPrepared(pdf: Buffer): Promise<Buffer>;
}

export function isPlaceholderSigner(signer: Signer): signer is PlaceholderSigner {
  const candidate = signer as Partial<PlaceholderSigner>;
  return typeof candidate.addPlaceholder === 'function' && typeof candidate.signPrepared === 'function';
}
