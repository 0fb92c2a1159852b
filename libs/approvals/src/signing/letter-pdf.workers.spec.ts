import { createHash } from 'node:crypto';
import { verificationCodeIn } from '../pdf/pdf-support';
import { findPlaceholders, readTextLayer } from '../pdf/text-layer';
import { generateDevelopmentCertificate } from './local-certificate';
import { LocalP12Signer } from './local.signer';
import { LetterPdfWorkers } from './letter-pdf.workers';
import type { SignRequest } from './signer.port';
import { makeDraftPdf, makeSheet, makeSteps, makeUploadedStamp } from './testing/draft-pdf';
import { PdfTools } from './testing/pdf-tools';

describe('LetterPdfWorkers', () => {
  const certificate = generateDevelopmentCertificate({ commonName: 'Segel Dinas Kominfo', organisation: 'Dinas Kominfo Kota Bandung' });
  const request: SignRequest = { reason: 'Penandatanganan naskah dinas keluar', location: 'Bandung', signerName: 'Segel Dinas Kominfo' };
  const tools = new PdfTools();
  const workers = new LetterPdfWorkers(new LocalP12Signer(certificate.p12, certificate.passphrase));
  afterAll(async () => {
    await workers.onModuleDestroy();
    tools.cleanup();
  });

  it('seals an uploaded letter in a worker thread: valid signature over the whole file, the code in its keywords', async () => {
    const draft = await makeDraftPdf(2);
    const marks = findPlaceholders(await readTextLayer(draft));
    const { pdf, sha256 } = await workers.sealed(
      { kind: 'uploaded', draft, stamp: makeUploadedStamp(marks), verificationCode: 'AB23CD45EF67GH23' },
      request,
    );
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const report = tools.pdfsig(pdf);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(await verificationCodeIn(pdf)).toBe('AB23CD45EF67GH23');
  });

  it("reads an uploaded draft's text layer in a worker thread, as readTextLayer does on the caller's", async () => {
    const draft = await makeDraftPdf(2);
    const layer = await workers.textLayer(draft);
    expect(layer).toEqual(await readTextLayer(draft));
    expect(findPlaceholders(layer).map((mark) => mark.name)).toContain('ttd');
    // Not a PDF: no text layer, as readTextLayer answers.
    expect(await workers.textLayer(Buffer.from('not a pdf'))).toEqual({ pages: [], words: [] });
  });

  it('makes several at once, each its own, and an unsigned one for a remote signer', async () => {
    const sheets = ['Undangan rapat', 'Laporan anggaran', 'Nota dinas'].map((title) => ({ ...makeSheet(makeSteps(2)), title }));
    const sealed = await Promise.all(
      sheets.map((sheet) => workers.sealed({ kind: 'approval-sheet', sheet, footer: 'Lembar persetujuan' }, request)),
    );
    sealed.forEach(({ pdf }, i) => {
      expect(tools.pdfsig(pdf)).toContain('Signature is Valid.');
      expect(tools.pageTexts(pdf).join(' ')).toContain(sheets[i].title);
    });
    const unsigned = await workers.unsigned({ kind: 'approval-sheet', sheet: sheets[0], footer: 'Lembar persetujuan' }, request);
    expect(tools.pdfsig(unsigned)).not.toContain('Signature is Valid.');
    expect(tools.pageTexts(unsigned).join(' ')).toContain('Undangan rapat');
  });

  it('fails the task, not the pool, when the draft is not a PDF', async () => {
    const broken = workers.sealed(
      { kind: 'uploaded', draft: Buffer.from('bukan PDF'), stamp: makeUploadedStamp([]), verificationCode: 'X' },
      request,
    );
    await expect(broken).rejects.toThrow(/PDF|header/i);
    const sheet = makeSheet(makeSteps(1));
    const { pdf } = await workers.sealed({ kind: 'approval-sheet', sheet, footer: 'Lembar persetujuan' }, request);
    expect(tools.pdfsig(pdf)).toContain('Signature is Valid.');
  });

  it('stops a thread that takes longer than its deadline and refuses that signing in words, then goes on', async () => {
    const slow = new LetterPdfWorkers(new LocalP12Signer(certificate.p12, certificate.passphrase));
    slow.taskTimeoutMs = 1;
    try {
      const draft = await makeDraftPdf(20);
      const job = {
        kind: 'uploaded' as const,
        draft,
        stamp: makeUploadedStamp(findPlaceholders(await readTextLayer(draft))),
        verificationCode: 'X',
      };
      await expect(slow.sealed(job, request)).rejects.toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(/terlalu lama/),
      });
      slow.taskTimeoutMs = 60_000;
      const { pdf } = await slow.sealed({ kind: 'approval-sheet', sheet: makeSheet(makeSteps(1)), footer: 'Lembar persetujuan' }, request);
      expect(tools.pdfsig(pdf)).toContain('Signature is Valid.');
    } finally {
      await slow.onModuleDestroy();
    }
  });
});
