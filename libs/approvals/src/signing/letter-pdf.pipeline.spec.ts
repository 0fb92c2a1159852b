import { createHash } from 'node:crypto';
import { signLetterPdf } from './letter-pdf.pipeline';
import { generateDevelopmentCertificate } from './local-certificate';
import { LocalP12Signer } from './local.signer';
import type { SignRequest, Signer } from './signer.port';
import { makeDraftPdf, makeStamp, makeSteps } from './testing/draft-pdf';
import { PdfTools } from './testing/pdf-tools';

describe('signLetterPdf', () => {
  const certificate = generateDevelopmentCertificate({ commonName: 'Dr. Budi Santoso', organisation: 'Dinas Kominfo Kota Bandung' });
  const request: SignRequest = { reason: 'Penandatanganan naskah dinas keluar', location: 'Bandung', signerName: 'Dr. Budi Santoso' };
  const tools = new PdfTools();
  let signer: LocalP12Signer;
  let tenPages: Buffer;

  beforeAll(async () => {
    signer = new LocalP12Signer(certificate.p12, certificate.passphrase);
    tenPages = await makeDraftPdf(10);
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

  const sheetPageCount = (pages: string[]) => pages.filter((page) => page.includes('LEMBAR PERSETUJUAN')).length;

  it('stamps and signs a 10-page letter', async () => {
    const stamp = makeStamp();
    const { pdf, sha256 } = await signLetterPdf(tenPages, stamp, signer, request);

    expect(sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const pages = expectSignedLetter(pdf);
    expect(tools.pageTexts(pdf, 1, 1)[0]).toContain(stamp.number);
    const last = tools.pageTexts(pdf, pages.length, pages.length)[0];
    expect(last).toContain('LEMBAR PERSETUJUAN');
    expect(last).toContain(stamp.approvalSheet.draftSha256);
    expect(sheetPageCount(pages)).toBe(1);
    expect(tools.pageCount(pdf)).toBe(10 + 1);
    expect(pages[9]).toContain('Kode verifikasi: AB12CD34EF');
  });

  it('is trusted where the development CA is trusted', async () => {
    const { pdf } = await signLetterPdf(tenPages, makeStamp(), signer, request);
    expect(tools.pdfsig(pdf, tools.trustStore(certificate.caCertPem))).toContain('Certificate is Trusted');
  });

  it('signs names the standard fonts cannot draw', async () => {
    const steps = makeSteps(2);
    steps[0] = { ...steps[0], approver: 'Ǆemal 😀 محمد', actingFor: 'Kepala ✓ Dinas', comment: 'Setuju 👍\u200b\ttanpa catatan' };
    const stamp = makeStamp({
      signerName: 'Nguyễn 😀 Santoso',
      number: 'B-0042/ДИСК/2026',
      approvalSheet: { ...makeStamp().approvalSheet, steps },
    });
    const { pdf } = await signLetterPdf(tenPages, stamp, signer, { ...request, signerName: 'Nguyễn 😀 (Santoso)' });

    const pages = expectSignedLetter(pdf);
    expect(pages[9]).toContain('Nguyen ? Santoso');
    expect(pages[10]).toContain('DŽemal ? ????');
  });

  it('signs a 100-page draft', async () => {
    const { pdf } = await signLetterPdf(await makeDraftPdf(100), makeStamp(), signer, request);
    const pages = expectSignedLetter(pdf);
    expect(pages).toHaveLength(101);
    expect(pages[99]).toContain('NIP. 198001012005011001');
  });

  it('spreads an approval sheet of 40 steps with long comments over several pages', async () => {
    const comment = (i: number) => `Catatan pemeriksa ${i}: ${'sesuaikan dasar hukum dan redaksi paragraf pembuka; '.repeat(4)}`;
    const stamp = makeStamp({ approvalSheet: { ...makeStamp().approvalSheet, steps: makeSteps(40, comment) } });
    const { pdf } = await signLetterPdf(tenPages, stamp, signer, request);

    const pages = expectSignedLetter(pdf);
    const sheets = pages.slice(10);
    expect(sheets.length).toBeGreaterThanOrEqual(3);
    expect(sheetPageCount(pages)).toBe(sheets.length);
    expect(tools.pageCount(pdf)).toBe(10 + sheets.length);
    const text = sheets.join('\n');
    for (let i = 1; i <= 40; i++) expect(text).toMatch(new RegExp(`^Pemeriksa ${i}$`, 'm'));
    expect(sheets[sheets.length - 1]).toContain(stamp.approvalSheet.draftSha256);
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
    const { pdf } = await signLetterPdf(tenPages, makeStamp(), remote, request);
    expect(received).toHaveLength(1);
    expect(received[0].includes('/ByteRange')).toBe(false);
    expect(tools.pageTexts(received[0], 11, 11)[0]).toContain('LEMBAR PERSETUJUAN');
    expectSignedLetter(pdf);
  });
});
