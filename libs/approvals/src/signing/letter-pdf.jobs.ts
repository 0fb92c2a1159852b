import { type ComposedLetter, composedLetterPdf } from '../composition/letter-layout';
import { markVerificationCode } from '../pdf/pdf-support';
import { type ApprovalSheet, type UploadedStamp, approvalSheetPdf, stampUploadedLetter } from './letter-stamp';
import { type RenderPdf, type SignedLetterPdf, signLetterPdf } from './letter-pdf.pipeline';
import type { PlaceholderSigner, SignRequest } from './signer.port';

/**
 * A PDF the signing makes, as plain data: it crosses to a worker thread (structured clone, where a Buffer
 * arrives as a Uint8Array).
 */
export type LetterPdfJob =
  | { kind: 'approval-sheet'; sheet: ApprovalSheet; footer: string }
  | { kind: 'uploaded'; draft: Uint8Array; stamp: UploadedStamp; verificationCode: string }
  | { kind: 'composed'; letter: ComposedLetter; verificationCode: string };

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The job's renderer: the finished PDF, unsigned; `beforeSave` (a signer's placeholder) runs just before its one save. */
export function jobRenderer(job: LetterPdfJob): RenderPdf {
  switch (job.kind) {
    case 'approval-sheet':
      return (beforeSave) => approvalSheetPdf(job.sheet, job.footer, beforeSave);
    case 'uploaded':
      return (beforeSave) =>
        stampUploadedLetter(asBuffer(job.draft), job.stamp, (doc, block) => {
          markVerificationCode(doc, job.verificationCode);
          beforeSave?.(doc, block);
        });
    case 'composed': {
      const { logo } = job.letter.letterhead;
      const letter = { ...job.letter, letterhead: { ...job.letter.letterhead, logo: logo && { ...logo, bytes: asBuffer(logo.bytes) } } };
      return (beforeSave) => composedLetterPdf(letter, { verificationCode: job.verificationCode, beforeSave });
    }
  }
}

/** Makes the job's PDF: signed by `signer` when given (one save, its placeholder added while rendering), else unsigned. */
export async function makeLetterPdf(
  job: LetterPdfJob,
  request: SignRequest,
  signer: PlaceholderSigner | null,
): Promise<SignedLetterPdf | Buffer> {
  const render = jobRenderer(job);
  return signer ? signLetterPdf(render, signer, request) : render();
}
