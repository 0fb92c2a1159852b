import { createHash } from 'node:crypto';
import { type LetterStamp, stampLetter } from './letter-stamp';
import { type SignRequest, type Signer, isPlaceholderSigner } from './signer.port';

export interface SignedLetterPdf {
  pdf: Buffer;
  /** hex SHA-256 of `pdf` */
  sha256: string;
}

/**
 * Stamps the approved draft and signs it. A signer that can add its own placeholder does so while
 * the letter is stamped (one load and one save); any other signer receives the finished, unsigned PDF.
 */
export async function signLetterPdf(draft: Buffer, stamp: LetterStamp, signer: Signer, request: SignRequest): Promise<SignedLetterPdf> {
  const pdf = isPlaceholderSigner(signer)
    ? await signer.signPrepared(await stampLetter(draft, stamp, (doc, block) => signer.addPlaceholder(doc, request, block)))
    : await signer.signPdf(await stampLetter(draft, stamp), request);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
