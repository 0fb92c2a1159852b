// A worker thread of LetterPdfWorkers: makes the PDFs of signing (pdf-lib, fonts, the seal's RSA signature) off the API's event loop.
import { parentPort, workerData } from 'node:worker_threads';
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

export type LetterPdfReply = { result: SignedLetterPdf | Uint8Array } | { error: { message: string; stack?: string } };

const { p12, passphrase } = workerData as { p12: Uint8Array; passphrase: string };
const seal = new LocalP12Signer(Buffer.from(p12), passphrase);

// One task at a time: the pool sends the next one after the reply.
parentPort!.on('message', (message: LetterPdfRequest) => {
  const reply = (r: LetterPdfReply) => parentPort!.postMessage(r);
  makeLetterPdf(message.job, message.request, message.seal ? seal : null).then(
    (result) => reply({ result }),
    (error: Error) => reply({ error: { message: error.message, stack: error.stack } }),
  );
});
