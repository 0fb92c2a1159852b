import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { serviceUnavailable } from '@gesit/platform';
import type { LetterPdfJob } from './letter-pdf.jobs';
import type { SignedLetterPdf } from './letter-pdf.pipeline';
import type { TextLayer } from '../pdf/text-layer';
import type { LetterPdfReply, LetterPdfRequest, TextLayerRequest } from './letter-pdf.worker';
import type { LocalP12Signer } from './local.signer';
import { INSTITUTION_SEAL } from './signer.provider';
import type { SignRequest } from './signer.port';

type Result = SignedLetterPdf | Buffer | TextLayer;

interface Task {
  request: LetterPdfRequest | TextLayerRequest;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

/** A thread, the one task it works on and that task's deadline. */
interface Slot {
  worker: Worker;
  task: Task | null;
  deadline?: NodeJS.Timeout;
  retire: (error: Error) => void;
}

const TOO_SLOW = {
  id: 'Pembuatan PDF surat terlalu lama karena server sedang sibuk. Tidak ada yang ditandatangani; silakan coba lagi sebentar lagi.',
  en: 'Making the letter PDF took too long because the server is busy. Nothing was signed; please try again shortly.',
};

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Worker threads that make the PDFs of a signing: laying out or stamping a letter and sealing it holds a
 * core for tens of milliseconds (hundreds on a busy machine), which on the API's event loop would delay
 * every other request. They also read uploaded drafts' text layers: starting pdftotext forks the process,
 * and the fork of an API of a few hundred MB held its event loop for 20–70 ms (bench/RESULTS.md).
 * One thread per spare core (at least one); tasks wait for the next free thread. Threads start on first use.
 */
@Injectable()
export class LetterPdfWorkers implements OnModuleDestroy {
  private readonly size = Math.min(4, Math.max(1, availableParallelism() - 1));
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  /** A thread still busy after this long is stopped and its task refused, so no signing waits forever (a 100-page letter takes under a second). */
  taskTimeoutMs = 60_000;

  constructor(@Inject(INSTITUTION_SEAL) private readonly seal: LocalP12Signer) {}

  /**
   * The job's PDF signed with the institution seal. `ahead`: made before the tasks waiting, for a caller
   * holding a lock others wait on (the unit's letter number), so that queued work does not lengthen it.
   */
  sealed(job: LetterPdfJob, request: SignRequest, ahead = false): Promise<SignedLetterPdf> {
    return this.run({ job, request, seal: true }, ahead) as Promise<SignedLetterPdf>;
  }

  /** The job's PDF, unsigned (for a signer outside this process); `ahead` as for sealed. */
  unsigned(job: LetterPdfJob, request: SignRequest, ahead = false): Promise<Buffer> {
    return this.run({ job, request, seal: false }, ahead) as Promise<Buffer>;
  }

  /** The words of an uploaded PDF with their boxes, as readTextLayer reads them, read in a worker thread. */
  textLayer(pdf: Buffer): Promise<TextLayer> {
    return this.run({ textLayerOf: pdf }, false) as Promise<TextLayer>;
  }

  async onModuleDestroy(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map(({ worker }) => worker.terminate()));
  }

  private run(request: LetterPdfRequest | TextLayerRequest, ahead: boolean): Promise<Result> {
    return new Promise((resolve, reject) => {
      if (ahead) this.waiting.unshift({ request, resolve, reject });
      else this.waiting.push({ request, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length) {
      const slot = this.slots.find((s) => !s.task) ?? (this.slots.length < this.size ? this.start() : undefined);
      if (!slot) return;
      slot.task = this.waiting.shift()!;
      slot.deadline = setTimeout(() => {
        slot.retire(serviceUnavailable(TOO_SLOW));
        void slot.worker.terminate();
      }, this.taskTimeoutMs);
      slot.worker.postMessage(slot.task.request);
    }
  }

  private finish(slot: Slot, settle: (task: Task) => void): void {
    const task = slot.task;
    slot.task = null;
    clearTimeout(slot.deadline);
    if (task) settle(task);
    this.dispatch();
  }

  private start(): Slot {
    // From the sources (the tests) the thread compiles TypeScript as the test process does.
    const fromSource = __filename.endsWith('.ts');
    const worker = new Worker(join(__dirname, `letter-pdf.worker.${fromSource ? 'ts' : 'js'}`), {
      workerData: { p12: this.seal.pkcs12.bytes, passphrase: this.seal.pkcs12.passphrase },
      // The young generation of V8's default (16 MB semi-spaces) filled up and stayed in the API's RSS:
      // 8 MB kept the thread about 20 MB smaller after a dozen seals, no slower (bench/RESULTS.md, session 7).
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      execArgv: fromSource ? ['--require', '@swc-node/register'] : [],
    });
    const slot: Slot = { worker, task: null, retire: () => undefined };
    worker.on('message', (reply: LetterPdfReply) =>
      this.finish(slot, (task) => {
        if ('error' in reply) {
          const error = new Error(reply.error.message);
          error.stack = reply.error.stack;
          task.reject(error);
        } else if (reply.result instanceof Uint8Array) {
          task.resolve(asBuffer(reply.result));
        } else if ('pdf' in reply.result) {
          task.resolve({ pdf: asBuffer(reply.result.pdf), sha256: reply.result.sha256 });
        } else {
          task.resolve(reply.result);
        }
      }),
    );
    // A thread that fails or exits fails its task and is replaced on the next one.
    slot.retire = (error: Error) => {
      const at = this.slots.indexOf(slot);
      if (at >= 0) this.slots.splice(at, 1);
      this.finish(slot, (task) => task.reject(error));
    };
    worker.on('error', slot.retire);
    worker.on('exit', (code) => slot.retire(new Error(`the PDF worker thread exited with code ${code}`)));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }
}
