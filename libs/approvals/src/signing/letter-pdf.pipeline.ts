import { createHash } from 'node:crypto';
import type { BeforeSave } from './letter-stamp';
import { type SignRequest, type Signer, isPlaceholderSigner } from './signer.port';

export interface SignedLetterPdf {
  pdf: Buffer;
  /** hex SHA-256 of `pdf` */
  sha256: string;
}

/** Makes the finished, unsigned PDF; `beforeSave`, when given, runs on the document just before its one save. */
export type RenderPdf = (beforeSave?: BeforeSave) => Promise<Buffer>;

/**
 * Renders the letter and signs it. A signer that can add its own placeholder does so while the letter
 * is rendered (one save); any other signer receives the finished, unsigned PDF.
 */
export async function signLetterPdf(render: RenderPdf, signer: Signer, request: SignRequest): Promise<SignedLetterPdf> {
  const pdf = isPlaceholderSigner(signer)
    ? await signer.signPrepared(await render((doc, block) => signer.addPlaceholder(doc, request, block)))
    : await signer.signPdf(await render(), request);
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}
