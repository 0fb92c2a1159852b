// A worker thread of LetterPdfWorkers: makes the PDFs of signing (pdf-lib, fonts, the seal's RSA signature) and reads
// uploaded drafts' text layers (pdftotext) off the API's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { readTextLayer, type TextLayer } from '../pdf/text-layer';
import { type LetterPdfJob, makeLetterPdf } from './letter-pdf.jobs';
import type { SignedLetterPdf } from './letter-pdf.pipeline';
import { LocalP12Signer } from './local.signer';
import type { SignRequest } from './signer.port';

export interface LetterPdfRequest {
  job: LetterPdfJob;
  request: SignRequest;
  /** sign with the institution seal; otherwise the PDF comes back unsigned (for a remote signer) */
  seal: boolean;
}

/** The text layer of an uploaded PDF (see readTextLayer). */
export interface TextLayerRequest {
  textLayerOf: Uint8Array;
}

export type LetterPdfReply = { result: SignedLetterPdf | Uint8Array | TextLayer } | { error: { message: string; stack?: string } };

const { p12, passphrase } = workerData as { p12: Uint8Array; passphrase: string };
const seal = new LocalP12Signer(Buffer.from(p12), passphrase);

// One task at a time: the pool sends the next one after the reply.
parentPort!.on('message', (message: LetterPdfRequest | TextLayerRequest) => {
  const reply = (r: LetterPdfReply) => parentPort!.postMessage(r);
  const work: Promise<SignedLetterPdf | Uint8Array | TextLayer> =
    'textLayerOf' in message
      ? readTextLayer(Buffer.from(message.textLayerOf.buffer, message.textLayerOf.byteOffset, message.textLayerOf.byteLength))
      : makeLetterPdf(message.job, message.request, message.seal ? seal : null);
  work.then(
    (result) => reply({ result }),
    (error: Error) => reply({ error: { message: error.message, stack: error.stack } }),
  );
});
