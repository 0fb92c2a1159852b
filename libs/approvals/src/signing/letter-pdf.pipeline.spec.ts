import { createHash } from 'node:crypto';
import { composedLetterPdf } from '../composition/letter-layout';
import { verificationCodeIn } from '../pdf/pdf-support';
import { findPlaceholders, readTextLayer } from '../pdf/text-layer';
import { approvalSheetPdf, stampUploadedLetter } from './letter-stamp';
import { type RenderPdf, signLetterPdf } from './letter-pdf.pipeline';
import { generateDevelopmentCertificate } from './local-certificate';
import { LocalP12Signer } from './local.signer';
import type { SignRequest, Signer } from './signer.port';
import {
  TEN_PAGES,
  makeComposedLetter,
  makeDraftPdf,
  makeSheet,
  makeSteps,
  makeUploadedStamp,
  TEST_VERIFICATION_URL,
} from './testing/draft-pdf';
import { PdfTools, signatureWidget } from './testing/pdf-tools';

describe('signLetterPdf', () => {
  const certificate = generateDevelopmentCertificate({ commonName: 'Dr. Budi Santoso', organisation: 'Dinas Kominfo Kota Bandung' });
  const request: SignRequest = { reason: 'Penandatanganan naskah dinas keluar', location: 'Bandung', signerName: 'Dr. Budi Santoso' };
  const tools = new PdfTools();
  let signer: LocalP12Signer;
  let composed: RenderPdf;

  beforeAll(async () => {
    signer = new LocalP12Signer(certificate.p12, certificate.passphrase);
    const letter = makeComposedLetter(TEN_PAGES, { seal: { url: TEST_VERIFICATION_URL, caption: 'Ditandatangani secara elektronik' } });
    composed = (beforeSave) => composedLetterPdf(letter, { verificationCode: 'AB23CD45EF67GH23', beforeSave });
  });
  afterAll(() => tools.cleanup());

  /** The document's text, checked for a valid signature over the whole file and a clean structure. */
  function expectSignedLetter(pdf: Buffer): string[] {
    const report = tools.pdfsig(pdf);
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain("Certificate issuer isn't Trusted"); // the development CA is self-signed
    expect(tools.qpdfProblems(pdf)).toEqual([]);
    return tools.pageTexts(pdf);
  }

  it('signs a composed 10-page letter, the visible field on its signing block, the code in its keywords', async () => {
    const { pdf, sha256 } = await signLetterPdf(composed, signer, request);
    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const pages = expectSignedLetter(pdf);
    expect(pages).toHaveLength(10);
    const widget = (await signatureWidget(pdf))!;
    expect(widget.page).toBe(10);
    const name = tools.lineBoxes(pdf).find((line) => line.page === 10 && line.text.startsWith('Dr. Sétiawan'))!;
    expect(name.y1).toBeGreaterThan(widget.y1);
    expect(name.y2).toBeLessThan(widget.y2);
    expect(await verificationCodeIn(pdf)).toBe('AB23CD45EF67GH23');
  });

  it('is trusted where the development CA is trusted', async () => {
    const { pdf } = await signLetterPdf(composed, signer, request);
    expect(tools.pdfsig(pdf, tools.trustStore(certificate.caCertPem))).toContain('Certificate is Trusted');
  });

  it('signs an uploaded draft stamped at its placeholders, and a 100-page one', async () => {
    for (const pages of [3, 100]) {
      const draft = await makeDraftPdf(pages);
      const stamp = makeUploadedStamp(findPlaceholders(await readTextLayer(draft)));
      const { pdf } = await signLetterPdf((beforeSave) => stampUploadedLetter(draft, stamp, beforeSave), signer, request);
      const texts = expectSignedLetter(pdf);
      expect(texts).toHaveLength(pages);
      expect(texts[pages - 1]).toContain('NIP. 198001012005011001');
      expect((await signatureWidget(pdf))!.page).toBe(pages);
    }
  });

  it('signs the approval sheet on its own, over several pages for 40 steps', async () => {
    const comment = (i: number) => `Catatan pemeriksa ${i}: ${'sesuaikan dasar hukum dan redaksi paragraf pembuka; '.repeat(4)}`;
    const { pdf } = await signLetterPdf(
      (beforeSave) => approvalSheetPdf(makeSheet(makeSteps(40, comment)), 'internal', beforeSave),
      signer,
      request,
    );
    const sheets = expectSignedLetter(pdf);
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    const text = sheets.join('\n');
    for (let i = 1; i <= 40; i++) expect(text).toMatch(new RegExp(`^Pemeriksa ${i}$`, 'm'));
  });

  it('hands other signers the finished PDF without a placeholder', async () => {
    const received: Buffer[] = [];
    const remote: Signer = {
      kind: 'bsre',
      signPdf: async (pdf, req) => {
        received.push(pdf);
        return signer.signPdf(pdf, req);
      },
    };
    const { pdf } = await signLetterPdf(composed, remote, request);
    expect(received).toHaveLength(1);
    expect(received[0].includes('/ByteRange')).toBe(false);
    expectSignedLetter(pdf);
  });
});
